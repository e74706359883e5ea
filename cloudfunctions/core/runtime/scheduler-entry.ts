import type { Deps } from '../app/context';
import type { Result } from '../app/result';
import { tick } from '../app/scheduler/tick';
import { TimeBudget } from '../adapters/call-budget';
import { callBudgetMs } from '../app/function-timeouts';
import { cloudDeps, platformOpenid } from './cloud-entry';

// Apart from cloud-entry.ts: the tick reaches into every function's scheduled work, which no other
// function's bundle should carry.

/** The scheduler's `exports.main`: runs only for its timer trigger, never for a user's call. */
export function createSchedulerEntry(testDeps?: Deps) {
  return async function main(event: unknown, context: unknown): Promise<Result<unknown>> {
    const timer = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
    if (!timer || platformOpenid(context)) return { ok: false, error: { code: 'FORBIDDEN', message: '定时任务不可由用户调用' } };
    const d = testDeps ?? cloudDeps('scheduler');
    if ('error' in d) return d;
    return { ok: true, data: await new TimeBudget(callBudgetMs('scheduler')).run(() => tick(d)) };
  };
}
