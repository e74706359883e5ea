// The rendered page's DOM as the preview reads it: the few DOM shapes used (the root tsconfig has
// no DOM lib; this runs in jsdom only), finding an element by its text, the built-in components
// miniprogram-simulate leaves empty, and the attributes the browser audit of build.mjs reads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MINIPROGRAM_ROOT } from './pages';

export interface DomElement {
  tagName: string;
  outerHTML: string;
  textContent: string | null;
  children: Iterable<DomElement> & { length: number };
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): Iterable<DomElement>;
  appendChild(child: DomElement): DomElement;
  cloneNode(deep: boolean): DomElement;
  remove(): void;
  classList: { add(name: string): void };
  /** The exparser node behind a rendered element. */
  __wxElement?: unknown;
}
export interface DomDocument {
  body: DomElement;
  createElement(tag: string): DomElement;
  getElementById(id: string): DomElement | null;
}
export const doc = (): DomDocument => (globalThis as unknown as { document: DomDocument }).document;

export const textOf = (el: DomElement) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

export function isShown(el: DomElement): boolean {
  for (let e: DomElement | null = el; e; e = e.parentElement) {
    if ((e.getAttribute('style') ?? '').replace(/\s/g, '').includes('display:none')) return false;
  }
  return true;
}

/** The innermost shown element whose text (or, for an icon, aria-label) is or matches `text`. */
export function findByText(root: DomElement, text: string | RegExp): DomElement | null {
  const matches = (s: string) => (typeof text === 'string' ? s === text : text.test(s));
  for (const el of root.querySelectorAll('*')) {
    if (el.tagName === 'STYLE' || !isShown(el) || !matches(textOf(el))) continue;
    if ([...el.children].some((c) => matches(textOf(c)))) continue;
    return el;
  }
  for (const el of root.querySelectorAll('*')) {
    const label = (el.__wxElement as WxNode | undefined)?.data?.ariaLabel;
    if (label && matches(label) && isShown(el)) return el;
  }
  return null;
}

export interface JComponent {
  register(definition: { id: string; tagName: string; properties: Record<string, { type: unknown }>; template: string }): string;
}

/**
 * miniprogram-simulate registers WeChat's built-in components as empty slots without properties,
 * so an input shows neither its value nor its placeholder and an image has no source. These
 * definitions draw what the phone draws (the value, else the grey placeholder; the picture).
 */
export function drawBuiltIns(jc: JComponent): void {
  // Accessibility attributes every built-in takes (kept so the audit can read them).
  const aria = { ariaLabel: { type: String }, ariaRole: { type: String }, ariaHidden: { type: null } };
  for (const id of ['view', 'text', 'button', 'label', 'navigator']) jc.register({ id, tagName: `wx-${id}`, properties: aria, template: '<slot/>' });
  const field = { ...aria, value: { type: null }, placeholder: { type: String }, password: { type: Boolean }, disabled: { type: Boolean } };
  const text = `<span class="wx-field__text {{value || value === 0 ? '' : 'wx-placeholder'}}">{{password && value ? '••••••' : (value || value === 0 ? value : placeholder)}}</span>`;
  // <page-meta page-style> styles the page itself (the font scale of utils/font.ts).
  jc.register({ id: 'page-meta', tagName: 'wx-page-meta', properties: { pageStyle: { type: String } }, template: '<slot/>' });
  jc.register({ id: 'input', tagName: 'wx-input', properties: field, template: text });
  jc.register({ id: 'textarea', tagName: 'wx-textarea', properties: field, template: text });
  const fit = `{{mode === 'aspectFill' ? 'cover' : (mode === 'aspectFit' ? 'contain' : 'fill')}}`;
  jc.register({
    id: 'image',
    tagName: 'wx-image',
    properties: { ...aria, src: { type: String }, mode: { type: String } },
    template: `<img wx:if="{{src}}" class="wx-image__img" data-mode="{{mode}}" src="{{src}}" style="object-fit: ${fit}"/>`,
  });
}

export interface WxNode {
  data?: { ariaLabel?: string; ariaRole?: string; pageStyle?: string };
  __wxEvents?: Record<string, unknown>;
  __wxCaptureEvents?: Record<string, unknown>;
}

/**
 * Writes on the live tree what the audit in build.mjs reads: `aria-label` and `role` as WXML gave
 * them, and `data-pv-tap` on each element that handles a tap.
 */
export function annotate(root: DomElement): void {
  for (const el of root.querySelectorAll('*')) {
    const node = el.__wxElement as WxNode | undefined;
    if (!node) continue;
    if (node.data?.ariaLabel) el.setAttribute('aria-label', node.data.ariaLabel);
    if (node.data?.ariaRole) el.setAttribute('role', node.data.ariaRole);
    if (['tap', 'longpress', 'longtap'].some((e) => node.__wxEvents?.[e] || node.__wxCaptureEvents?.[e])) el.setAttribute('data-pv-tap', '');
    if (node.data?.pageStyle) root.setAttribute('style', `${root.getAttribute('style') ?? ''};${node.data.pageStyle}`);
  }
}

/** What the composed picture needs beyond the tree: local image files, widthFix images' height. */
export function materialise(root: DomElement): DomElement {
  annotate(root);
  const copy = root.cloneNode(true);
  for (const img of copy.querySelectorAll('img.wx-image__img')) {
    const src = img.getAttribute('src') ?? '';
    if (src.startsWith('/') && existsSync(join(MINIPROGRAM_ROOT, src))) img.setAttribute('src', `file://${join(MINIPROGRAM_ROOT, src)}`);
    if (img.getAttribute('data-mode') === 'widthFix' && img.parentElement) {
      img.parentElement.setAttribute('style', `${img.parentElement.getAttribute('style') ?? ''};height:auto`);
      img.setAttribute('style', 'height:auto');
    }
  }
  return copy;
}

