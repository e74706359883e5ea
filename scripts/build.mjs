// Builds the cloud functions (one self-contained file each, under dist/functions/<name>/) and the
// local gateway (dist/gateway/main.js). `node scripts/build.mjs [functions|gateway]` builds one part.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

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
const what = process.argv[2] ?? 'all';

async function buildFunctions() {
  for (const name of FUNCTION_NAMES) {
    const outdir = path.join(root, 'dist/functions', name);
    fs.rmSync(outdir, { recursive: true, force: true });
    await build({
      entryPoints: [path.join(root, 'cloudfunctions', name, 'index.ts')],
      outfile: path.join(outdir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
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

const started = Date.now();
if (what === 'all' || what === 'functions') await buildFunctions();
if (what === 'all' || what === 'gateway') await buildGateway();
console.log(`built ${what} in ${Date.now() - started} ms`);
