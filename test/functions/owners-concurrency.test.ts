import type { BallotDoc, MotionDoc } from '../../cloudfunctions/core/app/owners/model';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import { makeHarness, type Harness } from '../support/harness';
import { announced, CONVENOR, ownersOf } from '../support/owners';
import { whole } from '../../cloudfunctions/core/ports/store';

const OWNERS = 3000;
const IN_FLIGHT = 200;

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

/** How many messages of one stage of a motion the message centre holds (keys are per stage and person). */
const stageMessages = (motionId: string, stage: string) =>
  h.store.count('outbox', { _id: { $gte: `owners:${motionId}:${stage}:`, $lt: `owners:${motionId}:${stage};` } });

/** Runs the tasks with at most `limit` in flight. */
async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

test(`${OWNERS} owners vote at once, ${IN_FLIGHT} in flight, with retries and second phones: one ballot per owner`, async () => {
  await ownersOf(h, OWNERS, { secondPhoneEvery: 10 });
  const { motionId, opensAt, closesAt } = await announced(h);
  h.clock.set(opensAt);
  await tick(h.deps);
  // Opening told every owner's account (3,000 owners, 300 second phones), each once.
  expect(await stageMessages(motionId, 'opened')).toBe(OWNERS + OWNERS / 10);

  // Each owner's vote is sent twice with the same clientToken (a retry); every tenth owner also
  // votes from the second phone, with another token.
  const choices = ['agree', 'object', 'abstain'] as const;
  const tasks: Array<() => Promise<{ i: number; ok: boolean; code?: string; receipt?: string }>> = [];
  for (let i = 0; i < OWNERS; i++) {
    const data = { motionId, choice: choices[i % 3], clientToken: `tok-${i}-aaaa` };
    const call = async (openid: string, payload: object) => {
      const r = await h.call<{ receipt: string }>('owners', 'vote', payload, openid);
      return r.ok ? { i, ok: true, receipt: r.data.receipt } : { i, ok: false, code: r.error.code };
    };
    tasks.push(
      () => call(`own-${i}`, data),
      () => call(`own-${i}`, data),
    );
    if (i % 10 === 0) tasks.push(() => call(`own-${i}-b`, { ...data, clientToken: `tok-${i}-bbbb` }));
  }
  // Shuffle deterministically so retries and second phones interleave with everything else.
  for (let k = tasks.length - 1; k > 0; k--) {
    const j = (k * 7919) % (k + 1);
    [tasks[k], tasks[j]] = [tasks[j], tasks[k]];
  }
  const started = Date.now();
  const results = await pool(tasks, IN_FLIGHT);
  const ms = Date.now() - started;

  const unexpected = results.filter((r) => !r.ok && r.code !== 'CONFLICT');
  expect(unexpected).toEqual([]);
  // Per owner: every successful answer carries the same receipt (retries answer the first result).
  const receipts = new Map<number, Set<string>>();
  for (const r of results) if (r.ok) (receipts.get(r.i) ?? receipts.set(r.i, new Set()).get(r.i)!).add(r.receipt!);
  expect(receipts.size).toBe(OWNERS);
  expect([...receipts.values()].every((s) => s.size === 1)).toBe(true);

  const ballots = await h.store.count('owner_ballots', { motionId });
  const motion = (await h.store.get<MotionDoc>('owner_motions', motionId))!;
  expect(ballots).toBe(OWNERS);
  expect(motion.seq).toBe(OWNERS);
  expect(motion.turnout.number).toBe(ballots);
  const all = await h.store.find<BallotDoc>('owner_ballots', { motionId }, { limit: whole(1000) });
  expect(new Set(all.map((b) => b.seq)).size).toBe(all.length);

  h.clock.set(closesAt);
  await tick(h.deps);
  const res = await h.call<{ participating: { number: number; area: number }; receipts: string[]; outcome: string }>(
    'owners',
    'result',
    { motionId },
    CONVENOR,
  );
  expect(res.ok && res.data.participating.number).toBe(OWNERS);
  expect(res.ok && res.data.participating.area).toBe(motion.turnout.area);
  expect(res.ok && new Set(res.data.receipts).size).toBe(OWNERS);
  // One third agree: quorate, but far below 3/4.
  expect(res.ok && res.data.outcome).toBe('rejected');
  expect(await stageMessages(motionId, 'result')).toBeGreaterThan(OWNERS + OWNERS / 10);
  console.log(
    `owners concurrency: ${tasks.length} vote calls (${OWNERS} owners), ${IN_FLIGHT} in flight, ${ms} ms, ${Math.round((tasks.length * 1000) / ms)} calls/s`,
  );
}, 240_000);
