// Many short names through the content check a few requests at a time (app/content.ts
// checkNames): every name is sent, no request is longer than NAMES_PER_CHECK_CHARS, and one
// refused name refuses the whole import.
import { WordListContentCheck } from '../../cloudfunctions/core/adapters/word-list-check';
import { checkNames, NAMES_PER_CHECK_CHARS } from '../../cloudfunctions/core/app/content';
import type { AppContext } from '../../cloudfunctions/core/app/context';

function checker() {
  const sent: string[] = [];
  const words = new WordListContentCheck();
  const ctx = { openid: 'o-admin', contentCheck: { check: (t: string) => (sent.push(t), words.check(t)) } } as unknown as AppContext;
  return { ctx, sent };
}

const names = Array.from({ length: 3400 }, (_, i) => `荆州第${i}号小区`);

test('3,400 names go in a few requests, each within the limit, every name in one of them', async () => {
  const { ctx, sent } = checker();
  expect(await checkNames(ctx, names)).toBeNull();
  expect(sent.length).toBeLessThanOrEqual(Math.ceil((names.join('\n').length + 1) / NAMES_PER_CHECK_CHARS) + 1);
  expect(Math.max(...sent.map((t) => t.length))).toBeLessThanOrEqual(NAMES_PER_CHECK_CHARS);
  expect(sent.flatMap((t) => t.split('\n'))).toEqual(names);
});

test('one refused name, anywhere, refuses the import', async () => {
  const { ctx } = checker();
  const bad = [...names.slice(0, 2000), '赌博小区', ...names.slice(2000)];
  expect(await checkNames(ctx, bad)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
});
