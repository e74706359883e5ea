// `npm test` installs nothing on the system and starts no browser (issue #11 §5): no apt, no
// playwright install, no Chromium anywhere in package.json's test chain, .ci/run, or the files they
// run. Rendering the gallery's pictures is `npm run preview`'s (scripts/preview/build.mjs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { TestChain } from './test-chain';

const ROOT = resolve(__dirname, '../..');
/** The scanner and this test name the patterns and files they look for. */
const SELF = ['test/preview/test-chain.ts', 'test/preview/no-apt.test.ts'];

describe('npm test', () => {
  const chain = TestChain.of(ROOT, SELF);
  const files = [...chain.files].map((f) => f.slice(ROOT.length + 1));

  test('runs the type check, lint, WeChat check and jest, and reaches the preview’s HTML composition', () => {
    const commands = chain.commands.map((c) => c.command);
    expect(commands).toEqual(expect.arrayContaining(['node scripts/copy-ui-lib.mjs', 'node scripts/check-wechat.mjs', 'jest', 'npm test']));
    expect(files).toEqual(expect.arrayContaining(['.ci/run', 'jest.config.js', 'test/preview/preview.test.ts', 'scripts/preview/html.mjs', 'scripts/preview/render.preview.ts']));
  });

  test('installs no system package and launches no browser', () => {
    expect(chain.findings()).toEqual([]);
  });

  test('leaves the browser to `npm run preview`', () => {
    expect(files).not.toContain('scripts/preview/build.mjs');
    expect(files).not.toContain('scripts/preview/browser.mjs');
  });
});

describe('the scan', () => {
  let dir = '';
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  const findings = () => TestChain.of(dir).findings().map((f) => `${f.where}:${f.line} ${f.what}`);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'no-apt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('finds apt-get spawned by a script a test runs by path', () => {
    write({
      'package.json': JSON.stringify({ scripts: { test: 'npm run lint && jest', lint: 'eslint .' } }),
      'jest.config.js': "module.exports = { testMatch: ['<rootDir>/test/**/*.test.ts'] };",
      'test/a.test.ts': "import { run } from './helper';\ntest('x', () => run('scripts/setup.mjs'));",
      'test/helper.ts': 'export const run = (f: string) => f;',
      'scripts/setup.mjs': "import { spawnSync } from 'node:child_process';\nspawnSync('apt-get', ['install', '-y', 'chromium']);",
    });
    expect(findings()).toEqual(['scripts/setup.mjs:2 apt / apt-get']);
  });

  test('finds playwright install --with-deps in a script npm test runs, and a browser launched by an imported module', () => {
    write({
      'package.json': JSON.stringify({ scripts: { pretest: 'npx playwright install --with-deps chromium', test: 'node scripts/check.mjs' } }),
      'scripts/check.mjs': "import { shoot } from './shoot.mjs';\nawait shoot();",
      'scripts/shoot.mjs': "import { chromium } from 'playwright-core';\nexport const shoot = () => chromium.launch();",
    });
    expect(findings()).toEqual(['package.json#scripts.pretest:0 playwright install (browsers, --with-deps)', 'scripts/shoot.mjs:2 a browser launch']);
  });

  test('finds apt in .ci/run', () => {
    write({ 'package.json': JSON.stringify({ scripts: { test: 'jest' } }), '.ci/run': '#!/usr/bin/env bash\napt-get update && apt-get install -y fonts-noto-cjk\nnpm test\n' });
    expect(findings()).toEqual(['.ci/run:2 apt / apt-get']);
  });
});
