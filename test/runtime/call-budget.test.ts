// The time budget of a call (adapters/call-budget.ts, runtime/cloud-entry.ts): whatever the database
// does, a call answers by its deadline — past it with UNAVAILABLE TIME_BUDGET_EXCEEDED — and a
// transaction cut short is rolled back. Run through the platform entry on SQLite, with a store that
// answers late on command (test/support/slow-store.ts).
import { BudgetedStore, budgetedContentCheck, TimeBudget } from '../../cloudfunctions/core/adapters/call-budget';
import { OutboxNotifier } from '../../cloudfunctions/core/adapters/outbox-notifier';
import type { Deps } from '../../cloudfunctions/core/app/context';
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import type { Result } from '../../cloudfunctions/core/app/result';
import type { ContentCheck } from '../../cloudfunctions/core/ports/content-check';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { DEMO_ACTIVITIES } from '../../cloudfunctions/core/seed/volunteer';
import { makeHarness, type Harness } from '../support/harness';
import { SlowStore } from '../support/slow-store';

const BUDGET_MS = 200;
/**
 * How late past the deadline an answer may come: timers and the event loop of a busy 2-core machine
 * (other test runs share it). The stalls below last 1.5–3 s, so an answer inside this is the budget's.
 */
const SLACK_MS = 800;

let h: Harness;
let slow: SlowStore;
let deps: Deps;

beforeEach(async () => {
  h = await makeHarness();
  slow = new SlowStore(h.store);
  const store = new BudgetedStore(slow);
  deps = { ...h.deps, store, notifier: new OutboxNotifier(store, h.clock), budget: new TimeBudget(BUDGET_MS) };
});

afterEach(async () => {
  await slow.drain();
  await h.close();
});

async function timed(fn: FunctionName, action: string, data: object, openid: string): Promise<{ r: Result<unknown>; ms: number }> {
  const began = Date.now();
  const r = await createCloudEntry(fn, FUNCTIONS[fn], deps)({ action, data }, platformContextFor(openid));
  return { r, ms: Date.now() - began };
}

const timedOut = {
  ok: false,
  error: { code: 'UNAVAILABLE', reason: 'TIME_BUDGET_EXCEEDED', message: '处理超时，请稍后重试' },
};

test('a quick database changes nothing: the call answers as usual', async () => {
  const { r } = await timed('volunteer', 'signup', { activityId: DEMO_ACTIVITIES.counseling }, 'demo-volunteer');
  expect(r).toEqual({ ok: true, data: { status: 'confirmed' } });
});

test('a read that never comes back is answered UNAVAILABLE at the deadline, and logged with its reason', async () => {
  slow.stall('get', 3000);
  const { r, ms } = await timed('account', 'whoami', {}, 'demo-resident');
  expect(r).toEqual(timedOut);
  expect(ms).toBeGreaterThanOrEqual(BUDGET_MS - 5);
  expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS);
  expect(h.logger.errors.map((e) => e.message)).toEqual(['account unavailable: TIME_BUDGET_EXCEEDED']);
});

test('the budget is for the whole call: many slow answers add up to it', async () => {
  // Each answer well inside the budget; a signup waits for two of them in sequence (the caller
  // with the seat's reads, then the seat transaction's writes issued together): more than the budget in all.
  slow.delayMs = 120;
  const { r, ms } = await timed('volunteer', 'signup', { activityId: DEMO_ACTIVITIES.counseling }, 'demo-volunteer');
  expect(r).toEqual(timedOut);
  expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS);
});

test('a write stalled inside a transaction: the call answers at the deadline, the transaction is rolled back', async () => {
  const before = h.snapshot();
  slow.stall('insert', 1500, true);
  const { r, ms } = await timed('volunteer', 'signup', { activityId: DEMO_ACTIVITIES.counseling }, 'demo-volunteer');
  expect(r).toEqual(timedOut);
  expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS);
  await slow.drain();
  // The insert had been carried out inside the transaction; the rollback took it back.
  expect(h.snapshot()).toEqual(before);
  // No lock is left behind: the retry goes through.
  const again = await timed('volunteer', 'signup', { activityId: DEMO_ACTIVITIES.counseling }, 'demo-volunteer');
  expect(again.r).toEqual({ ok: true, data: { status: 'confirmed' } });
});

test('each call has its own deadline', async () => {
  deps = { ...deps, budget: new TimeBudget(1000) };
  slow.stall('get', 3000);
  const first = timed('account', 'whoami', {}, 'demo-resident');
  await new Promise((r) => setTimeout(r, 600));
  // Started 600 ms later with a read 700 ms late: past the first call's deadline, inside its own.
  slow.stall('get', 700);
  const second = await timed('account', 'whoami', {}, 'demo-volunteer');
  expect((await first).r).toEqual(timedOut);
  expect(second.r.ok).toBe(true);
});

test('a content check that hangs ends at the deadline too', async () => {
  const hanging: ContentCheck = { check: () => new Promise(() => undefined) };
  deps = { ...deps, contentCheck: budgetedContentCheck(hanging) };
  const { r, ms } = await timed('volunteer', 'register', { realName: '陈玉珍', phone: '13907160006' }, 'demo-resident');
  expect(r).toEqual(timedOut);
  expect(ms).toBeLessThan(BUDGET_MS + SLACK_MS);
});

test('without a budget (the local gateway) a slow store is simply waited for', async () => {
  deps = { ...deps, budget: undefined };
  slow.stall('get', BUDGET_MS + 100);
  const { r, ms } = await timed('account', 'whoami', {}, 'demo-resident');
  expect(r.ok).toBe(true);
  expect(ms).toBeGreaterThanOrEqual(BUDGET_MS + 95);
});
