// The second step of a function's split build (scripts/build.mjs, `bundleFunction`): esbuild's code
// splitting (ES modules) wrote index.js, a file per lazily imported module (the action groups, the
// SDK's storage) and chunks of the modules those share; each is now turned into CommonJS, and the
// chunks index.js imports statically are merged into it.
//
// esbuild puts a module that index.js and a lazily imported file both use into a chunk of its own
// (for a function, the SDK's chunk, which its storage file also uses, and the small chunks of code
// the action groups share with index.js), so a cold call read index.js and five or six such files,
// each a resolve, a read and a compile of its own (bench/README.md "Cold start", fourth pass). Those
// chunks run with index.js on every call: merged into it, they run at the same moment, in the same
// order, and the call reads one file. The other files still need their modules, and the same
// instances: index.js exports each merged chunk's namespace as `__chunks[<file>]`, and a file that
// imported such a chunk takes it from there (`require("./index.js")`, already loaded: the lazily
// imported files load after index.js has run). Chunks that only lazily imported files use stay files
// of their own, read on the first call that needs them.
import path from 'node:path';

/** `<file>.js`, relative to the staging folder, for an output path of esbuild's metafile. */
const nameIn = (absWorkingDir, staging, p) => path.relative(staging, path.resolve(absWorkingDir, p));

/**
 * The chunks index.js (`entry`) imports statically, directly or through another such chunk: the
 * files that load with it on every call.
 */
export function loadedWithEntry(metafile, absWorkingDir, staging, entry) {
  const imports = new Map();
  for (const [out, { imports: list }] of Object.entries(metafile.outputs)) {
    if (!out.endsWith('.js')) continue;
    const statics = list.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => nameIn(absWorkingDir, staging, i.path));
    imports.set(nameIn(absWorkingDir, staging, out), statics);
  }
  const loaded = new Set();
  const visit = (file) => {
    for (const next of imports.get(file) ?? []) {
      if (loaded.has(next)) continue;
      loaded.add(next);
      visit(next);
    }
  };
  visit(entry);
  return loaded;
}

/** index.js's source for the CommonJS step: the ESM entry, with the namespace of each chunk merged into it. */
export function entryWithChunks(staging, entry, merged) {
  const chunks = [...merged].sort();
  const contents = [
    `export * from ${JSON.stringify(`./${entry}`)};`,
    ...chunks.map((c, i) => `import * as __chunk${i} from ${JSON.stringify(`./${c}`)};`),
    `export const __chunks = { ${chunks.map((c, i) => `${JSON.stringify(c)}: __chunk${i}`).join(', ')} };`,
  ].join('\n');
  return { contents, resolveDir: staging, sourcefile: `merged-${entry}`, loader: 'js' };
}

/**
 * Resolves the imports of a staged file for the CommonJS step of `file`: a merged chunk is bundled
 * into index.js, or, from any other file, taken from index.js's `__chunks`; every other file of the
 * folder (a chunk, a lazily imported file, exceljs.js) and every package left out of the bundle
 * stays a `require` of its own.
 */
export function splitFiles(staging, entry, merged, file) {
  return {
    name: 'split-files',
    setup(b) {
      b.onResolve({ filter: /./ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (args.namespace === 'merged-chunk' || !args.path.startsWith('./')) return { path: args.path, external: true };
        const target = args.path.slice(2);
        if (args.kind !== 'dynamic-import' && (target === entry || merged.has(target))) {
          if (file === entry) return { path: path.join(staging, target) };
          return { path: target, namespace: 'merged-chunk' };
        }
        return { path: args.path, external: true };
      });
      b.onLoad({ filter: /./, namespace: 'merged-chunk' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`./${entry}`)}).__chunks[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}
