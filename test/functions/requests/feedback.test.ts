import type { RequestSummary } from '../../../cloudfunctions/core/app/requests/request';
import { useRequestsHarness } from './support';

const x = useRequestsHarness();
const { must, accepted, resolved, get, refuses } = x;

describe('feedback', () => {
  test('rating solved closes the request', async () => {
    const requestId = await resolved();
    const view = await must('rate', { requestId, score: 5, solved: true, comment: '很满意' }, 'demo-resident');
    expect(view).toMatchObject({ status: 'closed', feedback: 'rated', rating: { score: 5, solved: true, comment: '很满意' } });
  });

  test('rating not solved reopens it and tells the lead party', async () => {
    const requestId = await resolved();
    const view = await must('rate', { requestId, score: 2, solved: false }, 'demo-resident');
    expect(view).toMatchObject({ status: 'reopened', reopenCount: 1 });
    expect(await x.h.store.count('outbox', { userId: x.h.userId('demo-property'), template: 'request_reopened' })).toBe(1);
  });

  test('refuses rating someone else’s request', async () => {
    const requestId = await resolved();
    await refuses('rate', { requestId, score: 5, solved: true }, 'demo-volunteer', 'FORBIDDEN');
    await refuses('rate', { requestId, score: 5, solved: true }, 'demo-property', 'FORBIDDEN');
  });

  test('refuses rating twice with CONFLICT', async () => {
    const requestId = await resolved();
    await must('rate', { requestId, score: 4, solved: true }, 'demo-resident');
    await refuses('rate', { requestId, score: 1, solved: false }, 'demo-resident', 'CONFLICT', 'ALREADY_RATED');
  });

  test('of two concurrent ratings only one is recorded', async () => {
    const requestId = await resolved();
    const results = await Promise.all([
      x.h.call('requests', 'rate', { requestId, score: 5, solved: true }, 'demo-resident'),
      x.h.call('requests', 'rate', { requestId, score: 1, solved: true }, 'demo-resident'),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect((await get(requestId)).timeline.filter((e) => e.action === 'rate')).toHaveLength(1);
  });

  test('refuses a comment the content check rejects, storing nothing', async () => {
    const requestId = await resolved();
    await refuses('comment', { requestId, note: '这里有人赌博' }, 'demo-resident', 'CONTENT_REJECTED');
    await refuses('rate', { requestId, score: 1, solved: false, comment: '赌博' }, 'demo-resident', 'CONTENT_REJECTED');
  });

  test.each([0, 6, 3.5, '5'])('rejects score %p with INVALID_INPUT', async (score) => {
    const requestId = await resolved();
    await refuses('rate', { requestId, score, solved: true }, 'demo-resident', 'INVALID_INPUT');
  });

  test('refuses rating before resolution with INVALID_STATE', async () => {
    const requestId = await accepted();
    await refuses('rate', { requestId, score: 5, solved: true }, 'demo-resident', 'INVALID_STATE');
  });

  test('reopens within the window', async () => {
    const requestId = await resolved();
    x.h.clock.advance(6 * 24 * 3_600_000);
    expect((await must('reopen', { requestId, reason: '杂物又堆回来了' }, 'demo-resident')).status).toBe('reopened');
  });

  test('refuses reopening after the window', async () => {
    const requestId = await resolved();
    x.h.clock.advance(7 * 24 * 3_600_000 + 60_000);
    await refuses('reopen', { requestId, reason: '杂物又堆回来了' }, 'demo-resident', 'INVALID_STATE', 'REOPEN_WINDOW_PASSED');
  });

  test('shows the reopen deadline while resolved', async () => {
    const view = await get(await resolved());
    expect(view.reopenDeadline).toBe('2026-11-27T01:00:00.000Z');
    expect(view.viewer.can).toEqual(['rate', 'reopen', 'comment']);
  });
});

describe('major matters', () => {
  async function major(): Promise<string> {
    return accepted({ category: 'facilities', title: '更换小区路灯' }, { major: true, coHandlers: [] });
  }

  test('work may start once all three parties answered without objection', async () => {
    const requestId = await major();
    await refuses('update', { requestId, status: 'in_progress', note: '开工' }, 'demo-property', 'INVALID_STATE', 'MAJOR_NOT_CLEARED');
    await must('deliberate', { requestId, position: 'agree', opinion: '同意' }, 'demo-rc');
    await must('deliberate', { requestId, position: 'abstain', opinion: '由业主决定' }, 'demo-oc');
    const view = await must('deliberate', { requestId, position: 'agree', opinion: '可以施工' }, 'demo-property');
    expect(view.majorStage).toBe('cleared');
    expect((await must('update', { requestId, status: 'in_progress', note: '开工' }, 'demo-property')).status).toBe('in_progress');
  });

  test('an objection goes to party_org, whose recorded outcome unblocks it', async () => {
    const requestId = await major();
    const objected = await must('deliberate', { requestId, position: 'object', opinion: '费用过高，多数业主不同意' }, 'demo-oc');
    expect(objected.majorStage).toBe('objected');
    expect(await x.h.store.count('outbox', { userId: x.h.userId('demo-party'), template: 'request_objection' })).toBe(1);
    const po = await must<{ items: RequestSummary[] }>('list', { scope: 'inbox' }, 'demo-party');
    expect(po.items.map((i) => i.requestId)).toContain(requestId);
    await refuses('decide', { requestId, outcome: 'proceed', note: '我说了算' }, 'demo-rc', 'FORBIDDEN');
    const decided = await must('decide', { requestId, outcome: 'proceed', note: '联席会议：分两期实施，先换主干道' }, 'demo-party');
    expect(decided).toMatchObject({ status: 'assigned', majorStage: 'cleared' });
    expect(decided.timeline.at(-1)).toMatchObject({
      action: 'decide',
      party: 'party_org',
      note: '联席会议：分两期实施，先换主干道',
      detail: { outcome: 'proceed' },
    });
    expect(await x.h.store.count('audit', { action: 'requests.decide', targetId: requestId })).toBe(1);
    expect((await must('update', { requestId, status: 'in_progress', note: '开工' }, 'demo-property')).status).toBe('in_progress');
  });

  test('party_org may reject the matter after the joint meeting', async () => {
    const requestId = await major();
    await must('deliberate', { requestId, position: 'object', opinion: '反对' }, 'demo-oc');
    expect((await must('decide', { requestId, outcome: 'reject', note: '联席会议决定暂缓' }, 'demo-party')).status).toBe('rejected');
  });

  test('each party answers once', async () => {
    const requestId = await major();
    await must('deliberate', { requestId, position: 'agree', opinion: '同意' }, 'demo-oc');
    await refuses('deliberate', { requestId, position: 'object', opinion: '又不同意了' }, 'demo-oc2', 'CONFLICT', 'POSITION_RECORDED');
  });

  test('residents cannot deliberate, and opinions pass the content check', async () => {
    const requestId = await major();
    await refuses('deliberate', { requestId, position: 'agree', opinion: '同意' }, 'demo-resident', 'FORBIDDEN');
    await refuses('deliberate', { requestId, position: 'agree', opinion: '同意，顺便说下赌博' }, 'demo-oc', 'CONTENT_REJECTED');
  });
});
