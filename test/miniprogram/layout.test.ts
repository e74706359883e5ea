// What WeChat DevTools needs of the mini-program's files, checked without DevTools: the pages of
// app.json exist, every component a page or component uses resolves inside the mini-program root,
// and the TDesign copy (scripts/copy-ui-lib.mjs) is CommonJS requiring only files that were copied.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { MINIPROGRAM_ROOT } from './harness';

const NPM = join(MINIPROGRAM_ROOT, 'miniprogram_npm');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(MINIPROGRAM_ROOT);
const rel = (p: string) => relative(MINIPROGRAM_ROOT, p);

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
}
const app: AppJson = JSON.parse(readFileSync(join(MINIPROGRAM_ROOT, 'app.json'), 'utf8'));
const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => join(s.root, p)))];

test.each(pages)('the page %s of app.json has its .json, .wxml and .ts', (page) => {
  for (const ext of ['.json', '.wxml', '.ts']) expect(existsSync(join(MINIPROGRAM_ROOT, `${page}${ext}`))).toBe(true);
});

test('every tab of the tab bar is a page of the main package', () => {
  for (const tab of app.tabBar?.list ?? []) expect(app.pages).toContain(tab.pagePath);
});

test('every component used by a page or component resolves inside the mini-program root', () => {
  const missing: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    let json: { usingComponents?: Record<string, string> };
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    for (const [tag, path] of Object.entries(json.usingComponents ?? {})) {
      // Absolute paths are from the mini-program root, as DevTools reads them.
      const target = path.startsWith('/') ? join(MINIPROGRAM_ROOT, path) : resolve(dirname(file), path);
      if (!existsSync(`${target}.json`) || !target.startsWith(MINIPROGRAM_ROOT)) missing.push(`${rel(file)}: <${tag}> → ${path}`);
    }
  }
  // A TDesign component missing here is one to add to COMPONENTS in scripts/copy-ui-lib.mjs.
  expect(missing).toEqual([]);
});

describe('the TDesign copy', () => {
  const js = files.filter((f) => f.startsWith(NPM) && f.endsWith('.js'));

  test('is there', () => {
    expect(js.length).toBeGreaterThan(50);
  });

  test('is CommonJS: no import or export statements are left', () => {
    const esm = js.filter((f) =>
      /(^|[;}\n])\s*(import\s*[{*\w"']|export\s*[{*]|export\s+(default|const|let|var|function|class)\b)/.test(readFileSync(f, 'utf8')),
    );
    expect(esm.map(rel)).toEqual([]);
  });

  test('requires only relative paths to files that were copied', () => {
    const broken: string[] = [];
    for (const file of js) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
        const base = resolve(dirname(file), spec);
        const found =
          spec.startsWith('.') && [base, `${base}.js`, join(base, 'index.js')].some((p) => existsSync(p) && statSync(p).isFile());
        if (!found || !base.startsWith(NPM)) broken.push(`${rel(file)}: ${spec}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
