// Recounts the oversight counters of every community (admin.overview's figures, RULES.md §1, §9)
// from the records of the embedded database, for data that predates the counters or after a repair:
//
//   npm run recount-counters                # every community of $DATA_DIR/community.db (default ./.data)
//   npm run recount-counters -- --missing   # only communities never recounted (what the scheduler does, 20 a tick)
//
// Run it while the gateway is stopped: a write landing between the recount's reads and its own write
// would be lost from the figures. In CloudBase the scheduler's `counters` step recounts communities
// whose `counters.recountedAt` is missing; unset it to have a community recounted there.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const onlyMissing = process.argv.includes('--missing');
const filename = path.join(path.resolve(process.env.DATA_DIR ?? './.data'), 'community.db');
if (!fs.existsSync(filename)) {
  console.error(`no database at ${filename} (set DATA_DIR)`);
  process.exit(2);
}

const entry = `
import { backfillCounters } from './cloudfunctions/core/app/admin/recount';
import { createLocalDeps } from './cloudfunctions/core/runtime/local-deps';
export async function run(filename: string, onlyMissing: boolean): Promise<number> {
  const deps = createLocalDeps({ filename });
  try {
    return await backfillCounters(deps, { onlyMissing, limit: 1000 });
  } finally {
    await deps.store.close();
  }
}`;
// Under dist/ (ignored), so the bundle finds better-sqlite3 in the project's node_modules.
const out = path.join(root, 'dist/recount/recount.cjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  external: ['better-sqlite3', '@cloudbase/node-sdk'],
  logLevel: 'warning',
});
const { run } = createRequire(import.meta.url)(out);
const n = await run(filename, onlyMissing);
console.log(`recount-counters: ${n} communit${n === 1 ? 'y' : 'ies'} recounted in ${filename}`);
