// The project's "build npm": copies the TDesign components the mini-program uses, with everything
// they reach, from node_modules into miniprogram/miniprogram_npm/tdesign-miniprogram/ — the layout
// WeChat DevTools' "构建 npm" produces, so pages use `/miniprogram_npm/tdesign-miniprogram/<c>/<c>`.
// TDesign ships ES modules; each copied .js is converted to CommonJS (minified, as TDesign ships it:
// the main package has a 2 MB limit) and its bare imports (tslib, dayjs) are rewritten to relative
// paths, so the same copy loads in DevTools and in jest without a babel step.
// Which components: those the pages name (derived, see usedComponents); the icon stylesheet keeps
// only the icons something names (see pruneIcons).
// The same copy also goes to miniprogram/node_modules/tdesign-miniprogram/ as a package whose
// `miniprogram` folder it is: miniprogram/package.json names it, so WeChat DevTools' "构建 npm" works on
// a fresh clone and rebuilds miniprogram_npm/ identical to this copy (`npm run check:wechat` shows it).
// Runs on postinstall and before tests. Idempotent: a stamp of the TDesign version, the pages and
// this script skips the work when nothing changed (`--force` redoes it); otherwise only changed files are
// written and files no longer needed are removed.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'node_modules/tdesign-miniprogram/miniprogram_dist');
const dest = join(root, 'miniprogram/miniprogram_npm/tdesign-miniprogram');
/** The package DevTools' "构建 npm" builds from (see miniprogram/package.json). */
const pkg = join(root, 'miniprogram/node_modules/tdesign-miniprogram');
/** Where TDesign keeps its own npm dependencies (tslib, dayjs), relative to `src`. */
const VENDOR = 'miniprogram_npm';

const app = join(root, 'miniprogram');
const toPosix = (p) => p.split(sep).join('/');
const isFile = (p) => existsSync(p) && statSync(p).isFile();

/** The mini-program's own source files (everything but the copied libraries). */
function ownFiles(dir = app) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'miniprogram_npm' || e.name === 'node_modules' ? [] : ownFiles(p);
    return /\.(json|wxml|ts|js)$/.test(e.name) ? [p] : [];
  });
}

/**
 * The TDesign components the pages use: every `tdesign-miniprogram/<name>` the mini-program's own
 * files name (usingComponents, and imports of component APIs). Derived, so a page that starts
 * using a component gets it on the next run, and nothing unused ships in the main package.
 */
function usedComponents(files) {
  const names = new Set();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/tdesign-miniprogram\/([a-z][a-z-]*)/g)) names.add(m[1]);
  return [...names].filter((n) => existsSync(join(src, n))).sort();
}

/**
 * The icon stylesheet with only the icons something names: TDesign's holds ~2,300 icons (110 KB).
 * An icon is kept when its name appears as a token in the pages or in the copied components, so
 * names written literally anywhere survive; names assembled at run time would need writing out.
 */
function pruneIcons(css, texts) {
  const tokens = new Set(texts.flatMap((t) => t.match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []));
  return css.replace(/\.t-icon-([a-z0-9-]+):before\{content:'[^']*';\}\n?/g, (rule, name) => (tokens.has(name) ? rule : ''));
}

/** The file a JS specifier names, trying what the WeChat and Node resolvers try. */
function resolveJs(fromFile, spec) {
  let base;
  if (spec.startsWith('.')) base = join(dirname(fromFile), spec);
  else base = join(src, VENDOR, spec);
  for (const candidate of [base, `${base}.js`, join(base, 'index.js')]) if (isFile(candidate)) return candidate;
  throw new Error(`copy-ui-lib: cannot resolve "${spec}" from ${toPosix(relative(src, fromFile))}`);
}

/** The specifiers a CommonJS file requires (after conversion every import is a `require`). */
const requires = (code) => [...code.matchAll(/\brequire\(\s*(["'])([^"']+)\1\s*\)/g)].map((m) => m[2]);

/** esbuild's transformSync, loaded only when there is work (esbuild is a dev dependency). */
let transformSync;
const converted = new Map();
/** A copied .js file's content: TDesign's own ES modules become CommonJS, vendored files are already. */
function commonJs(file) {
  if (!converted.has(file)) {
    const code = readFileSync(file, 'utf8');
    const vendored = toPosix(relative(src, file)).startsWith(`${VENDOR}/`);
    converted.set(
      file,
      vendored ? code : transformSync(code, { format: 'cjs', target: 'es2018', loader: 'js', sourcefile: file, minify: true }).code,
    );
  }
  return converted.get(file);
}

/** The files one copied file needs at run time (JS requires, WXS requires, WXSS and WXML imports, used components). */
function dependencies(file) {
  if (file.endsWith('.js')) return requires(commonJs(file)).map((s) => resolveJs(file, s));
  const code = readFileSync(file, 'utf8');
  const here = dirname(file);
  if (file.endsWith('.wxs')) return [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => join(here, m[1]));
  if (file.endsWith('.wxss')) return [...code.matchAll(/@import\s+["']([^"']+)["']/g)].map((m) => join(here, m[1]));
  if (file.endsWith('.wxml')) {
    return [...code.matchAll(/<(?:import|include|wxs)\b[^>]*\bsrc="([^"]+)"/g)].map((m) => {
      const p = join(here, m[1]);
      return isFile(p) ? p : `${p}.wxml`;
    });
  }
  if (file.endsWith('.json')) {
    const using = JSON.parse(code).usingComponents ?? {};
    // A used component brings its whole folder (.js .json .wxml .wxss and helpers).
    return Object.values(using).flatMap((p) => componentFiles(dirname(join(here, p))));
  }
  return [];
}

/** The runtime files of a component folder (type declarations are left out). */
function componentFiles(dir) {
  if (!existsSync(dir)) throw new Error(`copy-ui-lib: no TDesign component at ${toPosix(relative(src, dir))}`);
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .filter((f) => isFile(f) && !f.endsWith('.d.ts'));
}

/** A .js file as copied: CommonJS, bare requires pointed at the copied vendor folder, relatively. */
function output(file) {
  return commonJs(file).replace(/\brequire\(\s*(["'])([^"'.][^"']*)\1\s*\)/g, (_m, q, spec) => {
    const target = resolveJs(file, spec).replace(/\.js$/, '');
    let rel = toPosix(relative(dirname(file), target));
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `require(${q}${rel}${q})`;
  });
}

/** The package for "构建 npm": package.json and the copy as its `miniprogram` folder, when not already the same stamp. */
function writePackage(version, stamp) {
  const dist = join(pkg, 'miniprogram_dist');
  const pkgStamp = join(dist, '.copy-ui-lib.stamp');
  if (isFile(pkgStamp) && readFileSync(pkgStamp, 'utf8') === stamp) return;
  rmSync(pkg, { recursive: true, force: true });
  cpSync(dest, dist, { recursive: true });
  const manifest = {
    name: 'tdesign-miniprogram',
    version,
    miniprogram: 'miniprogram_dist',
    description: 'Written by scripts/copy-ui-lib.mjs',
  };
  writeFileSync(join(pkg, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function main() {
  const started = Date.now();
  if (!existsSync(src)) {
    console.log('copy-ui-lib: tdesign-miniprogram is not installed, nothing copied');
    return;
  }
  const version = JSON.parse(readFileSync(join(src, '../package.json'), 'utf8')).version;
  const pages = ownFiles();
  const COMPONENTS = usedComponents(pages);
  const stamp = JSON.stringify({
    version,
    components: COMPONENTS,
    pages: createHash('sha256')
      .update(pages.map((f) => readFileSync(f, 'utf8')).join('\0'))
      .digest('hex'),
    script: createHash('sha256')
      .update(readFileSync(fileURLToPath(import.meta.url)))
      .digest('hex'),
  });
  const stampFile = join(dest, '.copy-ui-lib.stamp');
  const where = posix.relative(toPosix(root), toPosix(dest));
  const complete = COMPONENTS.every((c) => isFile(join(dest, c, `${c}.js`)));
  if (!process.argv.includes('--force') && complete && isFile(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    writePackage(version, stamp);
    console.log(`copy-ui-lib: ${where} is up to date (tdesign-miniprogram ${version}, ${COMPONENTS.length} components)`);
    return;
  }

  try {
    ({ transformSync } = await import('esbuild'));
  } catch {
    console.log('copy-ui-lib: esbuild is not installed (a production install?), nothing copied');
    return;
  }

  const wanted = new Set();
  const queue = COMPONENTS.flatMap((c) => componentFiles(join(src, c)));
  while (queue.length) {
    const file = queue.pop();
    if (wanted.has(file)) continue;
    if (!isFile(file)) throw new Error(`copy-ui-lib: missing ${toPosix(relative(src, file))}`);
    wanted.add(file);
    queue.push(...dependencies(file));
  }

  const iconSheet = join(src, 'icon', 'icon.wxss');
  const iconTexts = () =>
    [...pages, ...[...wanted].filter((f) => /\.(js|wxml|json)$/.test(f))].map((f) =>
      f.endsWith('.js') ? commonJs(f) : readFileSync(f, 'utf8'),
    );
  let written = 0;
  const keep = new Set();
  for (const file of wanted) {
    const rel = relative(src, file);
    const out = join(dest, rel);
    keep.add(out);
    const content =
      file === iconSheet
        ? Buffer.from(pruneIcons(readFileSync(file, 'utf8'), iconTexts()))
        : file.endsWith('.js')
          ? Buffer.from(output(file))
          : readFileSync(file);
    if (isFile(out) && readFileSync(out).equals(content)) continue;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, content);
    written += 1;
  }

  keep.add(stampFile);
  let removed = 0;
  const prune = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        prune(p);
        if (readdirSync(p).length === 0) rmSync(p, { recursive: true });
      } else if (!keep.has(p)) {
        rmSync(p);
        removed += 1;
      }
    }
  };
  if (existsSync(dest)) prune(dest);
  writeFileSync(stampFile, stamp);
  writePackage(version, stamp);

  console.log(
    `copy-ui-lib: tdesign-miniprogram ${version}, ${COMPONENTS.length} components, ${wanted.size} files → ${where} (${written} written, ${removed} removed, ${Date.now() - started} ms)`,
  );
}

await main();
