// An esbuild plugin for the cloud function bundles (scripts/build.mjs): keeps out of the bundle the
// parts of @cloudbase/node-sdk that no function calls, so a cold container neither compiles nor runs
// them. What the functions use of the SDK (cloudfunctions/core/runtime/cloud-entry.ts and the
// adapters in cloudfunctions/core/adapters/):
//   init, SYMBOL_CURRENT_ENV, getCloudbaseContext          cloud-entry.ts, cloudbase-store.ts
//   app.database() — collections, command, transactions    cloudbase-store.ts, cloudbase-filter.ts
//   app.uploadFile, app.downloadFile (storage)             cloudbase-files.ts (exports, registers)
//   app.callWxOpenApi (wx)                                 wx-openapi.ts (content check, subscribe)
// Everything else the SDK's CloudBase class wires in is replaced by a stub whose functions throw
// if they are ever called: data models and MySQL (@cloudbase/wx-cloud-client-sdk, which also makes
// Node load its internal undici at startup), AI (@cloudbase/ai, web-streams-polyfill), auth
// (jsonwebtoken), callFunction/callApis, cloud run, logger, analytics and notifications; and two
// tables below the kept parts (TRIMMED_BELOW).
// test/store/cloudbase-trimmed.test.ts drives every Store and Files operation through each bundle.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Modules required by node-sdk's dist/cloudbase.js, by the path it requires them with. */
export const TRIMMED = {
  '@cloudbase/wx-cloud-client-sdk': { default: ['generateHTTPClient', 'generateMySQLClient'] },
  './ai': ['createAI'],
  './analytics': ['analytics'],
  './auth': ['auth', 'Auth'],
  './cloudrun': ['callContainer'],
  './functions': ['callFunction', 'callApis'],
  './logger': ['logger', 'Logger'],
  './notification': ['sendNotification'],
};
/**
 * Two data-heavy modules below the kept parts that none of those calls reaches: mime-db (the MIME
 * table form-data consults for multipart uploads; the SDK's requests are JSON, uploads a raw PUT)
 * and xmlbuilder (xml2js's XML writer; storage only parses COS's XML answers, with sax).
 * Keyed by the requiring file, then the required name.
 */
export const TRIMMED_BELOW = {
  'mime-types/index.js': { 'mime-db': 'module.exports = {};' },
  'xml2js/lib/builder.js': { xmlbuilder: thrower('xmlbuilder', 'create', 'exports.create = ') },
};

/**
 * Kept, but loaded on first use: storage (with xml2js and sax, its XML parser) serves only the
 * calls that read or write a file. The SDK looks its functions up when it calls them
 * (`storage_1.uploadFile(…)`), and all of them are async: the stand-in's functions import the real
 * module (its `default`: a CommonJS module) and call their namesakes, so the bundle splits it, with
 * what only it requires, into a file of its own (scripts/build.mjs) that no other call reads.
 */
export const LAZY = ['./storage'];

/**
 * Kept, but loaded on first use and synchronously: @cloudbase/database's realtime client, which only
 * `watch()` on a query or a document builds (≈ 48 KB with lodash.set, .unset and .clonedeep; no
 * function calls it). `watch()` answers synchronously, so it cannot wait for an import: the
 * stand-in's constructor requires the real module, which scripts/build.mjs writes as a file of its
 * own (an entry of the split build, DEFERRED_ENTRIES) that takes what it shares with the rest of
 * the SDK from index.js. Keyed by the requiring file, then the required name: the file's name.
 */
export const DEFERRED_BELOW = {
  '@cloudbase/database/dist/commonjs/query.js': { './realtime/websocket-client': 'realtime' },
  '@cloudbase/database/dist/commonjs/document.js': { './realtime/websocket-client': 'realtime' },
};

/** The deferred modules, as entry points of the split build (scripts/build.mjs): `<out>.js` beside index.js. */
export function deferredEntries() {
  const database = path.dirname(require.resolve('@cloudbase/database/package.json', { paths: [require.resolve('@cloudbase/node-sdk')] }));
  return [{ in: path.join(database, 'dist/commonjs/realtime/websocket-client.js'), out: 'realtime' }];
}

/** The ones the functions need, kept whole with what they require. */
export const KEPT = [
  'axios',
  './database',
  './wx',
  './utils/cloudplatform',
  './utils/tcbcontext',
  './utils/tcbopenapicommonrequester',
  './utils/tcbopenapiendpoint',
  './const/symbol',
  './utils/utils',
];

function thrower(what, name, prefix = '') {
  const message = `${what}.${name} was left out of this bundle by scripts/trim-cloudbase-sdk.mjs`;
  return `${prefix}function ${name}() { throw new Error(${JSON.stringify(message)}); }`;
}

function stubSource(spec, what) {
  const sdk = `@cloudbase/node-sdk ${what}`;
  if (Array.isArray(spec)) return spec.map((name) => thrower(sdk, name, `exports.${name} = `) + ';').join('\n');
  return Object.entries(spec)
    .map(([key, names]) => `exports.${key} = { ${names.map((n) => `${n}: ${thrower(sdk, n)}`).join(', ')} };`)
    .join('\n');
}

export function trimCloudBaseSdk() {
  return {
    name: 'trim-cloudbase-sdk',
    setup(build) {
      build.onResolve({ filter: /./ }, (args) => {
        const importer = args.importer.split(path.sep).join('/');
        if (args.namespace === 'deferred-below') return { path: args.path, external: true };
        const deferred = Object.keys(DEFERRED_BELOW).find((file) => importer.endsWith(`/node_modules/${file}`));
        if (deferred && Object.hasOwn(DEFERRED_BELOW[deferred], args.path)) {
          return { path: DEFERRED_BELOW[deferred][args.path], namespace: 'deferred-below' };
        }
        const below = Object.keys(TRIMMED_BELOW).find((file) => importer.endsWith(`/node_modules/${file}`));
        if (below && Object.hasOwn(TRIMMED_BELOW[below], args.path)) return { path: `${below}:${args.path}`, namespace: 'trimmed-below' };
        if (!/\/@cloudbase\/node-sdk\/dist\/cloudbase\.js$/.test(importer)) return undefined;
        if (Object.hasOwn(TRIMMED, args.path)) return { path: args.path, namespace: 'trimmed-cloudbase' };
        if (LAZY.includes(args.path)) {
          const real = require.resolve(args.path, { paths: [path.dirname(args.importer)] });
          return { path: real, namespace: 'lazy-cloudbase', pluginData: { real } };
        }
        if (!KEPT.includes(args.path)) {
          // A newer SDK wires in something this list has not decided on: decide before bundling it.
          return {
            errors: [{ text: `@cloudbase/node-sdk requires ${args.path}: add it to TRIMMED or KEPT in scripts/trim-cloudbase-sdk.mjs` }],
          };
        }
        return undefined;
      });
      build.onLoad({ filter: /./, namespace: 'trimmed-cloudbase' }, (args) => ({
        contents: stubSource(TRIMMED[args.path], args.path),
        loader: 'js',
      }));
      build.onLoad({ filter: /./, namespace: 'lazy-cloudbase' }, (args) => ({
        contents: `module.exports = new Proxy({}, { get: (_, key) => async (...args) => (await import(${JSON.stringify(args.pluginData.real)})).default[key](...args) });`,
        resolveDir: path.dirname(args.pluginData.real),
        loader: 'js',
      }));
      // The realtime client's one export, a class, built from the real one (`new` answers the object the constructor returns).
      build.onLoad({ filter: /./, namespace: 'deferred-below' }, (args) => ({
        contents:
          `let real;\nexports.RealtimeWebSocketClient = function RealtimeWebSocketClient(options) {\n` +
          `  real = real || require(${JSON.stringify(`./${args.path}.js`)}).default;\n` +
          `  return new real.RealtimeWebSocketClient(options);\n};`,
        loader: 'js',
      }));
      build.onLoad({ filter: /./, namespace: 'trimmed-below' }, (args) => {
        const [file, name] = args.path.split(':');
        return { contents: TRIMMED_BELOW[file][name], loader: 'js' };
      });
    },
  };
}
