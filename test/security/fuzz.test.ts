/**
 * Fuzzed payloads for every action, derived from its valid sample (payload-arbitraries.ts), sent
 * as several roles through the function entries. Every answer is an envelope with a documented
 * code (never INTERNAL, nothing logged as an error), and a rejected call changes nothing in the
 * database — every row of every table compared.
 *
 * `npm test` runs FUZZ_RUNS_DEFAULT cases per action; `npm run fuzz` (FUZZ_RUNS=5000) runs more and
 * prints the counts.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import { ACTION_SAMPLES, actionOf, type Payload } from '../support/action-samples';
import type { Harness } from '../support/harness';
import { AUTHZ_MATRIX, matches } from './authz-matrix';
import { hostilePayload } from './support/payload-arbitraries';
import { CALLER_NAMES, CALLERS, envelopeProblem, makeWorld, outcome, restore, type Caller, type Snapshot } from './support/world';

const FUZZ_RUNS_DEFAULT = 200;
const RUNS = Number(process.env.FUZZ_RUNS ?? FUZZ_RUNS_DEFAULT);
const REPORT = process.env.FUZZ_RUNS !== undefined;
const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/** Outcomes per action, printed by `npm run fuzz`. */
const counts = new Map<string, Record<string, number>>();

afterAll(() => {
  if (!REPORT) return;
  const lines = [...counts].map(([key, byCode]) => {
    const total = Object.values(byCode).reduce((a, b) => a + b, 0);
    const detail = Object.entries(byCode)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    return `${key.padEnd(34)} ${String(total).padStart(6)}  ${detail}`;
  });
  const total = [...counts.values()].reduce((sum, byCode) => sum + Object.values(byCode).reduce((a, b) => a + b, 0), 0);
  console.log(`fuzz: ${total} cases over ${counts.size} actions (${RUNS} runs each)\n${lines.join('\n')}`);
});

/** Rows written on the connection so far (SQLite total_changes()). */
function totalChanges(h: Harness): number {
  return (h.store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

function digestOf(snap: Snapshot): string {
  return createHash('sha256').update(JSON.stringify(snap)).digest('base64url');
}

/** Which rows differ between two snapshots, for the failure message. */
function changedRows(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = new Map((before[table] ?? []).map((r) => [r._id, r.data]));
    const b = new Map((after[table] ?? []).map((r) => [r._id, r.data]));
    for (const [id, data] of b) if (a.get(id) !== data) out.push(`${table}/${id}${a.has(id) ? ' changed' : ' added'}`);
    for (const id of a.keys()) if (!b.has(id)) out.push(`${table}/${id} removed`);
  }
  return out;
}

test('every action has a sample to fuzz from', () => {
  const missing = FUNCTION_NAMES.flatMap((fn) =>
    Object.keys(FUNCTIONS[fn])
      .filter((a) => !ACTION_SAMPLES[fn][a])
      .map((a) => `${fn}.${a}`),
  );
  expect(missing).toEqual([]);
});

for (const fn of FUNCTION_NAMES) {
  describe(fn, () => {
    for (const key of Object.keys(ACTION_SAMPLES[fn])) {
      const action = actionOf(key);
      describe(key, () => {
        let h: Harness;
        let payload: Payload;
        let base: Snapshot;
        let at: string;
        let baseDigest: string;
        let writesAtBase = 0;
        beforeAll(async () => {
          h = await makeWorld();
          payload = await ACTION_SAMPLES[fn][key](h);
          base = h.snapshot();
          baseDigest = digestOf(base);
          at = h.clock.now().toISOString();
        });
        afterAll(() => h?.close());

        // Half the cases come from callers the matrix lets through, so the fuzz reaches the use case.
        const allowed = CALLER_NAMES.filter((c) => {
          const cell = AUTHZ_MATRIX[fn]?.[key]?.[c];
          return cell !== undefined && matches(cell, 'ok');
        });
        const caller = fc.oneof(fc.constantFrom(...CALLER_NAMES), fc.constantFrom(...(allowed.length ? allowed : CALLER_NAMES)));

        test(`answers hostile payloads with a documented code and changes nothing when it refuses (${RUNS} runs)`, async () => {
          const tally: Record<string, number> = {};
          counts.set(`${fn}.${key}`, tally);
          let dirty = true;
          await fc.assert(
            fc.asyncProperty(
              caller,
              fc.constant(null).chain(() => hostilePayload(payload)),
              async (who: Caller, data) => {
                if (dirty) {
                  restore(h, base, at);
                  writesAtBase = totalChanges(h);
                }
                dirty = false;
                const r = await h.call(fn, action, data, CALLERS[who]);
                const got = outcome(r);
                tally[got] = (tally[got] ?? 0) + 1;
                const polluted = Object.keys(Object.prototype).concat(Object.keys(Array.prototype));
                if (polluted.length) throw new Error(`${fn}.${action} as ${who} polluted a prototype: ${polluted.join(', ')}`);
                const problem = envelopeProblem(r);
                if (problem)
                  throw new Error(`${fn}.${action} as ${who}: malformed answer (${problem}): ${JSON.stringify(r).slice(0, 500)}`);
                if (got === 'INTERNAL' || h.logger.errors.length) {
                  const logged = h.logger.errors.map(
                    (e) => `${e.message}: ${e.detail instanceof Error ? e.detail.stack : String(e.detail)}`,
                  );
                  throw new Error(`${fn}.${action} as ${who}: ${got}; logged ${logged.join(' | ').slice(0, 1500)}`);
                }
                if (!r.ok) {
                  // Every call starts from `base` (an accepted one is undone before the next), so a
                  // refused call must leave exactly `base`. No write at all is the quick proof.
                  if (totalChanges(h) !== writesAtBase) {
                    const after = h.snapshot();
                    const changed = changedRows(base, after);
                    if (digestOf(after) !== baseDigest) {
                      throw new Error(`${fn}.${action} as ${who} answered ${got} but changed ${changed.join(', ')}`);
                    }
                    writesAtBase = totalChanges(h);
                  }
                } else {
                  dirty = true;
                }
              },
            ),
            { numRuns: RUNS, endOnFailure: true },
          );
        }, 600_000);
      });
    }
  });
}
