// `npm run check:wechat` (scripts/check-wechat.mjs): WeChat's own toolchain passes the mini-program
// as it is, and fails — with the toolchain's precise message — on each mistake planted in a
// temporary copy of it. The unmodified copy is checked first (on a fresh clone that run installs
// the toolchain), then the planted copies together.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/check-wechat.mjs');

interface Run {
  code: number;
  out: string;
}

interface Plant {
  /** Makes the mistake in a copy of the project. */
  plant(dir: string): void;
  /** What the check must say. */
  message(dir: string): RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value, null, 2));
/** The first page of app.json (whatever the pages are today). */
const firstPage = (dir: string): string => readJson(join(dir, 'miniprogram/app.json')).pages[0];

const PLANTS: Record<string, Plant> = {
  'a template with an unclosed tag': {
    plant: (dir) => writeFileSync(join(dir, 'miniprogram/pages/planted.wxml'), '<view class="card">\n  <text>未闭合</text>\n'),
    message: () => /FAILED — wcc: pages\/planted\.wxml:\d+:\d+: end tag missing, near `view`/,
  },
  'a stylesheet with a * selector': {
    plant: (dir) => writeFileSync(join(dir, 'miniprogram/pages/planted.wxss'), '* {\n  margin: 0;\n}\n'),
    message: () => /FAILED — wcsc: ERR: pages\/planted\.wxss\(1:1\): unexpected token `\*`/,
  },
  'a page in app.json without its files': {
    plant: (dir) => {
      const file = join(dir, 'miniprogram/app.json');
      const app = readJson(file);
      app.pages.push('pages/planted/index');
      writeJson(file, app);
    },
    message: () =>
      /FAILED — miniprogram-ci: miniprogram\/app\.json: \["pages"\]\[\d+\] could not find the corresponding file: "pages\/planted\/index\.wxml"/,
  },
  'a usingComponents path to nothing': {
    plant: (dir) => {
      const file = join(dir, 'miniprogram', `${firstPage(dir)}.json`);
      const page = readJson(file);
      page.usingComponents = { ...page.usingComponents, 'planted-card': '/components/planted/card' };
      writeJson(file, page);
    },
    message: (dir) =>
      new RegExp(
        `FAILED — miniprogram-ci: miniprogram/${escape(firstPage(dir))}\\.json: \\["usingComponents"\\]\\["planted-card"\\]: ` +
          `"/components/planted/card", component not found in the path: ${escape(join(dir, 'miniprogram/components/planted/card'))}`,
      ),
  },
  'no package.json in the mini-program root (构建 npm finds nothing)': {
    plant: (dir) => rmSync(join(dir, 'miniprogram/package.json')),
    message: () => /FAILED — 构建 npm \(packNpm\): __NO_NODE_MODULES__/,
  },
};

/** A copy of what the check reads: project.config.json and the mini-program root. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-wechat-test-'));
  cpSync(join(ROOT, 'project.config.json'), join(dir, 'project.config.json'));
  cpSync(join(ROOT, 'miniprogram'), join(dir, 'miniprogram'), { recursive: true });
  return dir;
}

function check(dir: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [SCRIPT, '--project', dir],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } },
      (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

const dirs: string[] = [];
let good: Run;
const planted = new Map<string, { dir: string; run: Run }>();

beforeAll(async () => {
  const dir = copyProject();
  dirs.push(dir);
  good = await check(dir);
  await Promise.all(
    Object.entries(PLANTS).map(async ([name, { plant }]) => {
      const copy = copyProject();
      dirs.push(copy);
      plant(copy);
      planted.set(name, { dir: copy, run: await check(copy) });
    }),
  );
  // The first run on a fresh clone installs the toolchain (a few minutes on a busy machine).
}, 900_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('passes the mini-program as it is, and prints the upload package sizes', () => {
  expect(good.out).toMatch(/wcc: \d+ WXML and \d+ WXS files compile/);
  expect(good.out).toMatch(/wcsc: \d+ WXSS files compile/);
  expect(good.out).toMatch(/构建 npm: miniprogram_npm rebuilt identical/);
  // One size per subpackage (admin/, owners/, staff/…), in app.json's order.
  expect(good.out).toMatch(/upload package sizes: main \d+\.\d KB(?:, [\w-]+\/ \d+\.\d KB)+; total \d+\.\d KB/);
  expect(good.out).toMatch(/upload package sizes: .*, staff\/ \d+\.\d KB[,;]/);
  expect({ code: good.code, failed: /FAILED/.test(good.out) }).toEqual({ code: 0, failed: false });
});

test.each(Object.keys(PLANTS))('fails on %s, with the toolchain’s message', (name) => {
  const { dir, run } = planted.get(name)!;
  expect(run.out).toMatch(PLANTS[name].message(dir));
  expect({ code: run.code, passed: /check:wechat: ok/.test(run.out) }).toEqual({ code: 1, passed: false });
});
