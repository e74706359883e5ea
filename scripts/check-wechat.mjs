// `npm run check:wechat`: the mini-program through WeChat's own toolchain, offline, as an upload would.
//
//   1. wcc (WeChat's WXML compiler, from miniprogram-compiler) on every .wxml and .wxs;
//   2. wcsc (its WXSS compiler) on every .wxss;
//   3. "构建 npm" (miniprogram-ci's packNpm) rebuilds miniprogram_npm from the mini-program's own
//      package.json and must give back exactly the TDesign copy scripts/copy-ui-lib.mjs made;
//   4. miniprogram-ci's getCompiledResult, the upload build of WeChat DevTools: the TypeScript
//      plugin, app.json and page-json checks, WXML parsing, minification, unused-file removal.
// It fails on the first stage with an error, and prints the upload package sizes (main package and
// each subpackage) from the compiled output.
//
// The toolchain (miniprogram-ci is about 280 MB) stays out of the root package.json: it lives in
// tools/wechat-check/ with its own package.json and lockfile, installed there with `npm ci` on first
// use (about a minute) and reused afterwards. Nothing is sent to WeChat: the project is given a
// dummy appid and key, and its attributes (the limits an upload is checked against) are WeChat's
// defaults instead of a signed request.
//
// Options: --project <dir> (a folder with project.config.json; default: this repository).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = join(root, 'tools/wechat-check');
const toPosix = (p) => p.split(sep).join('/');
const log = (msg) => console.log(`check:wechat: ${msg}`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A failed stage: its message is what the user reads. */
class CheckError extends Error {}

function parseArgs(argv) {
  const args = { project: root };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--project') args.project = resolve(argv[++i] ?? '');
    else throw new CheckError(`unknown option ${argv[i]}`);
  }
  return args;
}

/** tools/wechat-check/node_modules, installed with `npm ci` when missing or older than the lockfile. */
function ensureToolchain() {
  const lock = readFileSync(join(TOOLS, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const marker = join(TOOLS, 'node_modules/.check-wechat-lock.sha256');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return;
  const started = Date.now();
  log('installing WeChat’s toolchain (miniprogram-ci, miniprogram-compiler; about 280 MB) into tools/wechat-check with npm ci…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // No install scripts: the toolchain needs none (its native parts come as prebuilt packages).
  const r = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: TOOLS,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new CheckError(`npm ci in tools/wechat-check failed (exit ${r.status ?? r.error})`);
  writeFileSync(marker, hash);
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

const tools = createRequire(join(TOOLS, 'package.json'));

/** Every file under `dir` (relative, POSIX) whose name ends with `ext`, leaving node_modules out. */
function filesOf(dir, ext, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesOf(p, ext, base);
    return e.name.endsWith(ext) ? [toPosix(relative(base, p))] : [];
  });
}

/** A staged copy of the project: project.config.json and the mini-program root, nothing else. */
function stage(project) {
  const configFile = join(project, 'project.config.json');
  if (!existsSync(configFile)) throw new CheckError(`no project.config.json in ${project}`);
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  const mpRoot = (config.miniprogramRoot ?? '').replace(/\/$/, '');
  const dir = mkdtempSync(join(tmpdir(), 'check-wechat-'));
  cpSync(configFile, join(dir, 'project.config.json'));
  cpSync(join(project, mpRoot), join(dir, mpRoot), { recursive: true });
  return { dir, mpRoot, miniprogram: join(dir, mpRoot) };
}

/** Stage 1: wcc on every WXML and WXS file (it compiles them together, as DevTools does). */
function checkWxml(miniprogram) {
  const wcc = tools('miniprogram-compiler/src/wcc');
  const wxml = filesOf(miniprogram, '.wxml');
  const wxs = filesOf(miniprogram, '.wxs');
  try {
    wcc(
      miniprogram,
      wxml.map((f) => f.slice(0, -'.wxml'.length)),
      wxs,
      { maxBuffer: 256 * 1024 * 1024 },
    );
  } catch (err) {
    throw new CheckError(
      `wcc: ${String(err.message)
        .replace(/^编译 .wxml 文件错误：/, '')
        .trim()}`,
    );
  }
  return `wcc: ${wxml.length} WXML and ${wxs.length} WXS files compile`;
}

/** Stage 2: wcsc on every WXSS file. Its wrapper returns (does not throw) an Error. */
function checkWxss(miniprogram) {
  const wcsc = tools('miniprogram-compiler/src/wcsc');
  const wxss = filesOf(miniprogram, '.wxss');
  const result = wcsc(
    miniprogram,
    wxss.map((f) => f.slice(0, -'.wxss'.length)),
    { maxBuffer: 256 * 1024 * 1024 },
  );
  if (result instanceof Error) {
    const message = String(result.message)
      .replace(/^编译 .wxss 文件错误：/, '')
      .replace(/\n*error file count: \d+\s*$/, '')
      .trim();
    throw new CheckError(`wcsc: ${message}`);
  }
  return `wcsc: ${wxss.length} WXSS files compile`;
}

/** A miniprogram-ci project on a staged folder, with no request to WeChat. */
function ciProject(ci, dir) {
  return new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: dir,
    privateKey: 'offline-check-no-key',
    // The project's attributes would come from a signed request; these are WeChat's defaults.
    attr: async () => ci.DefaultProjectAttr,
  });
}

/** miniprogram-ci talks on the console: keep its chatter out of the check's output. */
async function quietly(fn) {
  const saved = { log: console.log, info: console.info, warn: console.warn, debug: console.debug };
  console.log = console.info = console.warn = console.debug = () => {};
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
}

/** Every file under `dir` with its content hash (relative, POSIX). */
function tree(dir) {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    filesOf(dir, '').map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

/** Stage 3: "构建 npm" gives back the project's own TDesign copy, file for file. */
async function checkPackNpm(ci, staged) {
  const npmDir = join(staged.miniprogram, 'miniprogram_npm');
  const before = tree(npmDir);
  try {
    await quietly(() => ci.packNpm(ciProject(ci, staged.dir), { reporter: () => {} }));
  } catch (err) {
    throw new CheckError(`构建 npm (packNpm): ${err.message}`);
  }
  const after = tree(npmDir);
  const differ = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => before[f] !== after[f]);
  if (differ.length) {
    throw new CheckError(`构建 npm (packNpm) changed miniprogram_npm (${differ.length} files, e.g. ${differ.slice(0, 3).join(', ')})`);
  }
  return `构建 npm: miniprogram_npm rebuilt identical (${Object.keys(after).length} files)`;
}

/** The packages of app.json: the main one ('') and each subpackage root, longest first. */
function packageRoots(miniprogram) {
  const app = JSON.parse(readFileSync(join(miniprogram, 'app.json'), 'utf8'));
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => `${s.root.replace(/^\/|\/$/g, '')}/`);
  return subs.sort((a, b) => b.length - a.length);
}

/**
 * Where a successful compile's result is kept, by a hash of everything it depends on (the staged
 * files, this script, the toolchain's lockfile): `npm test` compiles the same files twice (this
 * check, then test/wechat's unmodified copy), and the compiler is deterministic.
 */
function cacheFile(staged) {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(join(TOOLS, 'package-lock.json')));
  for (const f of filesOf(staged.dir, '').sort()) hash.update(`\0${f}\0`).update(readFileSync(join(staged.dir, f)));
  return join(TOOLS, 'node_modules/.cache/check-wechat', `${hash.digest('hex')}.json`);
}

/** Stage 4: the upload build; returns the compiled files' sizes by path. */
async function compile(ci, staged) {
  const cache = cacheFile(staged);
  if (existsSync(cache)) return { ...JSON.parse(readFileSync(cache, 'utf8')), cached: true };
  const zip = join(staged.dir, 'compiled.zip');
  let files;
  try {
    files = await quietly(() =>
      ci.getCompiledResult({ project: ciProject(ci, staged.dir), setting: { useProjectConfig: true }, onProgressUpdate: () => {} }, zip),
    );
  } catch (err) {
    const where = err.filePath ? ` (${err.filePath})` : '';
    throw new CheckError(`miniprogram-ci: ${String(err.message ?? err).trim()}${where}`);
  }
  const bytes = Object.fromEntries(
    Object.entries(files).map(([name, content]) => [name, Buffer.isBuffer(content) ? content.length : Buffer.byteLength(String(content))]),
  );
  mkdirSync(dirname(cache), { recursive: true });
  writeFileSync(cache, JSON.stringify({ bytes }));
  return { bytes, cached: false };
}

/** The upload package sizes: bytes per package (main, then each subpackage root), from the compiled files. */
function packageSizes(bytesByFile, subRoots) {
  const sizes = { main: 0 };
  for (const root of subRoots) sizes[root] = 0;
  for (const [name, bytes] of Object.entries(bytesByFile)) {
    const path = posix.normalize(name.replace(/^\/+/, ''));
    sizes[subRoots.find((r) => path.startsWith(r)) ?? 'main'] += bytes;
  }
  return sizes;
}

export async function checkWechat(argv = []) {
  const started = Date.now();
  const args = parseArgs(argv);
  ensureToolchain();
  if (args.project === root) {
    // The TDesign copy (and its package for 构建 npm) as postinstall makes it, in case it is stale.
    const r = spawnSync(process.execPath, [join(root, 'scripts/copy-ui-lib.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new CheckError('scripts/copy-ui-lib.mjs failed');
  }
  const staged = stage(args.project);
  try {
    log(checkWxml(staged.miniprogram));
    log(checkWxss(staged.miniprogram));
    const ci = await quietly(() => tools('miniprogram-ci'));
    log(await checkPackNpm(ci, staged));
    const { bytes, cached } = await compile(ci, staged);
    log(
      `miniprogram-ci: ${Object.keys(bytes).length} files compiled for upload${cached ? ' (same files as a previous successful compile: its result)' : ''}`,
    );
    const sizes = packageSizes(bytes, packageRoots(staged.miniprogram));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    log(
      `upload package sizes: ${Object.entries(sizes)
        .map(([name, n]) => `${name} ${kb(n)}`)
        .join(', ')}; total ${kb(total)}`,
    );
    log(`ok (${Math.round((Date.now() - started) / 1000)} s)`);
    return sizes;
  } catch (err) {
    // Messages name the project, not the staged copy.
    if (err instanceof CheckError) err.message = err.message.split(staged.dir).join(args.project);
    throw err;
  } finally {
    rmSync(staged.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // miniprogram-ci leaves handles open: the process ends explicitly.
  checkWechat(process.argv.slice(2)).then(
    () => process.exit(0),
    (err) => {
      console.error(err instanceof CheckError ? `check:wechat: FAILED — ${err.message}` : err);
      process.exit(1);
    },
  );
}
