/**
 * A refused call changes nothing — also when it carries a clientToken. Every action declared
 * `idempotent` is called with its sample and a clientToken by every caller the matrix refuses
 * (past the identity check), and the database must be exactly as before.
 */
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import { IDEMPOTENCY } from '../../cloudfunctions/core/app/idempotency';
import { ACTION_SAMPLES, actionOf } from '../support/action-samples';
import { AUTHZ_MATRIX, matches, REPORTED } from './authz-matrix';
import { REFUSED_TOKEN_RECORD_REPORTED } from './support/reported';
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

test.each(idempotentKeys)(
  `%s.%s refused with a clientToken ${REFUSED_TOKEN_RECORD_REPORTED ? '— REPORTED: stores its idempotency record, and nothing else' : 'changes nothing'}`,
  async (fn, key) => {
    const h = await makeWorld();
    try {
      const payload = { ...(await ACTION_SAMPLES[fn][key](h)), clientToken: 'refused-call-0001' };
      const base = h.snapshot();
      const at = h.clock.now().toISOString();
      const refusers = CALLER_NAMES.filter((c) => {
        const cell = AUTHZ_MATRIX[fn]?.[key]?.[c];
        const answersOk = REPORTED[`${fn}.${key}`]?.[c]?.got === 'ok';
        return cell !== undefined && !matches(cell, 'ok') && !matches(cell, 'UNAUTHENTICATED') && !answersOk;
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
        if (REFUSED_TOKEN_RECORD_REPORTED) {
          // Only caller-level refusals run inside the idempotency claim; those store a record.
          const stored =
            changed.length === 1 && changed[0] === IDEMPOTENCY && after[IDEMPOTENCY].length === (base[IDEMPOTENCY]?.length ?? 0) + 1;
          if (changed.length && !stored) problems.push(`${caller} (${outcome(r)}): changed ${changed.join(', ')}`);
          if (stored) problems.push('STORED');
        } else if (changed.length) {
          problems.push(`${caller} (${outcome(r)}): changed ${changed.join(', ')}`);
        }
      }
      if (REFUSED_TOKEN_RECORD_REPORTED) {
        // Fails once no refused call stores a record any more: then set REFUSED_TOKEN_RECORD_REPORTED to false.
        expect(problems.filter((p) => p !== 'STORED')).toEqual([]);
        expect(problems).toContain('STORED');
      } else {
        expect(problems).toEqual([]);
      }
    } finally {
      await h.close();
    }
  },
);
