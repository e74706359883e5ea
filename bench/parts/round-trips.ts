// Bench part: database round trips of every action (the same measurement the round-trip test asserts).
import { allActions, measureRoundTrips, writeBudget } from '../lib/round-trips';
import { writeResult } from '../lib/io';

async function main(): Promise<void> {
  const rows = [];
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
