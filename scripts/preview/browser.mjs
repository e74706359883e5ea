/* global document, window, getComputedStyle */
// `npm run preview` only (never `npm test`): headless Chromium (Debian's, driven by playwright-core)
// screenshots each composed page and audits it — tap targets, cut-off, overlapping or off-screen
// text, small text. Installs chromium and fonts-noto-cjk with apt when missing (as root, like CI).
// The pages' own requests are blocked: nothing goes to the network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIN_TARGET, MIN_TEXT, VIEWPORT } from './gallery.mjs';
import { log } from './html.mjs';

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

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

/** Chromium and a CJK font, from Debian's packages when missing. */
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

/** Chromium as the preview drives it: the phone's viewport, offline, local files only. */
export async function launch(width = VIEWPORT.width) {
  const { chromium } = require('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'preview-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width, height: VIEWPORT.height },
    deviceScaleFactor: VIEWPORT.scale,
    locale: 'zh-CN',
    offline: true,
    timezoneId: 'Asia/Shanghai',
  });
  // Only the local files: the icon font's CDN and any other address stay unasked.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}

/**
 * Runs in the page: what a person would stumble on. Tap targets (elements the render marked with
 * data-pv-tap, outermost only) smaller than 44 px or without a name a screen reader can say, text
 * cut off by its box, running past the screen's edge or drawn over other text, text under 12 px, a
 * page wider than the screen.
 */
function auditPage([min, MIN_TEXT]) {
  const width = window.innerWidth;
  const height = document.documentElement.scrollHeight;
  const textOf = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();
  const nameOf = (el) => el.getAttribute('aria-label') || el.querySelector('[aria-label]')?.getAttribute('aria-label') || textOf(el);
  const shown = (el, r) => r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.top < height && r.right > 0 && r.left < width && getComputedStyle(el).visibility !== 'hidden';
  const audit = { small: [], unnamed: [], cut: [], offscreen: [], overlap: [], tiny: [], wide: document.documentElement.scrollWidth > width + 1 };
  // TDesign's icon, tag and an input's unit (suffix) listen to taps whether or not the page does:
  // counted only when labelled.
  const passive = (el) => !el.hasAttribute('aria-label') && el.matches('[class~="t-icon--t-icon"], [class~="t-tag--t-tag"], [class~="t-input--t-input__wrap--suffix"]');
  const targets = [...document.querySelectorAll('[data-pv-tap]')].filter((el) => !passive(el) && !el.parentElement?.closest('[data-pv-tap]'));
  for (const el of targets) {
    const r = el.getBoundingClientRect();
    if (!shown(el, r)) continue;
    const name = nameOf(el).slice(0, 20);
    if (r.width < min - 0.5 || r.height < min - 0.5) audit.small.push(`${name || '（无文字）'} ${Math.round(r.width)}×${Math.round(r.height)}`);
    if (!name) audit.unnamed.push(`${el.className.split(' ').find((c) => c.includes('--')) || el.tagName.toLowerCase()} @${Math.round(r.left)},${Math.round(r.top)}`);
  }
  /** Each line of text as drawn: [element, rect] of its own text nodes' line boxes. */
  const lines = [];
  for (const el of document.querySelectorAll('.pv-content *')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim());
    if (own.length === 0) continue;
    const r = el.getBoundingClientRect();
    if (!shown(el, r)) continue;
    const style = getComputedStyle(el);
    const clipped = (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') || (el.scrollHeight > el.clientHeight + 1 && style.overflowY !== 'visible' && style.webkitLineClamp !== 'none');
    if (clipped) audit.cut.push(textOf(el).slice(0, 24));
    // Past the edge inside a scroll-view (TDesign's tabs) is a row that scrolls sideways, not lost text.
    else if (r.right > width + 0.5 && !el.closest('wx-scroll-view')) audit.offscreen.push(textOf(el).slice(0, 24));
    const size = parseFloat(style.fontSize);
    // On the 320-px check all rpx text shrinks by 15 %: small text is judged on the 375-px screen.
    if (width >= 375 && size < MIN_TEXT && audit.tiny.length < 8 && !audit.tiny.some((t) => t.startsWith(textOf(el).slice(0, 12)))) {
      audit.tiny.push(`${textOf(el).slice(0, 12)} ${Math.round(size * 10) / 10}px`);
    }
    for (const node of own) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) if (line.width >= 1 && line.height >= 1) lines.push([el, line]);
    }
  }
  // Text over text (a label pushed onto its neighbour by larger type): line boxes of unrelated
  // elements that cross by more than a third of the smaller line's height and 4 px across.
  for (let i = 0; i < lines.length && audit.overlap.length < 8; i += 1) {
    const [a, ra] = lines[i];
    for (let j = i + 1; j < lines.length; j += 1) {
      const [b, rb] = lines[j];
      if (a === b || a.contains(b) || b.contains(a)) continue;
      const dx = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const dy = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (dx > 4 && dy > Math.min(ra.height, rb.height) / 3) {
        const pair = `「${textOf(a).slice(0, 10)}」与「${textOf(b).slice(0, 10)}」`;
        if (!audit.overlap.includes(pair)) audit.overlap.push(pair);
        break;
      }
    }
  }
  return audit;
}

/** Screenshots (and audits) each composed page; writes png/<id>.png (and .full.png when longer). */
export async function screenshot(args, items) {
  const { page, close } = await launch();
  try {
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
    await close();
  }
}
