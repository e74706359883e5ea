/**
 * Mini-program size (issue #7): the main package — code (TS counted as its compiled JS), templates,
 * styles and the copied UI-library set — stays within the bench's goal of 600 KB (the platform's
 * limit is 2 MB). A count of bytes, not a timing; `npm run bench` reports the same figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAIN_PACKAGE_GOAL_BYTES, measureMiniprogram, uploadedBytes } from '../../bench/lib/mp-size';

const size = measureMiniprogram();
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

test('the main package is under the platform limit of 2 MB', () => {
  expect(size.main.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
});

test(`the main package is within the goal of ${kb(MAIN_PACKAGE_GOAL_BYTES)}`, () => {
  if (size.main.bytes > MAIN_PACKAGE_GOAL_BYTES) {
    const unused = size.unreferencedComponents.map((c) => `${c.name} ${kb(c.bytes)}`).join(', ');
    throw new Error(
      `main package ${kb(size.main.bytes)} > ${kb(MAIN_PACKAGE_GOAL_BYTES)} (UI library ${kb(size.uiLibBytes)}; copied but used by no page: ${unused || 'none'})`,
    );
  }
});

test('every subpackage root of app.json holds pages', () => {
  for (const sub of size.subpackages) expect(sub.files).toBeGreaterThan(0);
});

test('a style sheet counts without its comments only when the upload minifies styles', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mp-size-')), 'index.wxss');
  fs.writeFileSync(file, '/* a note for the next engineer */\n.a { color: red; }\n/* two\n lines */\n');
  expect(uploadedBytes(file, true)).toBe(Buffer.byteLength('\n.a { color: red; }\n\n'));
  expect(uploadedBytes(file, false)).toBe(fs.statSync(file).size);
});
