// 适老化 (care mode) rules that hold without a browser, read from the mini-program's source: every
// page wears the font scale (<page-meta page-style>), no text size escapes it (our WXSS, and the
// TDesign text the pages use), and every tap target is at least 44 px (88rpx) tall. The pictures
// and their audit at WeChat's largest font are `npm run preview`'s (scripts/preview/browser.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** 44 px on the 375-px phone (750rpx): WeChat's and Apple's smallest tap target. */
export const MIN_TARGET_RPX = 88;
/** One line of body text at the standard size (32rpx × 1.5): with this much vertical padding more, a target reaches 88rpx. */
const LINE_RPX = 48;

export interface Rule {
  selectors: string[];
  decls: Array<[string, string]>;
}

/** The rules of a WXSS text (comments dropped; rules inside @media kept, flattened). */
export function parseWxss(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  for (const m of text.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    const selectors = m[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const decls = m[2]
      .split(';')
      .map((d) => d.split(/:(.*)/s))
      .filter((p) => p.length >= 2 && p[0].trim())
      .map((p) => [p[0].trim(), p[1].trim()] as [string, string]);
    rules.push({ selectors, decls });
  }
  return rules;
}

const FONT_PROPS = /^(?:font-size|font|--[\w-]*font-size[\w-]*)$/;
const FIXED_LENGTH = /\d(?:px|rpx|pt|rem|vw|vh)\b/;

/** Font sizes of a WXSS file that do not follow the user's font setting (a length without --font-scale). */
export function fixedFontSizes(css: string): string[] {
  const out: string[] = [];
  for (const r of parseWxss(css)) {
    for (const [prop, value] of r.decls) {
      if (FONT_PROPS.test(prop) && FIXED_LENGTH.test(value) && !value.includes('var(--font-scale)')) out.push(`${r.selectors.join(', ')} { ${prop}: ${value} }`);
    }
  }
  return out;
}

/** A length in rpx on the 375-px phone (px × 2), or NaN. */
function rpxOf(value: string): number {
  const m = /^(-?[\d.]+)(rpx|px)$/.exec(value.trim());
  if (!m) return NaN;
  return m[2] === 'px' ? Number(m[1]) * 2 : Number(m[1]);
}

/** How tall the declarations make a target at least (rpx): its min-height/height, else its vertical padding plus one line. */
export function targetHeight(decls: Array<[string, string]>): number {
  let height = 0;
  let top = 0;
  let bottom = 0;
  for (const [prop, value] of decls) {
    if (prop === 'min-height' || prop === 'height' || prop === 'line-height') height = Math.max(height, rpxOf(value) || 0);
    else if (prop === 'padding') {
      const parts = value.split(/\s+/).map(rpxOf);
      top = parts[0] || 0;
      bottom = (parts.length >= 3 ? parts[2] : parts[0]) || 0;
    } else if (prop === 'padding-top') top = rpxOf(value) || 0;
    else if (prop === 'padding-bottom') bottom = rpxOf(value) || 0;
  }
  return Math.max(height, top + bottom > 0 ? top + bottom + LINE_RPX : 0);
}

const TAP = /\s(?:bind|catch|capture-bind|capture-catch):?tap=/;

/** The tap targets of a WXML text: tag, static classes, size attribute, line. */
export function tapTargets(wxml: string): Array<{ tag: string; classes: string[]; size?: string; line: number }> {
  const out: Array<{ tag: string; classes: string[]; size?: string; line: number }> = [];
  for (const m of wxml.matchAll(/<([a-z][\w-]*)(\s[^>]*?)?\/?>/g)) {
    const attrs = m[2] ?? '';
    if (!TAP.test(attrs)) continue;
    const cls = /\sclass="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const classes = cls
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    out.push({ tag: m[1], classes, size: /\ssize="([^"]*)"/.exec(attrs)?.[1], line: wxml.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** A WXSS file and those it @imports, as rules. */
function rulesOf(file: string, seen = new Set<string>()): Rule[] {
  if (seen.has(file) || !existsSync(file)) return [];
  seen.add(file);
  const css = readFileSync(file, 'utf8');
  const imports = [...css.matchAll(/@import\s+['"]([^'"]+)['"]/g)].map((m) => resolve(dirname(file), m[1]));
  return [...imports.flatMap((f) => rulesOf(f, seen)), ...parseWxss(css)];
}

/** Our WXML and WXSS files (TDesign's copies and node_modules left out). */
export function ownFiles(root: string, ext: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.name === 'miniprogram_npm' || e.name === 'node_modules' || e.name.startsWith('.')) return [];
      const p = join(dir, e.name);
      return e.isDirectory() ? walk(p) : e.name.endsWith(ext) ? [p] : [];
    });
  return walk(root).sort();
}

/** Tap targets under 88rpx: a TDesign button smaller than medium, or our element without a class that makes it tall enough. */
export function smallTapTargets(root: string): string[] {
  const out: string[] = [];
  const app = rulesOf(join(root, 'app.wxss'));
  for (const file of ownFiles(root, '.wxml')) {
    const dir = dirname(file);
    const local = readdirSync(dir)
      .filter((f) => f.endsWith('.wxss'))
      .flatMap((f) => rulesOf(join(dir, f)));
    const rules = [...local, ...app];
    for (const t of tapTargets(readFileSync(file, 'utf8'))) {
      const where = `${relative(root, file)}:${t.line} <${t.tag}${t.classes.length ? ` class="${t.classes.join(' ')}"` : ''}>`;
      if (t.tag === 't-button') {
        if (t.size === 'small' || t.size === 'extra-small') out.push(`${where} size="${t.size}"`);
        continue;
      }
      if (t.tag.startsWith('t-')) continue; // TDesign's cells, tags and icons: the browser audit measures them
      const decls = rules.filter((r) => r.selectors.some((s) => t.classes.some((c) => new RegExp(`\\.${c}(?![\\w-])[^\\s>+~]*$`).test(s)))).flatMap((r) => r.decls);
      if (targetHeight(decls) < MIN_TARGET_RPX) out.push(where);
    }
  }
  return out;
}

/** Pages (app.json paths) whose WXML does not put the font scale on the page. */
export function pagesWithoutScale(root: string, pages: string[]): string[] {
  return pages.filter((p) => !/<page-meta\s[^>]*page-style="\{\{\s*pageStyle\s*\}\}"/.test(readFileSync(join(root, `${p}.wxml`), 'utf8')));
}

/** The TDesign components the mini-program uses (usingComponents of app.json, pages and components). */
export function usedTdesign(root: string): string[] {
  const used = new Set<string>();
  for (const file of ownFiles(root, '.json')) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { usingComponents?: Record<string, string> };
    for (const path of Object.values(json.usingComponents ?? {})) {
      const m = /tdesign-miniprogram\/([\w-]+)\//.exec(path);
      if (m) used.add(m[1]);
    }
  }
  return [...used].sort();
}

/** Glyphs drawn with font-size (icons, spinners, a delete cross): sized as pictures, not text. */
const GLYPH = /icon|loading|delete|file-type/;
/** TDesign text the pages show only when a WXML uses the feature: selector → the use. */
const ONLY_WHEN_USED: Array<[RegExp, RegExp]> = [
  [/t-switch__label/, /<t-switch\s[^>]*\slabel=/],
  [/t-checkbox--tag/, /<t-checkbox(?:-group)?\s[^>]*\bvariant="tag"/],
];

/** TDesign text (not icons) whose size, or clipped line height, neither app.wxss's scaled variables nor --font-scale reach. */
export function unscaledTdesignText(root: string): string[] {
  const appCss = readFileSync(join(root, 'app.wxss'), 'utf8');
  const wxml = ownFiles(root, '.wxml').map((f) => readFileSync(f, 'utf8'));
  const unused = (selectors: string[]) => ONLY_WHEN_USED.some(([sel, use]) => selectors.every((s) => sel.test(s)) && !wxml.some((w) => use.test(w)));
  const scaled = new Set([...appCss.matchAll(/(--td-[\w-]+)\s*:[^;]*var\(--font-scale\)/g)].map((m) => m[1]));
  const out: string[] = [];
  for (const name of usedTdesign(root)) {
    const dir = join(root, 'miniprogram_npm/tdesign-miniprogram', name);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.wxss'))) {
      for (const r of parseWxss(readFileSync(join(dir, f), 'utf8'))) {
        if (r.selectors.every((s) => GLYPH.test(s)) || unused(r.selectors)) continue;
        // A fixed line height cuts larger text where the box hides what overflows.
        const hides = r.decls.some(([p, v]) => p === 'overflow' && v === 'hidden');
        for (const [prop, value] of r.decls) {
          if (!(prop === 'font-size' || (prop === 'line-height' && hides)) || !FIXED_LENGTH.test(value)) continue;
          const vars = [...value.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]);
          if (!vars.some((v) => scaled.has(v))) out.push(`${name}/${basename(f)}: ${r.selectors.join(', ')} { ${prop}: ${value} }`);
        }
      }
    }
  }
  return out;
}
