// Bench part: database round trips of every action, and their depth (round trips in sequence) now
// and before issue #16 (bench/depth-before.json): the same measurement the round-trip test asserts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allActions, measureRoundTrips, writeBudget } from '../lib/round-trips';
import { writeResult } from '../lib/io';
import { DEPTH_BUDGETS, depthBudget, depthGoal } from '../round-trip-depths';

/** The depths measured before the rework, by `fn.action`. */
function depthsBefore(): Record<string, number> {
  // The bundle runs from a build directory: the file is found from the working directory (the repository).
  const file = path.resolve('bench/depth-before.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { depth: Record<string, number> }).depth;
}

async function main(): Promise<void> {
  const rows = [];
  const before = depthsBefore();
  for (const { fn, action } of allActions()) {
    const m = await measureRoundTrips(fn, action);
    rows.push({
      fn,
      action,
      reads: m.counts?.reads ?? null,
      writes: m.counts?.writes ?? null,
      transactions: m.counts?.transactions ?? null,
      byOp: m.counts?.byOp ?? null,
      budgetReads: m.budget?.reads ?? null,
      budgetWrites: m.budget ? writeBudget(m.budget) : null,
      why: m.budget?.why ?? null,
      depth: m.depth,
      depthBefore: before[`${fn}.${action}`] ?? null,
      depthGoal: m.counts ? depthGoal(m.counts.writes) : null,
      depthBudget: m.counts ? depthBudget(fn, action, m.counts.writes) : null,
      depthWhy: DEPTH_BUDGETS[`${fn}.${action}`]?.why ?? null,
      ok: m.result?.ok ?? false,
      error: m.result && !m.result.ok ? m.result.error : null,
      problem: m.problem ?? null,
    });
  }
  writeResult({ rows });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
