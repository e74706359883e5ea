// Builds the cloud functions (self-contained: index.js, and exceljs.js where spreadsheets are read or
// written, under dist/functions/<name>/) and the
// local gateway (dist/gateway/main.js). `node scripts/build.mjs [functions|gateway]` builds one part.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { trimCloudBaseSdk } from './trim-cloudbase-sdk.mjs';
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
  // `import('exceljs')` becomes a require of the file next to the bundle (see exceljsApart).
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
 * it imports in one minified file, with the parts of @cloudbase/node-sdk no function calls and zod's
 * other languages left out (scripts/trim-cloudbase-sdk.mjs, scripts/trim-zod-locales.mjs), and
 * exceljs beside it. `trim: false` and other esbuild options (`sourcemap`, `minify`, `external`) are
 * for bench/cold/profile.mjs, the bench's cold-start bundles and test/store/cloudbase-trimmed.test.ts.
 */
export async function bundleFunction(name, outfile, { trim = true, ...options } = {}) {
  const uses = { exceljs: false };
  await build({
    ...FUNCTION_BUILD,
    ...(options.stdin ? {} : { entryPoints: [path.join(root, 'cloudfunctions', name, 'index.ts')] }),
    outfile,
    ...options,
    plugins: [exceljsApart(uses), ...(trim ? [trimCloudBaseSdk(), trimZodLocales()] : [])],
  });
  if (uses.exceljs) {
    await build({
      ...FUNCTION_BUILD,
      stdin: { contents: "module.exports = require('exceljs');", resolveDir: root, sourcefile: 'exceljs-apart.js' },
      outfile: path.join(path.dirname(outfile), 'exceljs.js'),
    });
  }
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
