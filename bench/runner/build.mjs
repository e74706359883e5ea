// Building the bench: the parts (bench/parts/*.ts, each run in its own process) and the cold-start bundles.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleFunction } from '../../scripts/build.mjs';
import { out, root } from './common.mjs';

/** The functions, as scripts/build.mjs builds them (one folder per function under cloudfunctions/). */
export function functionNames() {
  const src = fs.readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8');
  const m = /FUNCTION_NAMES\s*=\s*\[([^\]]*)\]/.exec(src);
  if (!m) throw new Error('FUNCTION_NAMES not found in scripts/build.mjs');
  return [...m[1].matchAll(/'([a-z]+)'/g)].map((x) => x[1]);
}

const nodeBundle = { bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], logLevel: 'warning' };

export async function buildParts(names) {
  await build({
    ...nodeBundle,
    target: 'node20',
    entryPoints: names.map((n) => path.join(root, 'bench/parts', `${n}.ts`)),
    outdir: out,
    external: ['better-sqlite3', 'esbuild'],
  });
}

/**
 * The cold-start bundle of a function: its real entry code (createCloudEntry with the actions of
 * cloudfunctions/<fn>/index.ts) wired to the SQLite deps, built as scripts/build.mjs
 * builds the production bundles (`bundleFunction`: minified, node16, cjs, SDK and zod trimmed,
 * exceljs apart) with better-sqlite3 left external.
 */
export async function buildColdBundle(fn, { outfile = path.join(out, 'cold', fn, 'index.js'), ...options } = {}) {
  let contents;
  if (fn === 'scheduler') {
    contents = `import { localSchedulerEntry } from './bench/cold/local-scheduler-entry';\nexport const main = localSchedulerEntry();\n`;
  } else {
    // The entry's actions as deployed (cloudfunctions/<fn>/index.ts): lazily loaded groups or one map.
    contents =
      `import { actions } from './cloudfunctions/${fn}/index';\n` +
      `import { localEntry } from './bench/cold/local-entry';\n` +
      `export const main = localEntry(${JSON.stringify(fn)}, actions);\n`;
  }
  // A fresh folder: the split bundle's file names change with its code, and the rows count the folder's files.
  fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
  await bundleFunction(fn, outfile, {
    ...options,
    stdin: { contents, resolveDir: root, sourcefile: `bench-cold-${fn}.ts`, loader: 'ts' },
    external: ['better-sqlite3'],
  });
  return outfile;
}
