/**
 * A refused call changes nothing — also when it carries a clientToken. Every action declared
 * `idempotent` is called with its sample and a clientToken by every caller the matrix refuses
 * (past the identity check), and the database must be exactly as before.
 */
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import { ACTION_SAMPLES, actionOf } from '../support/action-samples';
import { AUTHZ_MATRIX, matches } from './authz-matrix';
import { CALLER_NAMES, CALLERS, makeWorld, outcome, restore } from './support/world';

const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

const idempotentKeys = FUNCTION_NAMES.flatMap((fn) =>
  Object.keys(ACTION_SAMPLES[fn])
    .filter((key) => FUNCTIONS[fn][actionOf(key)]?.idempotent)
    .map((key) => [fn, key] as const),
);

test('some actions take a clientToken (else this file checks nothing)', () => {
  expect(idempotentKeys.length).toBeGreaterThan(0);
});

test.each(idempotentKeys)('%s.%s refused with a clientToken changes nothing', async (fn, key) => {
  const h = await makeWorld();
  try {
    const payload = { ...(await ACTION_SAMPLES[fn][key](h)), clientToken: 'refused-call-0001' };
    const base = h.snapshot();
    const at = h.clock.now().toISOString();
    const refusers = CALLER_NAMES.filter((c) => {
      const cell = AUTHZ_MATRIX[fn]?.[key]?.[c];
      return cell !== undefined && !matches(cell, 'ok') && !matches(cell, 'UNAUTHENTICATED');
    });
    expect(refusers.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const caller of refusers) {
      restore(h, base, at);
      const r = await h.call(fn, actionOf(key), payload, CALLERS[caller]);
      if (r.ok) {
        problems.push(`${caller}: answered ok`);
        continue;
      }
      const after = h.snapshot();
      const changed = Object.keys({ ...base, ...after }).filter((t) => JSON.stringify(base[t] ?? []) !== JSON.stringify(after[t] ?? []));
      if (changed.length) problems.push(`${caller} (${outcome(r)}): changed ${changed.join(', ')}`);
    }
    expect(problems).toEqual([]);
  } finally {
    await h.close();
  }
});
