// An esbuild plugin for the cloud function bundles (scripts/build.mjs): zod's `z` namespace carries
// `z.locales`, every language's error messages (about 260 KB of the 450 KB zod puts in a minified
// bundle), and a bundle that uses `z` keeps them all. The functions use Chinese (`zhCN`, set in
// cloudfunctions/core/app/fields.ts) and zod itself starts from English (`en`); `z.locales` in the
// bundles holds those two only. test/store/cloudbase-trimmed.test.ts checks a bundle's refusals
// still read in Chinese.
import path from 'node:path';

export const KEPT_LOCALES = { zhCN: 'zh-CN.js', en: 'en.js' };

export function trimZodLocales() {
  return {
    name: 'trim-zod-locales',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
        const importer = args.importer.split(path.sep).join('/');
        if (!/\/node_modules\/zod\/v4\/(classic\/external|mini\/external|core\/index)\.js$/.test(importer)) return undefined;
        return { path: path.join(path.dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' };
      });
      build.onLoad({ filter: /./, namespace: 'zod-locales' }, (args) => ({
        contents: Object.entries(KEPT_LOCALES)
          .map(([name, file]) => `export { default as ${name} } from ${JSON.stringify(path.join(path.dirname(args.path), file))};`)
          .join('\n'),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}
