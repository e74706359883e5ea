/**
 * Database round trips per action (issues #7 and #16): every action of every function, run once
 * with a representative valid payload on the seeded embedded database through a CountingStore,
 * stays within its budget in bench/round-trip-budgets.ts (reads as budgeted, writes ≤ 3 unless a
 * row explains more), and within its depth — round trips in sequence, counted by the DelayStore —
 * of bench/round-trip-depths.ts (≤ 1 for a read, ≤ 3 for a write, unless a row explains more).
 * Counts, not timings.
 */
import { allActions, measureRoundTrips, staleBudgets, writeBudget } from '../../bench/lib/round-trips';
import { BUDGETS, READ_GOAL, WRITE_GOAL } from '../../bench/round-trip-budgets';
import { DEPTH_BUDGETS, depthBudget, READ_DEPTH_GOAL } from '../../bench/round-trip-depths';

const actions = allActions();

test('every budget row names an existing action', () => {
  expect(staleBudgets()).toEqual([]);
});

test('a budget above the goal says why', () => {
  const unexplained = Object.entries(BUDGETS).flatMap(([fn, rows]) =>
    Object.entries(rows)
      .filter(([, b]) => (b.reads > READ_GOAL || writeBudget(b) > WRITE_GOAL) && !b.why)
      .map(([action]) => `${fn}.${action}`),
  );
  expect(unexplained).toEqual([]);
});

test('every depth budget names an existing action, is above the goal and says why', () => {
  const known = new Set(actions.map(({ fn, action }) => `${fn}.${action}`));
  const wrong = Object.entries(DEPTH_BUDGETS).filter(([key, b]) => !known.has(key) || b.depth <= READ_DEPTH_GOAL || !b.why.trim());
  expect(wrong).toEqual([]);
});

describe.each(actions)('$fn.$action', ({ fn, action }) => {
  test('has a budget row', () => {
    expect(BUDGETS[fn]?.[action]).toBeDefined();
  });

  test('stays within its round-trip budget', async () => {
    const m = await measureRoundTrips(fn, action);
    expect(m.budget).not.toBeNull();
    expect({ result: m.result, logged: m.problem ?? null }).toMatchObject({ result: { ok: true }, logged: null });
    const budget = m.budget!;
    const counts = m.counts!;
    expect(counts.reads).toBeLessThanOrEqual(budget.reads);
    expect(counts.writes).toBeLessThanOrEqual(writeBudget(budget));
    expect(m.depth).toBeLessThanOrEqual(depthBudget(fn, action, counts.writes));
  });
});
