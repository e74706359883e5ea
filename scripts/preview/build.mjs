/* global document, window, getComputedStyle */
// `npm run preview`: renders every page of the mini-program in each of its states (the list is
// scripts/preview/pages.ts) and writes a PNG of each — 375 × 812 CSS px at 2×, i.e. 750 × 1624 —
// plus an index.html gallery under preview/.
//
//   1. jest (scripts/preview/jest.preview.config.js) renders the pages in jsdom with miniprogram-simulate,
//      fed by the real use cases on a seeded in-memory SQLite, and writes standalone HTML;
//   2. headless Chromium (Debian's, driven by playwright-core) screenshots each HTML file.
//
// Options: --only <id|page>[,…] (a subset), --out <dir> (default preview/), --no-full (skip the
// full-length pictures the gallery links to). Installs chromium and fonts-noto-cjk with apt when
// missing. Nothing else goes to the network: the pages' own requests are blocked.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The phone: 375 × 812 CSS px at 2× (an iPhone X-class screen). */
export const VIEWPORT = { width: 375, height: 812, scale: 2 };
/** TDesign's icon glyphs as SVG files (the icon font is on a CDN): the npm package, version pinned. */
const ICONS_PACKAGE = 'tdesign-icons-svg@0.4.0';

function parseArgs(argv) {
  const args = { only: '', out: join(root, 'preview'), full: true };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--only') args.only = argv[++i] ?? '';
    else if (argv[i] === '--out') args.out = resolve(argv[++i]);
    else if (argv[i] === '--no-full') args.full = false;
    else throw new Error(`preview: unknown option ${argv[i]}`);
  }
  return args;
}

const log = (msg) => console.log(`preview: ${msg}`);

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

/** Chromium and a CJK font, from Debian's packages when missing (as root, like CI). */
export function ensureChromium() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (missing.length === 0) return;
  log(`${missing.join(' and ')} missing: installing with apt (apt-get update && apt-get install -y ${missing.join(' ')}), a few minutes…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const cmd of [['apt-get', ['update']], ['apt-get', ['install', '-y', ...missing]]]) {
    const r = spawnSync(cmd[0], cmd[1], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) throw new Error(`preview: \`${cmd[0]} ${cmd[1].join(' ')}\` failed (exit ${r.status}); install ${missing.join(' ')} by hand`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`preview: ${CHROMIUM} still missing after apt-get install chromium`);
  log(`installed ${missing.join(' and ')}`);
}

/** The folder of TDesign icon SVGs (a dev dependency, so nothing is fetched at run time). */
function iconsDir() {
  try {
    return join(dirname(require.resolve('tdesign-icons-svg/package.json')), 'src');
  } catch {
    log(`${ICONS_PACKAGE} is not installed (run npm install): icons are left blank`);
    return '';
  }
}

/** Step 1: render the pages to HTML (jest, jsdom). */
function renderHtml(args, icons) {
  const jest = join(root, 'node_modules/jest/bin/jest.js');
  const config = join(root, 'scripts/preview/jest.preview.config.js');
  rmSync(join(args.out, 'html'), { recursive: true, force: true });
  mkdirSync(args.out, { recursive: true });
  const r = spawnSync(process.execPath, [jest, '-c', config, '--silent'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    // The people who use it are in Jingzhou: dates as their phones show them.
    env: { ...process.env, TZ: 'Asia/Shanghai', PREVIEW_OUT: args.out, PREVIEW_ONLY: args.only, PREVIEW_ICONS: icons },
  });
  const manifestFile = join(args.out, 'manifest.json');
  if (r.status !== 0 || !existsSync(manifestFile)) throw new Error(`preview: rendering the pages failed (jest exit ${r.status})`);
  return JSON.parse(readFileSync(manifestFile, 'utf8'));
}

/** WeChat's and Apple's minimum tap target (CSS px). */
const MIN_TARGET = 44;
/** Smaller text is hard to read for the elderly residents the app serves (CSS px). */
const MIN_TEXT = 12;

/**
 * Runs in the page: what a person would stumble on. Tap targets (elements the render marked with
 * data-pv-tap, outermost only) smaller than 44 px or without a name a screen reader can say, text
 * cut off by its box or running past the screen's edge, text under 12 px, a page wider than the screen.
 */
function auditPage([min, MIN_TEXT]) {
  const width = window.innerWidth;
  const height = document.documentElement.scrollHeight;
  const textOf = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();
  const nameOf = (el) => el.getAttribute('aria-label') || el.querySelector('[aria-label]')?.getAttribute('aria-label') || textOf(el);
  const shown = (el, r) => r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.top < height && r.right > 0 && r.left < width && getComputedStyle(el).visibility !== 'hidden';
  const audit = { small: [], unnamed: [], cut: [], offscreen: [], tiny: [], wide: document.documentElement.scrollWidth > width + 1 };
  // TDesign's icon and tag listen to taps whether or not the page does: counted only when labelled.
  const passive = (el) => !el.hasAttribute('aria-label') && el.matches('[class~="t-icon--t-icon"], [class~="t-tag--t-tag"]');
  const targets = [...document.querySelectorAll('[data-pv-tap]')].filter((el) => !passive(el) && !el.parentElement?.closest('[data-pv-tap]'));
  for (const el of targets) {
    const r = el.getBoundingClientRect();
    if (!shown(el, r)) continue;
    const name = nameOf(el).slice(0, 20);
    if (r.width < min - 0.5 || r.height < min - 0.5) audit.small.push(`${name || '（无文字）'} ${Math.round(r.width)}×${Math.round(r.height)}`);
    if (!name) audit.unnamed.push(`${el.className.split(' ').find((c) => c.includes('--')) || el.tagName.toLowerCase()} @${Math.round(r.left)},${Math.round(r.top)}`);
  }
  for (const el of document.querySelectorAll('.pv-content *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const r = el.getBoundingClientRect();
    if (!shown(el, r)) continue;
    const style = getComputedStyle(el);
    const clipped = (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') || (el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible' && style.webkitLineClamp !== 'none');
    if (clipped) audit.cut.push(textOf(el).slice(0, 24));
    else if (r.right > width + 0.5) audit.offscreen.push(textOf(el).slice(0, 24));
    const size = parseFloat(style.fontSize);
    // On the 320-px check all rpx text shrinks by 15 %: small text is judged on the 375-px screen.
    if (width >= 375 && size < MIN_TEXT && audit.tiny.length < 8 && !audit.tiny.some((t) => t.startsWith(textOf(el).slice(0, 12)))) {
      audit.tiny.push(`${textOf(el).slice(0, 12)} ${Math.round(size * 10) / 10}px`);
    }
  }
  return audit;
}

/** Step 2: screenshot each HTML page in headless Chromium. */
async function screenshot(args, items) {
  const { chromium } = require('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'preview-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: VIEWPORT.width, height: VIEWPORT.height },
    deviceScaleFactor: VIEWPORT.scale,
    locale: 'zh-CN',
    offline: true,
    timezoneId: 'Asia/Shanghai',
  });
  try {
    // Only the local files: the icon font's CDN and any other address stay unasked.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    mkdirSync(join(args.out, 'png'), { recursive: true });
    for (const item of items) {
      if (item.error) continue;
      await page.setViewportSize({ width: item.width, height: VIEWPORT.height });
      await page.goto(`file://${join(args.out, item.html)}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      item.audit = await page.evaluate(auditPage, [MIN_TARGET, MIN_TEXT]);
      item.png = `png/${item.id}.png`;
      await page.screenshot({ path: join(args.out, item.png) });
      if (args.full) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        if (height > VIEWPORT.height + 1) {
          item.fullPng = `png/${item.id}.full.png`;
          // The whole page: the tab bar after the content, no home indicator across it.
          await page.addStyleTag({ content: '.pv-home{display:none}.pv-tabbar{position:static}.pv-content{padding-bottom:0}' });
          await page.screenshot({ path: join(args.out, item.fullPng), fullPage: true });
        }
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The gallery: one row per page, one card per state. */
function gallery(manifest, items) {
  const pages = [...new Set(items.map((i) => i.page))];
  const rows = pages.map((page) => {
    const cards = items
      .filter((i) => i.page === page)
      .map((i) => {
        const caption = `<figcaption><b>${esc(i.title)}</b>${i.width !== VIEWPORT.width ? ` · ${i.width} px 宽` : ''}<br><span>${esc(i.asLabel)} · ${esc(i.state)}</span></figcaption>`;
        if (i.error) return `<figure class="error"><pre>${esc(i.error)}</pre>${caption}</figure>`;
        const img = `<img src="${esc(i.png)}" width="${i.width}" loading="lazy" alt="${esc(`${page} ${i.title}`)}">`;
        const warn = i.backendErrors?.length ? `<pre class="warn">${esc(i.backendErrors.join('\n'))}</pre>` : '';
        const a = i.audit ?? {};
        const notes = [
          a.wide ? '页面比屏幕宽（可横向滚动）' : '',
          a.small?.length ? `点击区域小于 ${MIN_TARGET} px：${a.small.join('；')}` : '',
          a.unnamed?.length ? `无文字且无 aria-label 的可点元素：${a.unnamed.join('；')}` : '',
          a.cut?.length ? `文字被截断：${a.cut.join('；')}` : '',
          a.offscreen?.length ? `文字超出屏幕：${a.offscreen.join('；')}` : '',
          a.tiny?.length ? `字号小于 ${MIN_TEXT} px：${a.tiny.join('；')}` : '',
        ].filter(Boolean);
        const audit = notes.length ? `<ul class="audit">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
        return `<figure><a href="${esc(i.fullPng ?? i.png)}">${img}</a>${warn}${caption}${audit}</figure>`;
      })
      .join('\n');
    return `<section id="${esc(page)}"><h2>${esc(page)}</h2><div class="row">${cards}</div></section>`;
  });
  const toc = pages.map((p) => `<a href="#${esc(p)}">${esc(p)}</a>`).join(' · ');
  const failed = items.filter((i) => i.error).length;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页面预览 · 红色物业</title><style>
body{margin:24px;font-family:"Noto Sans CJK SC",sans-serif;background:#eee;color:#222}
h1{font-size:22px} nav{font:13px/1.8 monospace} nav a{color:#a80f15} h2{font-size:16px;margin:32px 0 8px;font-family:monospace}
.row{display:flex;gap:20px;overflow-x:auto;padding-bottom:12px;align-items:flex-start}
figure{margin:0;flex:none}
figure img{display:block;border:1px solid #bbb;border-radius:12px;background:#fff}
figcaption{font-size:13px;margin-top:6px;max-width:375px} figcaption span{color:#777}
figure.error pre{width:375px;height:300px;overflow:auto;background:#fdecec;color:#a80f15;font-size:11px;white-space:pre-wrap;padding:8px;box-sizing:border-box}
ul.audit{max-width:375px;margin:4px 0 0;padding-left:18px;font-size:12px;color:#a15c00}
pre.warn{max-width:375px;max-height:120px;overflow:auto;background:#fff7e6;font-size:11px;white-space:pre-wrap}
</style></head><body>
<h1>页面预览（${items.length} 张${failed ? `，${failed} 张渲染失败` : ''}）</h1>
<p>375 × 812（2 倍图）；「320 px 宽」为窄屏检查。点图片看整页。数据：演示数据（API.md §4）经真实云函数逻辑与内嵌数据库。声明的状态共 ${manifest.declared.length} 个。</p>
<nav>${toc}</nav>
${rows.join('\n')}
</body></html>
`;
}

export async function buildPreview(argv = []) {
  const started = Date.now();
  const args = parseArgs(argv);
  ensureChromium();
  const icons = iconsDir();
  const manifest = renderHtml(args, icons);
  const order = new Map(manifest.declared.map((id, i) => [id, i]));
  const items = [...manifest.items].sort((a, b) => (order.get(a.id.split('@')[0]) ?? 0) - (order.get(b.id.split('@')[0]) ?? 0) || b.width - a.width);
  await screenshot(args, items);
  writeFileSync(join(args.out, 'manifest.json'), `${JSON.stringify({ declared: manifest.declared, items }, null, 2)}\n`);
  writeFileSync(join(args.out, 'index.html'), gallery(manifest, items));
  if (items.length === 0) log(`no state matches --only ${args.only}`);
  const failed = items.filter((i) => i.error);
  log(`${items.length - failed.length} pictures in ${relative(process.cwd(), join(args.out, 'index.html')) || 'index.html'} (${Math.round((Date.now() - started) / 1000)} s)`);
  for (const f of failed) log(`could not render ${f.id}: ${f.error.split('\n')[0]}`);
  return { items, failed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildPreview(process.argv.slice(2)).then(
    ({ failed }) => process.exit(failed.length ? 1 : 0),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
