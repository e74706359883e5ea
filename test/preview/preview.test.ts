// The preview's composition, without a browser (`npm test` installs nothing and starts no browser):
// every page of app.json is declared in each standard state — care mode (关怀模式, WeChat's largest
// font) included — and `scripts/preview/html.mjs` (what `npm run preview --html-only` runs) composes
// a subset of the shell's pages into standalone HTML and a gallery that frames them. The pictures
// and the browser audit are `npm run preview`'s.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { discoverPages, previewList, staleDeclarations } from '../../scripts/preview/entries';
import { CARE_SCALE } from '../../scripts/preview/pages';

const ROOT = resolve(__dirname, '../..');
/** Shell pages in a loading, filled, empty, error, role, acted-on and care state (the 320-px check comes with `filled`). */
const SUBSET = [
  'pages-mine-index--loading',
  'pages-mine-index--filled',
  'pages-mine-index--error',
  'pages-mine-index--filled-rc',
  'pages-mine-index--care',
  'pages-home-index--empty',
  'pages-home-index--unregistered',
  'pages-home-index--care',
  'pages-register-index--errors',
];

interface Item {
  id: string;
  page: string;
  state: string;
  width: number;
  html: string;
  error?: string;
  backendErrors?: string[];
}

/** The font scale the composed page was rendered at (<page style="--font-scale: …">). */
const fontScaleIn = (html: string) => Number(/<page style="[^"]*--font-scale:\s*([\d.]+)/.exec(html)?.[1] ?? NaN);

describe('the page list', () => {
  const list = previewList();

  test('declares every page of app.json in its loading, filled, error and care states', () => {
    const standard = ['loading', 'filled', 'error', 'care'];
    for (const page of discoverPages()) {
      const states = list.filter((e) => e.page === page).map((e) => e.name);
      expect({ page, states: states.filter((s) => standard.includes(s)) }).toEqual({ page, states: standard });
    }
  });

  test('renders every care state at WeChat’s largest font (1.4 on a 375-px phone), every other standard state at 1', () => {
    expect(CARE_SCALE).toBe(1.4);
    for (const e of list.filter((x) => x.name === 'care')) expect({ id: e.id, fontScale: e.fontScale, backend: e.backend }).toEqual({ id: e.id, fontScale: CARE_SCALE, backend: 'demo' });
    for (const e of list.filter((x) => ['loading', 'filled', 'empty', 'error'].includes(x.name))) expect({ id: e.id, fontScale: e.fontScale }).toEqual({ id: e.id, fontScale: undefined });
  });

  test('declares no state for a page app.json no longer lists', () => {
    expect(staleDeclarations()).toEqual([]);
  });

  test('gives every state a unique file name', () => {
    const ids = list.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the gallery’s HTML, composed without a browser', () => {
  const out = mkdtempSync(join(tmpdir(), 'preview-test-'));
  let items: Item[] = [];
  let log = '';

  beforeAll(async () => {
    log = await new Promise<string>((done, fail) => {
      execFile(
        process.execPath,
        ['scripts/preview/html.mjs', '--only', SUBSET.join(','), '--out', out],
        { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } },
        (err, stdout, stderr) => (err && !existsSync(join(out, 'index.html')) ? fail(new Error(`${err.message}\n${stdout}\n${stderr}`)) : done(`${stdout}\n${stderr}`)),
      );
    });
    items = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { items: Item[] }).items;
  }, 300_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('composes each state of the subset, and the filled one at 320 px too', () => {
    expect(items.map((i) => i.id).sort()).toEqual([...SUBSET, 'pages-mine-index--filled@320'].sort());
    expect(items.filter((i) => i.error).map((i) => `${i.id}: ${i.error}`)).toEqual([]);
    expect(items.filter((i) => i.backendErrors?.length).map((i) => `${i.id}: ${i.backendErrors}`)).toEqual([]);
  });

  test('writes each state as a standalone page: the phone’s chrome around the page’s own tree and styles', () => {
    for (const item of items) {
      const html = readFileSync(join(out, item.html), 'utf8');
      expect({ id: item.id, doc: html.startsWith('<!doctype html>'), chrome: html.includes('class="pv-content"'), page: /<page style=/.test(html), width: html.includes(`width=${item.width},`) }).toEqual({
        id: item.id,
        doc: true,
        chrome: true,
        page: true,
        width: true,
      });
    }
  });

  test('renders the care states at the largest font and the others at the standard one', () => {
    for (const item of items) {
      const scale = fontScaleIn(readFileSync(join(out, item.html), 'utf8'));
      expect({ id: item.id, scale }).toEqual({ id: item.id, scale: item.state === 'care' ? CARE_SCALE : 1 });
    }
  });

  test('frames every state in index.html, and says no picture was taken', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    for (const item of items) expect(html).toContain(`<iframe src="${item.html}"`);
    expect(html).not.toContain('<img');
    expect(log).not.toMatch(/chromium|apt-get/i);
  });
});
