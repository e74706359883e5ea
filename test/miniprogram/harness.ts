/**
 * Mini-program page harness: render a page as WeChat would (TDesign included), act on it as a person
 * would, and check what it shows and which backend calls it made.
 *
 *   import { mockBackend, renderPage, type PageHandle } from './harness';
 *   import { installWx } from './wx-mock';
 *
 *   beforeEach(() => installWx());                         // fresh wx mocks and storage per test
 *   afterEach(() => page?.detach());
 *
 *   const backend = mockBackend({                          // answers by '<function>.<action>'
 *     'account.whoami': { ok: true, data: { openid: 'demo-resident', user: null } },
 *     'account.register': (data) => ({ ok: true, data: { ...data, status: 'pending' } }),  // from the payload
 *   });
 *   page = await renderPage('pages/register/index');       // loads, attaches, lets the first calls settle
 *   await page.pick('所在社区', '红星社区');                  // taps the cell, taps the option, taps 确定
 *   await page.type('手机号', '1390716000');                // types into the t-input/t-textarea labelled so
 *   await page.tap('提交注册');                              // the innermost shown element with that text
 *   expect(page.fieldError('手机号')).toBe('请输入 11 位手机号'); // t-input tips, or the `.field-error` after a field
 *   expect(backend.calls('account.register')).toEqual([]);  // payloads sent to that action
 *   expect(page.text()).toContain('…');  page.getByText('…');  page.queryByText('…')  // null when absent
 *   expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/…' }));
 *
 * More: `backend.answer(key, envelope)` changes an answer mid-test; `backend.all` has every call
 * with its `x-openid`; `renderPage(path, { config: { mode: 'cloud', cloudEnv: '…' } })` renders in cloud mode
 * (mock `wx.cloud.callFunction` then); `fire(element, 'change', detail)` sends any other event;
 * `page.comp.instance.onShow()` runs a page lifecycle method; `await page.settle()` waits more.
 *
 * Pages are loaded from the real miniprogram/ root, so absolute `/miniprogram_npm/...` component
 * paths resolve as in DevTools. Every action settles (20 ms of real time) for the page's promises
 * and re-render. An action without an answer gets UNKNOWN_ACTION, so an unexpected call shows up
 * on the page. Class names in the DOM carry miniprogram-simulate's prefix (`page--notice`): use
 * `hasClass(el, 'notice')` rather than `classList.contains`.
 */
import { resolve } from 'node:path';
import simulate from 'miniprogram-simulate';
import { config, type AppConfig } from '../../miniprogram/config';
import type { ApiResult } from '../../typings/api';

/** The mini-program root (what DevTools calls miniprogramRoot). */
export const MINIPROGRAM_ROOT = resolve(__dirname, '../../miniprogram');

type RootComponent = ReturnType<typeof simulate.render> & { attach(parent: Node): void; detach(): void };

/** An exparser node behind a jsdom element (what miniprogram-simulate dispatches events on). */
interface WxElement {
  __wxElement?: unknown;
}

/** The part of miniprogram-exparser (the component engine j-component renders with) used here. */
interface Exparser {
  Event: { dispatchEvent(target: unknown, event: unknown): void; create(name: string, detail: object, options: object): unknown };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS module
const exparser: Exparser = require('miniprogram-exparser');

/** Macrotask turns `settle` lets pass after its sleep (see there). */
const SETTLE_TURNS = 12;

/**
 * Waits for pending promises, timers and re-renders of the page: `ms` of real time, then a few
 * turns of the event loop. On a loaded machine the process may get no CPU during the sleep; the
 * turns let a chain of zero-delay steps (a call's answer, then the render, then the next call) run
 * to its end whatever the wall time was.
 */
export async function settle(ms = 20): Promise<void> {
  await simulate.sleep(ms);
  for (let i = 0; i < SETTLE_TURNS; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Fires a WeChat event (tap, input, change…) on a rendered element, as miniprogram-simulate does. */
export function fire(el: Element, name: string, detail: object = {}): void {
  const target = (el as Element & WxElement).__wxElement;
  if (!target) throw new Error(`<${el.tagName.toLowerCase()}> is not a rendered mini-program element`);
  exparser.Event.dispatchEvent(target, exparser.Event.create(name, detail, { bubbles: true, capturePhase: true, composed: true }));
}

/** The text of an element as a person reads it: whitespace collapsed. */
export function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function isShown(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.getAttribute('style')?.replace(/\s/g, '').includes('display:none')) return false;
  }
  return true;
}

/** The text directly inside an element, not inside its child elements. */
function ownTextOf(el: Element): string {
  return [...el.childNodes]
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Elements showing `text`, innermost first: an element matches when its whole text matches, or its
 * own text does (a label followed by a required mark or an icon), and no child matches as a whole.
 */
export function findAllByText(root: Element, text: string | RegExp, { exact = true } = {}): Element[] {
  const matches = (s: string) => (typeof text === 'string' ? (exact ? s === text : s.includes(text)) : text.test(s));
  const found: Element[] = [];
  root.querySelectorAll('*').forEach((el) => {
    if (el.tagName === 'STYLE' || !isShown(el)) return;
    if (!matches(textOf(el)) && !matches(ownTextOf(el))) return;
    if ([...el.children].some((c) => matches(textOf(c)))) return;
    found.push(el);
  });
  return found;
}

/**
 * Whether an element has a class. miniprogram-simulate prefixes each component's classes with its
 * tag (`page--field-error`, `t-input--t-input`), WeChat does not: both are accepted.
 */
export function hasClass(el: Element, name: string): boolean {
  return [...el.classList].some((c) => c === name || c.endsWith(`--${name}`));
}

/** The root class of the TDesign components a field can be (`<t-input>` renders no host element). */
const FIELD_ROOT = /(?:^|--)(t-(?:input|textarea|cell|checkbox|switch|radio|stepper|rate))$/;

function fieldRoot(el: Element): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if ([...e.classList].some((c) => FIELD_ROOT.test(c))) return e;
  return null;
}

export interface RenderOptions {
  /** Overrides of miniprogram/config.ts (e.g. `{ mode: 'cloud', cloudEnv: 'prod-1a2b3c' }`) until the page is detached. */
  config?: Partial<AppConfig>;
  /** Properties the page component is rendered with. */
  properties?: Record<string, unknown>;
}

/** A rendered page and what a person can do with it. */
export interface PageHandle {
  comp: RootComponent;
  dom: Element;
  /** All the text the page shows, whitespace folded. */
  text(): string;
  /** The element showing `text`; throws (with the page's text) when there is none. */
  getByText(text: string | RegExp, options?: { exact?: boolean }): Element;
  queryByText(text: string | RegExp, options?: { exact?: boolean }): Element | null;
  /** Taps the element showing `target` (or the element itself), then settles. */
  tap(target: string | RegExp | Element): Promise<void>;
  /** The form field labelled `label`. */
  field(label: string): Element;
  /** Types `value` into the field labelled `label`. */
  type(label: string, value: string): Promise<void>;
  /** The validation message shown under the field, '' when none. */
  fieldError(label: string): string;
  /** Opens the picker of the field, taps `option`, then 确定. */
  pick(label: string, option: string): Promise<void>;
  settle(ms?: number): Promise<void>;
  detach(): void;
}

/** Component ids of the pages loaded so far: a page's module runs once per test file. */
const loadedPages = new Map<string, string>();

/**
 * Renders a page (path relative to the mini-program root, without extension) and waits for it.
 * A page is loaded once per test file (jest runs its module once) and rendered afresh each time.
 */
export async function renderPage(pagePath: string, options: RenderOptions = {}): Promise<PageHandle> {
  let id = loadedPages.get(pagePath);
  if (!id) {
    id = simulate.load(resolve(MINIPROGRAM_ROOT, pagePath), 'page', { rootPath: MINIPROGRAM_ROOT });
    loadedPages.set(pagePath, id);
  }
  const restoreConfig = { ...config };
  Object.assign(config, options.config);
  const comp = simulate.render(id, options.properties) as RootComponent;
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  comp.attach(parent);
  const dom = comp.dom as Element;
  await settle();

  const getByText: PageHandle['getByText'] = (text, options) => {
    const [el] = findAllByText(dom, text, options);
    if (!el) throw new Error(`no element shows "${String(text)}"; the page shows: ${textOf(dom)}`);
    return el;
  };

  const field = (label: string): Element => {
    const roots = new Set(
      findAllByText(dom, label)
        .map(fieldRoot)
        .filter((r): r is Element => r !== null),
    );
    if (roots.size !== 1) throw new Error(`expected one field labelled "${label}", found ${roots.size}; the page shows: ${textOf(dom)}`);
    return [...roots][0];
  };

  const page: PageHandle = {
    comp,
    dom,
    text: () => textOf(dom),
    getByText,
    queryByText: (text, options) => findAllByText(dom, text, options)[0] ?? null,
    async tap(target) {
      fire(typeof target === 'string' || target instanceof RegExp ? getByText(target) : target, 'tap');
      await settle();
    },
    field,
    async type(label, value) {
      const host = field(label);
      const control = host.querySelector('wx-input, wx-textarea');
      if (!control) throw new Error(`the field "${label}" has no text control`);
      fire(control, 'input', { value, cursor: value.length, keyCode: 0 });
      await settle();
    },
    fieldError(label) {
      const host = field(label);
      const tips = [...host.querySelectorAll('*')].find((el) => [...el.classList].some((c) => c.endsWith('__tips')));
      if (tips) return textOf(tips);
      // Otherwise the page's own `.field-error` right after the field.
      const next = host.nextElementSibling;
      return next && hasClass(next, 'field-error') ? textOf(next) : '';
    },
    async pick(label, option) {
      await page.tap(field(label));
      const pickers = [...dom.querySelectorAll('*')].filter((el) => hasClass(el, 't-picker') && isShown(el));
      const picker = pickers.find((p) => findAllByText(p, option).length > 0);
      if (!picker) throw new Error(`no open picker offers "${option}"; the page shows: ${textOf(dom)}`);
      await page.tap(findAllByText(picker, option)[0]);
      await page.tap(findAllByText(picker, '确定')[0]);
    },
    settle,
    detach() {
      comp.detach();
      parent.remove();
      Object.assign(config, restoreConfig);
    },
  };
  return page;
}

/** A backend answer: a fixed envelope, or one computed from the action's payload. */
export type Answer = ApiResult<unknown> | ((data: Record<string, unknown>) => ApiResult<unknown>);

/** One call the page made through services/transport. */
export interface BackendCall {
  fn: string;
  action: string;
  data: Record<string, unknown>;
  /** The x-openid header (local mode). */
  openid: string | undefined;
}

export interface MockBackend {
  /** Every call, in order. */
  all: BackendCall[];
  /** The payloads of the calls to one action (`'account.register'`). */
  calls(key: string): Array<Record<string, unknown>>;
  /** Changes or adds an answer. */
  answer(key: string, answer: Answer): void;
}

/** Answers local-mode calls (wx.request to the gateway) by `'<function>.<action>'`. */
export function mockBackend(answers: Record<string, Answer> = {}): MockBackend {
  const table = new Map(Object.entries(answers));
  const all: BackendCall[] = [];
  (wx.request as unknown as jest.Mock).mockImplementation((options: WechatMiniprogram.RequestOption) => {
    const fn = String(options.url).split('/functions/')[1] ?? '';
    const body = options.data as { action: string; data: Record<string, unknown> };
    const header = (options.header ?? {}) as Record<string, string>;
    all.push({ fn, action: body.action, data: body.data, openid: header['x-openid'] });
    const answer = table.get(`${fn}.${body.action}`);
    const envelope =
      answer === undefined
        ? { ok: false, error: { code: 'UNKNOWN_ACTION', message: `测试未设置 ${fn}.${body.action} 的应答` } }
        : typeof answer === 'function'
          ? answer(body.data)
          : answer;
    setTimeout(() => options.success?.({ statusCode: 200, data: envelope, header: {}, cookies: [], errMsg: 'request:ok' } as never), 0);
    return { abort: jest.fn() } as never;
  });
  return {
    all,
    calls: (key) => all.filter((c) => `${c.fn}.${c.action}` === key).map((c) => c.data),
    answer: (key, answer) => void table.set(key, answer),
  };
}
