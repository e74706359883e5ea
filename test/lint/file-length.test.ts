// No source file over 400 lines (the project's rule): code, templates, styles, tests, scripts and
// the bench, as git tracks them. Generated data and the copied UI library are not source.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const MAX_LINES = 400;
const SOURCE = /\.(ts|mjs|cjs|js|wxml|wxss|wxs)$/;
const NOT_SOURCE = /^(miniprogram\/miniprogram_npm|tools)\//;

/** The source files over `max` lines, with their counts. */
function overLong(files: Array<{ path: string; text: string }>, max = MAX_LINES): string[] {
  return files
    .map(({ path, text }) => ({ path, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }))
    .filter((f) => f.lines > max)
    .map((f) => `${f.path}: ${f.lines} lines`);
}

test('no tracked source file is over 400 lines', () => {
  const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((p) => SOURCE.test(p) && !NOT_SOURCE.test(p));
  expect(tracked.length).toBeGreaterThan(100);
  const files = tracked.map((path) => ({ path, text: readFileSync(resolve(ROOT, path), 'utf8') }));
  expect(overLong(files)).toEqual([]);
});

test('a file of 401 lines is reported, one of 400 is not', () => {
  const lines = (n: number) => `${Array.from({ length: n }, (_, i) => `line ${i}`).join('\n')}\n`;
  expect(
    overLong([
      { path: 'a.ts', text: lines(400) },
      { path: 'b.ts', text: lines(401) },
    ]),
  ).toEqual(['b.ts: 401 lines']);
});
