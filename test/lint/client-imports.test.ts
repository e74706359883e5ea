// The client ships no server code: inside miniprogram/, only `import type` may name a file of
// cloudfunctions/. And the cloud functions build their schemas with zod/mini as a namespace (cold start). The project's own eslint configuration is run (as `npm run lint` runs it, in a
// child process: its config is an ES module) on planted sources given on stdin.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const ESLINT = resolve(ROOT, 'node_modules/eslint/bin/eslint.js');

async function messagesOf(code: string, filePath = 'miniprogram/pages/planted/index.ts'): Promise<string[]> {
  let out: string;
  try {
    out = execFileSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', filePath], {
      cwd: ROOT,
      input: code,
      encoding: 'utf8',
    });
  } catch (e) {
    // eslint exits 1 when it reports errors; its report is still on stdout.
    out = (e as { stdout: string }).stdout;
  }
  const [result] = JSON.parse(out) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

test('a value import from cloudfunctions/ in the mini-program fails lint', async () => {
  const messages = await messagesOf(
    "import { rulesFor } from '../../../cloudfunctions/core/domain/rules-config';\nexport const rules = rulesFor(undefined);\n",
  );
  expect(messages).toEqual([expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*import type/)]);
});

test('a re-export of a value from cloudfunctions/ fails too', async () => {
  const messages = await messagesOf("export { rulesFor } from '../../../cloudfunctions/core/domain/rules-config';\n");
  expect(messages).toEqual([expect.stringMatching(/^@typescript-eslint\/no-restricted-imports/)]);
});

test('a type-only import from cloudfunctions/ passes', async () => {
  const messages = await messagesOf(
    "import type { RulesConfig } from '../../../cloudfunctions/core/domain/rules-config';\nexport type Rules = RulesConfig;\n",
  );
  expect(messages).toEqual([]);
});

test('the server itself may import values from cloudfunctions/', async () => {
  const messages = await messagesOf(
    "import { rulesFor } from '../domain/rules-config';\nexport const rules = rulesFor(undefined);\n",
    'cloudfunctions/core/app/planted.ts',
  );
  expect(messages).toEqual([]);
});

test('a cloud function schema built with classic zod, or with the `z` object of zod/mini, fails lint', async () => {
  const file = 'cloudfunctions/core/app/planted.ts';
  expect(await messagesOf("import { z } from 'zod';\nexport const s = z.string();\n", file)).toEqual([
    expect.stringMatching(/^no-restricted-syntax: schemas use zod\/mini/),
  ]);
  expect(await messagesOf("import { z } from 'zod/mini';\nexport const s = z.string();\n", file)).toEqual([
    expect.stringMatching(/^no-restricted-syntax: .*import \* as z/),
  ]);
  expect(await messagesOf("import * as z from 'zod/mini';\nexport const s = z.string();\n", file)).toEqual([]);
  expect(await messagesOf("import type * as z from 'zod';\nexport type S = z.ZodType;\n", file)).toEqual([]);
});
