/**
 * Runs one action once on a freshly seeded embedded database, through its function entry, with a
 * CountingStore in place of the store, and reports the round trips. Shared by the round-trip test
 * and `npm run bench`.
 */
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import type { Deps } from '../../cloudfunctions/core/app/context';
import { userIdFor } from '../../cloudfunctions/core/app/ids';
import type { Result } from '../../cloudfunctions/core/app/result';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { MemoryLogger } from '../../cloudfunctions/core/adapters/console-logger';
import { CountingStore, type StoreCounts } from '../../cloudfunctions/core/adapters/counting-store';
import { DelayStore } from './delay-store';
import { OutboxNotifier } from '../../cloudfunctions/core/adapters/outbox-notifier';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';
import { BUDGETS, WRITE_GOAL, type Budget, type BudgetContext } from '../round-trip-budgets';

/** The bench's fixed time: the tests' (test/support/harness.ts), so the demo seed looks the same. */
export const BENCH_NOW = '2026-11-20T09:00:00+08:00';

export interface RoundTrip {
  fn: string;
  action: string;
  budget: Budget | null;
  counts: StoreCounts | null;
  /** Round trips in sequence (bench/lib/delay-store.ts): the action's latency in units of one request. */
  depth: number | null;
  result: Result<unknown> | null;
  /** Why no count was taken, or the logged error of an INTERNAL answer. */
  problem?: string;
}

/** Every action of every function, in FUNCTIONS order. */
export function allActions(): Array<{ fn: FunctionName; action: string }> {
  return (Object.keys(FUNCTIONS) as FunctionName[]).flatMap((fn) => Object.keys(FUNCTIONS[fn]).map((action) => ({ fn, action })));
}

/** Budget rows naming an action that does not exist (stale rows). */
export function staleBudgets(): string[] {
  const out: string[] = [];
  for (const [fn, rows] of Object.entries(BUDGETS)) {
    const actions = (FUNCTIONS as Record<string, Record<string, unknown>>)[fn];
    for (const action of Object.keys(rows)) if (!actions || !(action in actions)) out.push(`${fn}.${action}`);
  }
  return out;
}

export function writeBudget(b: Budget): number {
  return b.writes ?? WRITE_GOAL;
}

/** Measures one action's round trips on a fresh seeded in-memory database. */
export async function measureRoundTrips(fn: FunctionName, action: string): Promise<RoundTrip> {
  const budget = BUDGETS[fn]?.[action] ?? null;
  if (!budget)
    return { fn, action, budget, counts: null, depth: null, result: null, problem: 'no budget row in bench/round-trip-budgets.ts' };
  const clock = new FixedClock(BENCH_NOW);
  const logger = new MemoryLogger();
  const base = createLocalDeps({ filename: ':memory:', clock, logger });
  try {
    await seedDemo(base);
    const plain = (name: string) => createCloudEntry(name, FUNCTIONS[name as FunctionName], base);
    const attempt = <T>(f: string, a: string, data: unknown, openid: string) =>
      plain(f)({ action: a, data }, platformContextFor(openid)) as Promise<Result<T>>;
    const ctx: BudgetContext = {
      now: clock.now(),
      userId: (openid) => userIdFor(openid, base.userIdSalt),
      attempt,
      prepare: async <T>(f: string, a: string, data: unknown, openid: string) => {
        const r = await attempt<T>(f, a, data, openid);
        if (!r.ok) throw new Error(`preparing ${fn}.${action}: ${f}.${a} answered ${JSON.stringify(r.error)}`);
        return r.data;
      },
      find: (c, filter, options) => base.store.find(c, filter, options),
      insert: (c, doc) => base.store.insert(c, doc),
    };
    const call = await budget.call(ctx);
    const delay = new DelayStore(base.store);
    const store = new CountingStore(delay);
    // The notifier writes to the database too: its inserts count.
    const deps: Deps = { ...base, store, notifier: new OutboxNotifier(store, clock) };
    const entry = createCloudEntry(fn, FUNCTIONS[fn], deps);
    // The mini-program sends a clientToken with every call of an idempotent action: so does the bench.
    const idempotent = (FUNCTIONS[fn] as Record<string, { idempotent?: boolean }>)[action]?.idempotent === true;
    const payload =
      typeof call.data === 'object' && call.data !== null && !Array.isArray(call.data) ? (call.data as Record<string, unknown>) : null;
    const data = idempotent && payload && !('clientToken' in payload) ? { ...payload, clientToken: 'bench-token-0001' } : call.data;
    const result = await entry({ action, data }, platformContextFor(call.openid));
    const counts = store.reset();
    const depth = delay.reset();
    const logged = logger.errors.map((e) => `${e.message}: ${e.detail instanceof Error ? e.detail.stack : String(e.detail)}`).join('\n');
    return { fn, action, budget, counts, depth, result, problem: logged || undefined };
  } finally {
    await base.store.close();
  }
}
