// Builds the cloud functions (self-contained, under dist/functions/<name>/: index.js, a file per
// lazily loaded action group and the chunks they share, the SDK's storage and realtime client, and
// exceljs.js where spreadsheets are read or written) and the local gateway (dist/gateway/main.js). `node scripts/build.mjs [functions|gateway]` builds one part.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryWithChunks, loadedWithEntry, splitFiles } from './merge-chunks.mjs';
import { deferredEntries, trimCloudBaseSdk } from './trim-cloudbase-sdk.mjs';
import { trimZodLocales } from './trim-zod-locales.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const FUNCTION_NAMES = [
  'account',
  'community',
  'volunteer',
  'requests',
  'ratings',
  'messages',
  'admin',
  'owners',
  'outreach',
  'scheduler',
];

/** The production build options of the function bundles (the bench's cold-start bundles use them too). */
export const FUNCTION_BUILD = {
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // In the files written, `import(…)` is a require of a file next to index.js: an action group's
  // (bundleFunction) or exceljs.js (exceljsApart).
  supported: { 'dynamic-import': false },
};

/**
 * exceljs and its dependencies (about 650 KB minified) go in their own file, exceljs.js, next to
 * the bundle that needs it: the exporting and importing actions require it when they run, and no
 * other call of that function compiles it.
 */
function exceljsApart(uses) {
  return {
    name: 'exceljs-apart',
    setup(b) {
      b.onResolve({ filter: /^exceljs$/ }, () => {
        uses.exceljs = true;
        return { path: './exceljs.js', external: true };
      });
    },
  };
}

/**
 * One function's production bundle in the folder of `outfile`: its entry (or `stdin`) and everything
 * it imports, minified, with the parts of @cloudbase/node-sdk no function calls and zod's other
 * languages left out (scripts/trim-cloudbase-sdk.mjs, scripts/trim-zod-locales.mjs), and exceljs
 * beside it. Split where the code imports lazily (the entries' action groups,
 * core/runtime/lazy-actions.ts): `outfile` holds what every call runs, and each group's own code is
 * a file beside it (`<module>-<hash>.js`) that Node reads and compiles only on the first call of one
 * of its actions. esbuild splits ES modules only, so the split is built as ESM and each file then
 * turned into CommonJS, the platform's format, with the chunks index.js loads on every call merged
 * into it (scripts/merge-chunks.mjs): the files require each other, and share modules through Node's
 * module cache. @cloudbase/database's realtime client is an entry of its own, `realtime.js`, that
 * its stand-in requires on the first `watch()` (scripts/trim-cloudbase-sdk.mjs). `trim: false` and other esbuild options (`sourcemap`, `minify`,
 * `external`) are for bench/cold/profile.mjs, the bench's cold-start bundles and
 * test/store/cloudbase-trimmed.test.ts. Answers the files written, `outfile` first.
 */
export async function bundleFunction(name, outfile, { trim = true, stdin, ...options } = {}) {
  const uses = { exceljs: false };
  const outdir = path.dirname(outfile);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), `fn-${name}-`));
  const { 'dynamic-import': _, ...supported } = FUNCTION_BUILD.supported;
  let written;
  try {
    const { metafile } = await build({
      ...FUNCTION_BUILD,
      entryPoints: [
        { in: stdin ? 'function-entry' : path.join(root, 'cloudfunctions', name, 'index.ts'), out: path.basename(outfile, '.js') },
        ...(trim ? deferredEntries() : []),
      ],
      format: 'esm',
      splitting: true,
      supported,
      outdir: staging,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      absWorkingDir: root,
      metafile: true,
      ...options,
      // A CommonJS `require` in the ESM build becomes esbuild's `__require`, which calls the final
      // file's own `require`.
      plugins: [...(stdin ? [stdinEntry(stdin)] : []), exceljsApart(uses), ...(trim ? [trimCloudBaseSdk(), trimZodLocales()] : [])],
    });
    const files = fs.readdirSync(staging).filter((f) => f.endsWith('.js'));
    const entry = path.basename(outfile);
    const shared = loadedWithEntry(metafile, root, staging, entry);
    for (const f of files.filter((f) => !shared.has(f))) {
      await build({
        ...(f === entry ? { stdin: entryWithChunks(staging, entry, shared) } : { entryPoints: [path.join(staging, f)] }),
        outfile: path.join(outdir, f),
        bundle: true,
        platform: 'node',
        target: FUNCTION_BUILD.target,
        format: 'cjs',
        supported: FUNCTION_BUILD.supported,
        minify: options.minify ?? FUNCTION_BUILD.minify,
        sourcemap: options.sourcemap,
        legalComments: 'none',
        logLevel: 'warning',
        plugins: [splitFiles(staging, entry, shared, f)],
      });
    }
    written = [outfile, ...files.filter((f) => f !== entry && !shared.has(f)).map((f) => path.join(outdir, f))];
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  if (uses.exceljs) {
    await build({
      ...FUNCTION_BUILD,
      stdin: { contents: "module.exports = require('exceljs');", resolveDir: root, sourcefile: 'exceljs-apart.js' },
      outfile: path.join(outdir, 'exceljs.js'),
    });
  }
  return written;
}

/** An entry given as source (esbuild's `stdin` cannot be split): a module of its own. */
function stdinEntry({ contents, resolveDir, sourcefile, loader = 'ts' }) {
  return {
    name: 'stdin-entry',
    setup(b) {
      b.onResolve({ filter: /^function-entry$/ }, () => ({ path: sourcefile ?? 'function-entry.ts', namespace: 'function-entry' }));
      b.onLoad({ filter: /./, namespace: 'function-entry' }, () => ({ contents, resolveDir, loader }));
    },
  };
}

async function buildFunctions() {
  for (const name of FUNCTION_NAMES) {
    const outdir = path.join(root, 'dist/functions', name);
    fs.rmSync(outdir, { recursive: true, force: true });
    await bundleFunction(name, path.join(outdir, 'index.js'));
    fs.writeFileSync(
      path.join(outdir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: {} }, null, 2) + '\n',
    );
    const config = { permissions: { openapi: ['security.msgSecCheck', 'subscribeMessage.send'] } };
    if (name === 'scheduler') config.triggers = [{ name: 'every10min', type: 'timer', config: '0 */10 * * * * *' }];
    fs.writeFileSync(path.join(outdir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  }
}

async function buildGateway() {
  await build({
    entryPoints: [path.join(root, 'cloudfunctions/core/runtime/gateway-main.ts')],
    outfile: path.join(root, 'dist/gateway/main.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] ?? 'all';
  const started = Date.now();
  if (what === 'all' || what === 'functions') await buildFunctions();
  if (what === 'all' || what === 'gateway') await buildGateway();
  console.log(`built ${what} in ${Date.now() - started} ms`);
}
