/**
 * Runs every cell of the authorisation matrix (authz-matrix.ts) through the function entries on
 * the embedded database: one world per action, restored to the same state before every cell.
 */
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import { ACTION_SAMPLES, actionOf, type Payload } from '../support/action-samples';
import type { Harness } from '../support/harness';
import { AUTHZ_MATRIX, describeExpected, matches } from './authz-matrix';
import { CALLER_NAMES, CALLERS, envelopeProblem, makeWorld, outcome, restore, type Snapshot } from './support/world';

const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/** The rows to run for a function: every action it has and every row or sample the tables list. */
function keysOf(fn: FunctionName): string[] {
  const keys = new Set<string>([
    ...Object.keys(FUNCTIONS[fn]),
    ...Object.keys(AUTHZ_MATRIX[fn] ?? {}),
    ...Object.keys(ACTION_SAMPLES[fn] ?? {}),
  ]);
  return [...keys].sort();
}

describe('the matrix is complete', () => {
  test('has a row and a sample for every action of every function', () => {
    const missing: string[] = [];
    for (const fn of FUNCTION_NAMES) {
      for (const action of Object.keys(FUNCTIONS[fn])) {
        if (!AUTHZ_MATRIX[fn]?.[action]) missing.push(`${fn}.${action}: no row in test/security/authz-matrix.ts`);
        if (!ACTION_SAMPLES[fn]?.[action]) missing.push(`${fn}.${action}: no sample in test/support/action-samples.ts`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('has a cell for every caller in every row, the city callers included', () => {
    const gaps = Object.entries(AUTHZ_MATRIX).flatMap(([fn, rows]) =>
      Object.entries(rows).flatMap(([key, cells]) => CALLER_NAMES.filter((c) => !(c in cells)).map((c) => `${fn}.${key} as ${c}`)),
    );
    expect(gaps).toEqual([]);
  });

  test('has a caller for whom every row succeeds, so every sample is shown to be valid', () => {
    const rowsWithoutOk = Object.entries(AUTHZ_MATRIX).flatMap(([fn, rows]) =>
      Object.entries(rows)
        .filter(([, cells]) => !Object.values(cells).some((cell) => matches(cell, 'ok')))
        .map(([key]) => `${fn}.${key}`),
    );
    expect(rowsWithoutOk).toEqual([]);
  });

  test('lists no action that does not exist, and every row has its sample', () => {
    const stale: string[] = [];
    for (const fn of Object.keys(AUTHZ_MATRIX)) {
      if (!(fn in FUNCTIONS)) stale.push(`function ${fn}`);
      for (const key of Object.keys(AUTHZ_MATRIX[fn])) {
        if (!Object.prototype.hasOwnProperty.call(FUNCTIONS[fn as FunctionName] ?? {}, actionOf(key))) stale.push(`${fn}.${key}`);
        if (!ACTION_SAMPLES[fn as FunctionName]?.[key]) stale.push(`${fn}.${key}: no sample`);
      }
    }
    for (const fn of FUNCTION_NAMES) {
      for (const key of Object.keys(ACTION_SAMPLES[fn])) {
        if (!AUTHZ_MATRIX[fn]?.[key]) stale.push(`sample ${fn}.${key}: no row`);
      }
    }
    expect(stale).toEqual([]);
  });
});

for (const fn of FUNCTION_NAMES) {
  describe(fn, () => {
    for (const key of keysOf(fn)) {
      const expectedRow = AUTHZ_MATRIX[fn]?.[key];
      const sample = ACTION_SAMPLES[fn]?.[key];
      if (!expectedRow || !sample) {
        test(`${key} has a row in the matrix and a sample`, () => {
          throw new Error(`${fn}.${key} is not covered: add it to test/security/authz-matrix.ts and test/support/action-samples.ts`);
        });
        continue;
      }

      describe(key, () => {
        let h: Harness;
        let payload: Payload;
        let snap: Snapshot;
        let at: string;
        beforeAll(async () => {
          h = await makeWorld();
          payload = await sample(h);
          snap = h.snapshot();
          at = h.clock.now().toISOString();
        });
        afterAll(() => h?.close());

        test.each(CALLER_NAMES)('answers as the rules say when called as %s', async (caller) => {
          restore(h, snap, at);
          const r = await h.call(fn, actionOf(key), payload, CALLERS[caller]);
          expect(envelopeProblem(r)).toBeNull();
          const expected = expectedRow[caller];
          const got = outcome(r);
          if (!matches(expected, got)) {
            throw new Error(
              `${fn}.${key} as ${caller} (${String(CALLERS[caller])}): the rules say ${describeExpected(expected)}, got ${got}` +
                (r.ok ? '' : ` ${JSON.stringify(r.error)}`),
            );
          }
        });
      });
    }
  });
}
