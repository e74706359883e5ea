// `npm run preview`: every page of app.json is declared in each standard state, and the gallery
// builds — each picture a 750 × 1624 PNG (375 × 812 at 2×) that shows something. The build renders
// a subset of the shell's pages to stay quick; the full gallery is `npm run preview`. Chromium and
// the CJK font are installed with apt by the builder when missing (CI runs as root).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { discoverPages, previewList, staleDeclarations } from '../../scripts/preview/pages';
import { decodePng, pixelStats, pngSize } from './png';

const ROOT = resolve(__dirname, '../..');
/** Shell pages in a loading, filled, empty, error, role and acted-on state (the 320-px check comes with `filled`). */
const SUBSET = [
  'pages-mine-index--loading',
  'pages-mine-index--filled',
  'pages-mine-index--error',
  'pages-mine-index--filled-rc',
  'pages-home-index--empty',
  'pages-home-index--unregistered',
  'pages-register-index--errors',
];
/** The page area between the navigation bar (88 px) and the tab bar (84 px), at 2×. */
const CONTENT = { top: 88 * 2, bottom: (812 - 84) * 2 };

interface Item {
  id: string;
  width: number;
  png?: string;
  error?: string;
  backendErrors?: string[];
}

describe('the page list', () => {
  const list = previewList();

  test('declares every page of app.json in its loading, filled and error states', () => {
    for (const page of discoverPages()) {
      const states = list.filter((e) => e.page === page).map((e) => e.name);
      expect({ page, states: states.filter((s) => ['loading', 'filled', 'error'].includes(s)) }).toEqual({ page, states: ['loading', 'filled', 'error'] });
    }
  });

  test('declares no state for a page app.json no longer lists', () => {
    expect(staleDeclarations()).toEqual([]);
  });

  test('gives every state a unique file name', () => {
    const ids = list.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the gallery', () => {
  const out = mkdtempSync(join(tmpdir(), 'preview-test-'));
  let items: Item[] = [];

  beforeAll(async () => {
    await new Promise<void>((done, fail) => {
      execFile(
        process.execPath,
        ['scripts/preview/build.mjs', '--only', SUBSET.join(','), '--out', out, '--no-full'],
        { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } },
        (err, stdout, stderr) => (err && !existsSync(join(out, 'index.html')) ? fail(new Error(`${err.message}\n${stdout}\n${stderr}`)) : done()),
      );
    });
    items = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { items: Item[] }).items;
    // Installing Chromium with apt on a new machine takes minutes; the build itself well under a minute.
  }, 900_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('renders each state of the subset, and the filled one at 320 px too', () => {
    expect(items.map((i) => i.id).sort()).toEqual([...SUBSET, 'pages-mine-index--filled@320'].sort());
    expect(items.filter((i) => i.error).map((i) => `${i.id}: ${i.error}`)).toEqual([]);
    expect(items.filter((i) => i.backendErrors?.length).map((i) => `${i.id}: ${i.backendErrors}`)).toEqual([]);
  });

  test('writes each picture at 2× the screen: 750 × 1624 (640 × 1624 for 320 px)', () => {
    for (const item of items) {
      const size = pngSize(readFileSync(join(out, item.png ?? 'missing.png')));
      expect({ id: item.id, ...size }).toEqual({ id: item.id, width: item.width * 2, height: 1624 });
    }
  });

  test('shows something on the page, not a blank screen', () => {
    for (const item of items) {
      const stats = pixelStats(decodePng(readFileSync(join(out, item.png ?? 'missing.png'))), CONTENT.top, CONTENT.bottom);
      expect({ id: item.id, drawn: stats.stddev > 2 && stats.colours > 16 }).toEqual({ id: item.id, drawn: true });
    }
  });

  test('links every picture from index.html', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    for (const item of items) expect(html).toContain(`src="${item.png}"`);
  });
});
