// `npm run db:indexes [-- --json]`: builds and runs cloudfunctions/core/runtime/print-indexes.ts,
// which prints the collections and indexes to create in a CloudBase environment (docs/DEPLOY.md §4).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outfile = path.join(root, 'dist/tools/print-indexes.js');
await build({
  entryPoints: [path.join(root, 'cloudfunctions/core/runtime/print-indexes.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
