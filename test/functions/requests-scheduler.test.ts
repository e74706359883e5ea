import { requestsTick } from '../../cloudfunctions/core/app/requests/scheduler';
import type { RequestView } from '../../cloudfunctions/core/app/requests/views';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const H = 3_600_000;

async function must<T = RequestView>(action: string, data: Record<string, unknown>, openid: string): Promise<T> {
  const r = await h.call<T>('requests', action, data, openid);
  if (!r.ok) throw new Error(`${action}: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** An emergency request (2 h) accepted at once with the property firm leading. */
async function emergency(): Promise<string> {
  const { requestId } = await must<{ requestId: string }>(
    'submit',
    { category: 'safety', title: '燃气管道漏气', description: '4栋楼下闻到燃气味', compoundId: DEMO.compound1 },
    'demo-resident',
  );
  await must('accept', { requestId, leadParty: 'property', tier: 'emergency' }, 'demo-rc');
  return requestId;
}

const escalations = (requestId: string) =>
  h.store.find<{ _id: string; userId: string }>('outbox', {
    template: 'request_escalated',
    _id: { $gte: `rq:${requestId}:`, $lt: `rq:${requestId};` },
  });

describe('escalation with a fixed clock', () => {
  test('due → overdue → escalated once, notified once', async () => {
    const requestId = await emergency();
    // Due: not yet overdue, nothing happens.
    h.clock.advance(2 * H - 60_000);
    expect(await requestsTick(h.deps)).toBe(0);
    let view = await must('get', { requestId }, 'demo-resident');
    expect([view.overdue, view.escalated]).toEqual([false, false]);

    // Overdue: shown as such, then escalated by the next tick.
    h.clock.advance(2 * 60_000);
    view = await must('get', { requestId }, 'demo-resident');
    expect([view.overdue, view.escalated]).toEqual([true, false]);
    expect(await requestsTick(h.deps)).toBe(1);
    view = await must('get', { requestId }, 'demo-property');
    expect([view.overdue, view.escalated]).toEqual([true, true]);
    expect(view.timeline.at(-1)).toMatchObject({ action: 'escalate', party: 'system', actorName: '系统' });

    // Notified once: the party organisation and the lead party.
    const sent = await escalations(requestId);
    expect(sent.map((n) => n.userId).sort()).toEqual([h.userId('demo-party'), h.userId('demo-property')].sort());

    // Later ticks change nothing and send nothing more.
    for (let i = 0; i < 3; i++) {
      h.clock.advance(10 * 60_000);
      expect(await requestsTick(h.deps)).toBe(0);
    }
    expect(await escalations(requestId)).toHaveLength(2);
    expect((await must('get', { requestId }, 'demo-property')).timeline.filter((e) => e.action === 'escalate')).toHaveLength(1);

    // The party organisation's inbox now shows it.
    const po = await must<{ items: Array<{ requestId: string; inboxRole: string }> }>('list', { scope: 'inbox' }, 'demo-party');
    expect(po.items.find((i) => i.requestId === requestId)?.inboxRole).toBe('supervision');
  });

  test('concurrent ticks escalate once', async () => {
    const requestId = await emergency();
    h.clock.advance(3 * H);
    const counts = await Promise.all([requestsTick(h.deps), requestsTick(h.deps), requestsTick(h.deps)]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await escalations(requestId)).toHaveLength(2);
  });

  test('a request resolved in time is never escalated', async () => {
    const requestId = await emergency();
    await must('update', { requestId, status: 'in_progress', note: '已关闭燃气总阀' }, 'demo-property');
    await must('update', { requestId, status: 'resolved', note: '已更换管道接头' }, 'demo-property');
    h.clock.advance(5 * H);
    await requestsTick(h.deps);
    expect(await escalations(requestId)).toHaveLength(0);
  });

  test('an unaccepted request past due is escalated to party_org and the residents committee', async () => {
    const { requestId } = await must<{ requestId: string }>(
      'submit',
      { category: 'facilities', title: '单元门禁坏了', description: '门禁无法关闭', compoundId: DEMO.compound1 },
      'demo-resident',
    );
    h.clock.advance(25 * H);
    await tick(h.deps);
    const sent = await escalations(requestId);
    expect(sent.map((n) => n.userId).sort()).toEqual([h.userId('demo-party'), h.userId('demo-rc')].sort());
  });

  test('a reopened request gets a new time limit and may be escalated again in its new round', async () => {
    const requestId = await emergency();
    h.clock.advance(3 * H);
    await requestsTick(h.deps);
    await must('update', { requestId, status: 'in_progress', note: '处理中' }, 'demo-property');
    await must('update', { requestId, status: 'resolved', note: '已修复' }, 'demo-property');
    await must('rate', { requestId, score: 1, solved: false, comment: '还是有味道' }, 'demo-resident');
    const reopened = await must('get', { requestId }, 'demo-resident');
    expect([reopened.escalated, reopened.dueAt]).toEqual([false, new Date(h.clock.now().getTime() + 2 * H).toISOString()]);
    h.clock.advance(3 * H);
    expect(await requestsTick(h.deps)).toBe(1);
    expect(await escalations(requestId)).toHaveLength(4);
  });
});

describe('auto-close without feedback', () => {
  test('closes a resolved request after 7 days unrated, counted as no feedback, once', async () => {
    const requestId = await emergency();
    await must('update', { requestId, status: 'in_progress', note: '处理中' }, 'demo-property');
    await must('update', { requestId, status: 'resolved', note: '已修复' }, 'demo-property');
    h.clock.advance(7 * 24 * H - 60_000);
    await requestsTick(h.deps);
    expect((await must('get', { requestId }, 'demo-resident')).status).toBe('resolved');
    h.clock.advance(2 * 60_000);
    await requestsTick(h.deps);
    const view = await must('get', { requestId }, 'demo-resident');
    expect(view).toMatchObject({ status: 'closed', feedback: 'no_feedback', rating: null });
    expect(await requestsTick(h.deps)).toBe(0);
    expect(view.timeline.filter((e) => e.action === 'autoClose')).toHaveLength(1);
    const r = await h.call('requests', 'rate', { requestId, score: 5, solved: true }, 'demo-resident');
    expect(!r.ok && r.error.code).toBe('INVALID_STATE');
  });

  test('does not close a request the resident rated', async () => {
    const requestId = await emergency();
    await must('update', { requestId, status: 'in_progress', note: '处理中' }, 'demo-property');
    await must('update', { requestId, status: 'resolved', note: '已修复' }, 'demo-property');
    await must('rate', { requestId, score: 4, solved: true }, 'demo-resident');
    h.clock.advance(8 * 24 * H);
    await requestsTick(h.deps);
    expect((await must('get', { requestId }, 'demo-resident')).feedback).toBe('rated');
  });
});
