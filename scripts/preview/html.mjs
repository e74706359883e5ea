// The preview's pages as HTML, without a browser: jest (scripts/preview/jest.preview.config.js)
// renders every page × state of scripts/preview/pages.ts in jsdom with miniprogram-simulate, fed by
// the real use cases on a seeded in-memory SQLite, and writes each composed page as standalone HTML,
// a manifest, and an index.html that frames them. `npm test` checks this composition
// (test/preview/preview.test.ts); `npm run preview` (build.mjs) screenshots it in Chromium.
//
//   node scripts/preview/html.mjs [--only <id|page>[,…]] [--out <dir>]
//   (the same as `node scripts/preview/build.mjs --html-only …`)
//
// Nothing is installed and nothing goes to the network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gallery } from './gallery.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** --only, --out, --no-full (pictures only), --html-only (no browser). */
export function parseArgs(argv) {
  const args = { only: '', out: join(root, 'preview'), full: true, htmlOnly: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--only') args.only = argv[++i] ?? '';
    else if (argv[i] === '--out') args.out = resolve(argv[++i]);
    else if (argv[i] === '--no-full') args.full = false;
    else if (argv[i] === '--html-only') args.htmlOnly = true;
    else throw new Error(`preview: unknown option ${argv[i]}`);
  }
  return args;
}

export const log = (msg) => console.log(`preview: ${msg}`);

/** The folder of TDesign icon SVGs (a dev dependency, so nothing is fetched at run time). */
function iconsDir() {
  try {
    return join(dirname(require.resolve('tdesign-icons-svg/package.json')), 'src');
  } catch {
    log('tdesign-icons-svg is not installed (run npm install): icons are left blank');
    return '';
  }
}

/** Renders the pages to HTML (jest, jsdom); the manifest's items in pages.ts's order, widest first. */
export function renderHtml(args) {
  const jest = join(root, 'node_modules/jest/bin/jest.js');
  const config = join(root, 'scripts/preview/jest.preview.config.js');
  rmSync(join(args.out, 'html'), { recursive: true, force: true });
  mkdirSync(args.out, { recursive: true });
  const r = spawnSync(process.execPath, [jest, '-c', config, '--silent'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    // The people who use it are in Jingzhou: dates as their phones show them.
    env: { ...process.env, TZ: 'Asia/Shanghai', PREVIEW_OUT: args.out, PREVIEW_ONLY: args.only, PREVIEW_ICONS: iconsDir() },
  });
  const manifestFile = join(args.out, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`preview: rendering the pages failed (jest exit ${r.status})`);
  // A page that throws after it rendered fails its jest test but still has its picture: go on, and say so.
  if (r.status !== 0) log(`jest reported failures (exit ${r.status}): see the ● lines above; the other pages are in the gallery`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const order = new Map(manifest.declared.map((id, i) => [id, i]));
  const items = [...manifest.items].sort((a, b) => (order.get(a.id.split('@')[0]) ?? 0) - (order.get(b.id.split('@')[0]) ?? 0) || b.width - a.width);
  return { declared: manifest.declared, items };
}

/** Writes the manifest and the gallery (pictures when the items have them, framed HTML otherwise). */
export function writeGallery(args, manifest, started) {
  const { items } = manifest;
  writeFileSync(join(args.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(args.out, 'index.html'), gallery(manifest));
  if (items.length === 0) log(`no state matches --only ${args.only}`);
  const failed = items.filter((i) => i.error);
  const what = args.htmlOnly ? 'pages (HTML)' : 'pictures';
  log(`${items.length - failed.length} ${what} in ${relative(process.cwd(), join(args.out, 'index.html')) || 'index.html'} (${Math.round((Date.now() - started) / 1000)} s)`);
  for (const f of failed) log(`could not render ${f.id}: ${f.error.split('\n')[0]}`);
  return { items, failed };
}

/** The HTML composition alone: no browser. */
export function buildHtml(argv = []) {
  const started = Date.now();
  const args = { ...parseArgs(argv), htmlOnly: true };
  return writeGallery(args, renderHtml(args), started);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { failed } = buildHtml(process.argv.slice(2));
    process.exit(failed.length ? 1 : 0);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
