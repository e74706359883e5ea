// Table rows of the in-process parts: round trips, latency, contention, mini-program size.
import { count, kb, ms, rowCollector } from './common.mjs';

export function tripsRows(trips) {
  const { rows, row } = rowCollector();
  for (const r of trips.rows) {
    const budgeted = r.budgetReads !== null && (r.budgetReads > 1 || r.budgetWrites > 3);
    const budget = budgeted ? `budget ${r.budgetReads} reads${r.budgetWrites > 3 ? `, ${r.budgetWrites} writes` : ''}` : '';
    const goal = `reads ≤ 1, writes ≤ 3${budgeted ? ` (${budget}: ${r.why})` : ''}`;
    if (r.reads === null) row(`round trips — ${r.fn}.${r.action}`, r.budgetReads === null ? 'n/a (no budget row)' : 'n/a', goal, false);
    else
      row(
        `round trips — ${r.fn}.${r.action}`,
        `${r.reads} reads, ${r.writes} writes${r.ok ? '' : ` (answered ${r.error?.code ?? 'error'})`}`,
        goal,
        r.ok && r.reads <= 1 && r.writes <= 3 ? true : r.ok && r.reads <= r.budgetReads && r.writes <= r.budgetWrites ? 'budgeted' : false,
      );
  }
  // Depth: round trips in sequence (bench/lib/delay-store.ts), before issue #16 and now.
  for (const r of trips.rows) {
    if (r.depth === null || r.depth === undefined) continue;
    const goal = `≤ ${r.depthGoal} (${r.depthGoal === 1 ? 'read' : 'write'})${r.depthWhy ? ` (budget ${r.depthBudget}: ${r.depthWhy})` : ''}`;
    const figure = `${r.depth} round trips in sequence (before ${r.depthBefore ?? 'n/a'}); ${r.depth * 10} ms at 10 ms a request`;
    row(
      `depth — ${r.fn}.${r.action}`,
      figure,
      goal,
      r.ok && r.depth <= r.depthGoal ? true : r.ok && r.depth <= r.depthBudget ? 'budgeted' : false,
    );
  }
  return rows;
}

export function latencyRows(l) {
  const { rows, row } = rowCollector();
  const [small, big] = l.sizes;
  for (const a of l.actions) {
    const figure = `latency — ${a.label} (${l.rounds} rounds × ${l.callsPerRound} calls)`;
    const goal = `p99 at ${count(big)} ≤ 1.5 × p99 at ${count(small)}, and ≤ 5 ms`;
    if (!a.built) {
      row(figure, 'n/a (not built)', goal, null);
      continue;
    }
    const s1 = a.bySize[small];
    const s2 = a.bySize[big];
    const failures = [...s1.failures, ...s2.failures];
    const ratio = s2.p99 / s1.p99;
    row(
      figure,
      `${count(small)}: p50 ${ms(s1.p50)}, p99 ${ms(s1.p99)}; ${count(big)}: p50 ${ms(s2.p50)}, p99 ${ms(s2.p99)} (p99 × ${ratio.toFixed(2)}); ` +
        `CPU per call ${ms(s1.cpuMsPerCall)} / ${ms(s2.cpuMsPerCall)}` +
        (failures.length ? `; calls failed: ${failures[0]}` : ''),
      goal,
      failures.length === 0 && ratio <= 1.5 && s2.p99 <= 5,
    );
  }
  return rows;
}

export function contentionRows(c) {
  const { rows, row } = rowCollector();
  if (!c.built)
    row(
      'contention — 1,000 concurrent signups on 50 seats via the gateway',
      'n/a (not built)',
      'exactly 50 confirmed; throughput reported',
      null,
    );
  else
    row(
      `contention — ${c.signups} signups on ${c.seats} seats via the gateway, ${c.concurrency} in flight (${c.rounds.length} rounds)`,
      `${Math.round(c.callsPerSecond)} calls/s; p50 ${ms(c.p50Ms)}, p99 ${ms(c.p99Ms)} per call; gateway CPU ${ms(c.gatewayCpuMsPerCall)} per call; ` +
        `confirmed ${c.rounds.map((r) => `${r.confirmedAnswers} (db ${r.confirmedInDb})`).join(', ')}`,
      'exactly 50 confirmed; throughput reported',
      c.exactlyFiftyConfirmed,
    );
  return rows;
}

export function sizeRows(z) {
  const { rows, row } = rowCollector();
  const unused = z.unreferencedComponents.reduce((n, c) => n + c.bytes, 0);
  row(
    'mini-program — main package',
    `${kb(z.main.bytes)} (${z.main.files} files; UI library ${kb(z.uiLibBytes)}, of which ${z.unreferencedComponents.length} copied components no page uses: ${kb(unused)})`,
    '≤ 600 KB (platform limit 2 MB)',
    z.main.bytes <= 600 * 1024,
  );
  for (const sp of z.subpackages)
    row(`mini-program — subpackage ${sp.name} (${sp.root})`, `${kb(sp.bytes)} (${sp.files} files)`, '—', null);
  row('mini-program — all packages', kb(z.total), '≤ 20 MB (platform)', z.total <= 20 * 1024 * 1024);
  return rows;
}
