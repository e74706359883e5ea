// `npm run docs:templates`: rewrites docs/SUBSCRIBE-TEMPLATES.md from the message table.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = await build({
  entryPoints: ['scripts/docs/subscribe-templates.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
});
const mod = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
writeFileSync('docs/SUBSCRIBE-TEMPLATES.md', mod.exports.renderSubscribeTemplates());
console.log('wrote docs/SUBSCRIBE-TEMPLATES.md');
