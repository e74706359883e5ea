// `npm run icons`: the tab bar's icons, drawn from TDesign's SVG icons (tdesign-icons-svg, a dev
// dependency) by a small rasteriser in plain Node (./raster.mjs) — no browser. Each tab of
// miniprogram/app.json gets a normal icon (outline, in tabBar.color) and a selected one (filled,
// in tabBar.selectedColor), 81 × 81 px PNGs (WeChat: at most 40 KB each, 81 × 81 recommended),
// under miniprogram/assets/tabbar/. The PNGs are committed; run this again after changing one.
//
//   node scripts/icons/build.mjs           writes the PNGs
//   node scripts/icons/build.mjs --check   exits 1 when a committed PNG differs from what it draws
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { encodePng, renderSvg } from './raster.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export const SIZE = 81;
export const OUT_DIR = 'assets/tabbar';
/** Tab page → its icon: file name, TDesign outline icon, TDesign filled icon. */
export const TAB_ICONS = {
  'pages/home/index': { file: 'home', normal: 'home', selected: 'home-filled' },
  'pages/activities/index': { file: 'activities', normal: 'calendar', selected: 'calendar-filled' },
  'pages/requests/index': { file: 'requests', normal: 'chat-bubble', selected: 'chat-bubble-filled' },
  'pages/mine/index': { file: 'mine', normal: 'user', selected: 'user-filled' },
};

/** Each icon file (relative to miniprogram/) with its PNG bytes. */
export function drawIcons() {
  const app = JSON.parse(readFileSync(join(root, 'miniprogram/app.json'), 'utf8'));
  const svgDir = join(dirname(require.resolve('tdesign-icons-svg/package.json')), 'src');
  const out = [];
  for (const tab of app.tabBar.list) {
    const icon = TAB_ICONS[tab.pagePath];
    if (!icon) throw new Error(`icons: no icon chosen for the tab ${tab.pagePath} (scripts/icons/build.mjs TAB_ICONS)`);
    for (const [svgName, colour, suffix] of [
      [icon.normal, app.tabBar.color, ''],
      [icon.selected, app.tabBar.selectedColor, '-active'],
    ]) {
      const svg = readFileSync(join(svgDir, `${svgName}.svg`), 'utf8');
      out.push({ path: `${OUT_DIR}/${icon.file}${suffix}.png`, ...encodePng(renderSvg(svg, SIZE, colour), SIZE, SIZE) });
    }
  }
  return out;
}

/** The scanlines of a PNG (its IDAT chunks, inflated). */
function pixelsOf(png) {
  const idat = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  return inflateSync(Buffer.concat(idat));
}

function main(argv) {
  const check = argv.includes('--check');
  const stale = [];
  for (const { path, png, raw } of drawIcons()) {
    const file = join(root, 'miniprogram', path);
    if (check) {
      // Compared as pixels, not bytes: another zlib may compress the same pixels differently.
      if (!existsSync(file) || !pixelsOf(readFileSync(file)).equals(raw)) stale.push(path);
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
    console.log(`icons: miniprogram/${path} (${png.length} bytes)`);
  }
  if (stale.length) {
    console.error(`icons: out of date (run npm run icons): ${stale.join(', ')}`);
    process.exit(1);
  }
  if (check) console.log('icons: every tab bar icon is as drawn');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
