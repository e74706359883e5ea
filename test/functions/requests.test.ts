import type { RequestView } from '../../cloudfunctions/core/app/requests/views';
import type { RequestSummary } from '../../cloudfunctions/core/app/requests/request';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const REQUEST = {
  category: 'environment',
  title: '6栋楼道堆放杂物',
  description: '6栋一单元楼道长期堆放纸箱和旧家具，堵住了消防通道。',
  compoundId: DEMO.compound1,
};

async function submit(patch: Record<string, unknown> = {}, openid = 'demo-resident'): Promise<string> {
  const r = await h.call<{ requestId: string }>('requests', 'submit', { ...REQUEST, ...patch }, openid);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data.requestId;
}

async function must<T = RequestView>(action: string, data: Record<string, unknown>, openid: string): Promise<T> {
  const r = await h.call<T>('requests', action, data, openid);
  if (!r.ok) throw new Error(`${action} as ${openid}: ${JSON.stringify(r.error)}`);
  return r.data;
}

async function accepted(patch: Record<string, unknown> = {}, accept: Record<string, unknown> = {}): Promise<string> {
  const requestId = await submit(patch);
  await must('accept', { requestId, leadParty: 'property', coHandlers: ['owners_committee'], ...accept }, 'demo-rc');
  return requestId;
}

async function resolved(patch: Record<string, unknown> = {}): Promise<string> {
  const requestId = await accepted(patch);
  await must('update', { requestId, status: 'in_progress', note: '已安排人员' }, 'demo-property');
  await must('update', { requestId, status: 'resolved', note: '已清理完毕' }, 'demo-property');
  return requestId;
}

const get = (requestId: string, openid = 'demo-resident') => must('get', { requestId }, openid);

/** Asserts the call fails with `code` (and `reason`) and changes nothing in the database. */
async function refuses(action: string, data: Record<string, unknown>, openid: string | null, code: string, reason?: string) {
  const before = h.snapshot();
  const r = await h.call('requests', action, data, openid);
  expect(r.ok ? 'ok' : r.error.code).toBe(code);
  if (reason && !r.ok) expect(r.error.reason).toBe(reason);
  expect(h.snapshot()).toEqual(before);
  return r;
}

describe('requests.submit', () => {
  test('files a request with the default time limit of its category', async () => {
    const r = await h.call<{ requestId: string; status: string; dueAt: string; tier: string }>(
      'requests',
      'submit',
      REQUEST,
      'demo-resident',
    );
    expect(r.ok && r.data).toMatchObject({ status: 'submitted', tier: 'general', dueAt: '2026-11-27T01:00:00.000Z' });
    const view = await get(r.ok ? r.data.requestId : '');
    expect(view.timeline).toEqual([expect.objectContaining({ action: 'submit', to: 'submitted', party: 'resident' })]);
  });

  test('keeps up to 9 photos of either storage', async () => {
    const photos = [...Array.from({ length: 8 }, (_, i) => `cloud://env-1.abc/requests/p${i}.jpg`), 'local://uploads/Ab3_-xyz12345.jpg'];
    const view = await get(await submit({ photos }));
    expect(view.photos).toEqual(photos);
  });

  test('answers the first result to a retry with the same clientToken', async () => {
    const a = await h.call('requests', 'submit', { ...REQUEST, clientToken: 'tok-12345678' }, 'demo-resident');
    const b = await h.call('requests', 'submit', { ...REQUEST, clientToken: 'tok-12345678' }, 'demo-resident');
    expect(b).toEqual(a);
    expect(await h.store.count('requests', { submitterId: h.userId('demo-resident'), title: REQUEST.title })).toBe(1);
  });

  test.each([
    ['an empty description', { description: '' }, 'description'],
    ['a 5,000-character description', { description: '很'.repeat(5000) }, 'description'],
    ['10 photos', { photos: Array.from({ length: 10 }, (_, i) => `cloud://env/p${i}.jpg`) }, 'photos'],
    ['a photo that is a web address', { photos: ['https://evil.example/x.jpg'] }, 'photos'],
    ['an unknown category', { category: 'fireworks' }, 'category'],
    ['a missing title', { title: undefined }, 'title'],
    ['an unknown field', { phone: '13800000000' }, ''],
  ])('rejects %s with INVALID_INPUT, storing nothing', async (_name, patch, field) => {
    const r = await refuses('submit', { ...REQUEST, ...patch }, 'demo-resident', 'INVALID_INPUT');
    if (!r.ok && field) expect(r.error.issues?.some((i) => i.path[0] === field)).toBe(true);
  });

  test('refuses text the content check rejects with CONTENT_REJECTED, storing nothing', async () => {
    await refuses('submit', { ...REQUEST, description: '楼下有人聚众赌博' }, 'demo-resident', 'CONTENT_REJECTED');
  });

  test('refuses residents of another compound', async () => {
    await refuses('submit', { ...REQUEST, compoundId: DEMO.compound2 }, 'demo-resident', 'FORBIDDEN', 'NOT_RESIDENT_OF_COMPOUND');
  });

  test('refuses staff who are not residents, pending accounts and strangers', async () => {
    await refuses('submit', REQUEST, 'demo-property', 'FORBIDDEN');
    await refuses('submit', REQUEST, 'demo-pending', 'FORBIDDEN', 'ACCOUNT_NOT_ACTIVE');
    await refuses('submit', REQUEST, 'stranger', 'FORBIDDEN', 'NOT_REGISTERED');
    await refuses('submit', REQUEST, null, 'UNAUTHENTICATED');
  });
});

describe('routing (首接负责)', () => {
  test('residents-committee staff accept with a lead party and co-handlers, and each party’s inbox shows it', async () => {
    const requestId = await submit();
    const view = await must(
      'accept',
      { requestId, leadParty: 'property', coHandlers: ['owners_committee'], tier: 'utilities', note: '请物业牵头' },
      'demo-rc',
    );
    expect(view).toMatchObject({
      status: 'assigned',
      leadParty: 'property',
      coHandlers: ['owners_committee'],
      tier: 'utilities',
      dueAt: '2026-11-21T01:00:00.000Z',
    });
    const pf = await must<{ items: Array<RequestSummary & { inboxRole: string }> }>('list', { scope: 'inbox' }, 'demo-property');
    expect(pf.items.find((i) => i.requestId === requestId)?.inboxRole).toBe('lead');
    const oc = await must<{ items: Array<RequestSummary & { inboxRole: string }> }>('list', { scope: 'inbox' }, 'demo-oc');
    expect(oc.items.find((i) => i.requestId === requestId)?.inboxRole).toBe('co_handler');
    const rc = await must<{ items: RequestSummary[] }>('list', { scope: 'inbox' }, 'demo-rc');
    expect(rc.items.map((i) => i.requestId)).not.toContain(requestId);
  });

  test('notifies the submitter and the handling parties on acceptance', async () => {
    const requestId = await accepted();
    const outbox = await h.store.find<{ _id: string; userId: string; template: string }>('outbox', {});
    const mine = outbox.filter((o) => o._id.startsWith(`rq:${requestId}:`));
    expect(mine.map((o) => [o.userId, o.template]).sort()).toEqual(
      [
        [h.userId('demo-resident'), 'request_status'],
        [h.userId('demo-property'), 'request_assigned'],
        [h.userId('demo-oc'), 'request_assigned'],
        [h.userId('demo-oc2'), 'request_assigned'],
      ].sort(),
    );
  });

  test('the residents committee inbox shows what waits for acceptance, overdue first', async () => {
    const first = await submit({ category: 'environment' });
    h.clock.advance(60_000);
    const urgent = await submit({ category: 'facilities' });
    const r = await must<{ items: RequestSummary[] }>('list', { scope: 'inbox' }, 'demo-rc');
    const ids = r.items.map((i) => i.requestId);
    expect(ids.indexOf(urgent)).toBeLessThan(ids.indexOf(first));
    const dues = r.items.map((i) => i.dueAt);
    expect(dues).toEqual([...dues].sort());
    // The seeded escalated request is overdue and leads the property firm's inbox.
    const pf = await must<{ items: RequestSummary[] }>('list', { scope: 'inbox' }, 'demo-property');
    expect(pf.items[0]).toMatchObject({ requestId: 'rq_demo_lift', overdue: true, escalated: true });
  });

  test('requests nobody else can take stay with the residents committee (兜底)', async () => {
    const requestId = await submit();
    await must('accept', { requestId, leadParty: 'residents_committee' }, 'demo-rc');
    const rc = await must<{ items: Array<RequestSummary & { inboxRole: string }> }>('list', { scope: 'inbox' }, 'demo-rc');
    expect(rc.items.find((i) => i.requestId === requestId)?.inboxRole).toBe('lead');
    const view = await must('update', { requestId, status: 'in_progress', note: '居委会上门调解' }, 'demo-rc');
    expect(view.status).toBe('in_progress');
  });

  test.each([
    ['a lead party that is also a co-handler', { leadParty: 'property', coHandlers: ['property'] }, 'INVALID_INPUT'],
    ['an unknown party', { leadParty: 'police' }, 'INVALID_INPUT'],
    ['an unknown tier', { leadParty: 'property', tier: 'whenever' }, 'INVALID_INPUT'],
  ])('rejects %s', async (_name, patch, code) => {
    const requestId = await submit();
    await refuses('accept', { requestId, ...patch }, 'demo-rc', code);
  });

  test.each(['demo-resident', 'demo-property', 'demo-oc', 'demo-party'])('forbids %s from accepting', async (openid) => {
    const requestId = await submit();
    await refuses('accept', { requestId, leadParty: 'property' }, openid, 'FORBIDDEN');
  });

  test('forbids staff of another community from acting on the request', async () => {
    const requestId = await submit();
    const other = await h.store.get<Record<string, unknown> & { _id: string }>('users', h.userId('demo-rc'));
    await h.store.insert('users', {
      ...other,
      _id: h.userId('other-rc'),
      openid: 'other-rc',
      communityId: 'cm_other',
      compoundId: 'cp_other',
    });
    await refuses('accept', { requestId, leadParty: 'property' }, 'other-rc', 'FORBIDDEN');
    await refuses('reject', { requestId, reason: '不归我管' }, 'other-rc', 'FORBIDDEN');
    await refuses('get', { requestId }, 'other-rc', 'NOT_FOUND');
  });

  test('answers NOT_FOUND for an unknown request', async () => {
    await refuses('accept', { requestId: 'rq_nope', leadParty: 'property' }, 'demo-rc', 'NOT_FOUND');
  });

  test('refuses to accept twice with INVALID_STATE', async () => {
    const requestId = await accepted();
    await refuses('accept', { requestId, leadParty: 'owners_committee' }, 'demo-rc', 'INVALID_STATE');
  });

  test('lets only one of two concurrent acceptances through', async () => {
    const requestId = await submit();
    const results = await Promise.all([
      h.call('requests', 'accept', { requestId, leadParty: 'property' }, 'demo-rc'),
      h.call('requests', 'accept', { requestId, leadParty: 'owners_committee' }, 'demo-rc'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'INVALID_STATE')).toHaveLength(1);
    expect((await get(requestId)).timeline.filter((e) => e.action === 'accept')).toHaveLength(1);
  });
});

describe('reject and withdraw', () => {
  test('rejection needs a reason and is shown to the submitter', async () => {
    const requestId = await submit();
    await refuses('reject', { requestId, reason: '' }, 'demo-rc', 'INVALID_INPUT');
    const view = await must('reject', { requestId, reason: '属于市政管理范围，请拨打 12345' }, 'demo-rc');
    expect(view.status).toBe('rejected');
    expect((await get(requestId)).timeline.at(-1)).toMatchObject({
      action: 'reject',
      note: '属于市政管理范围，请拨打 12345',
      party: 'residents_committee',
    });
  });

  test('the submitter may withdraw before assignment only', async () => {
    const requestId = await submit();
    await refuses('withdraw', { requestId }, 'demo-volunteer', 'FORBIDDEN');
    expect((await must('withdraw', { requestId }, 'demo-resident')).status).toBe('withdrawn');
    const assigned = await accepted();
    await refuses('withdraw', { requestId: assigned }, 'demo-resident', 'INVALID_STATE', 'WRONG_STATUS');
  });
});

describe('requests.update', () => {
  test('a resident cannot update the status', async () => {
    const requestId = await accepted();
    await refuses('update', { requestId, status: 'resolved', note: '我自己修好了' }, 'demo-resident', 'FORBIDDEN');
  });

  test('a co-handler cannot update the status', async () => {
    const requestId = await accepted();
    await refuses('update', { requestId, status: 'in_progress', note: '业委会在跟进' }, 'demo-oc', 'FORBIDDEN');
  });

  test('property staff of another firm cannot update it', async () => {
    const requestId = await accepted();
    await refuses('update', { requestId, status: 'in_progress', note: '收到' }, 'demo-property2', 'FORBIDDEN');
  });

  test('resolution requires a note', async () => {
    const requestId = await accepted();
    await must('update', { requestId, status: 'in_progress', note: '已派人' }, 'demo-property');
    await refuses('update', { requestId, status: 'resolved', note: '  ' }, 'demo-property', 'INVALID_INPUT');
    await refuses('update', { requestId, status: 'resolved' }, 'demo-property', 'INVALID_INPUT');
  });

  test('cannot resolve before work has started', async () => {
    const requestId = await accepted();
    await refuses('update', { requestId, status: 'resolved', note: '好了' }, 'demo-property', 'INVALID_STATE');
  });

  test('records progress notes with photos on the timeline', async () => {
    const requestId = await accepted();
    await must('update', { requestId, status: 'in_progress', note: '已派人' }, 'demo-property');
    await must('update', { requestId, status: 'in_progress', note: '清理了一半', photos: ['cloud://env/a.jpg'] }, 'demo-property');
    const view = await get(requestId);
    expect(view.timeline.slice(-2).map((e) => [e.action, e.note, e.photos.length, e.actorName, e.party])).toEqual([
      ['start', '已派人', 0, '刘德胜', 'property'],
      ['progress', '清理了一半', 1, '刘德胜', 'property'],
    ]);
  });

  test('refuses a progress note the content check rejects, storing nothing', async () => {
    const requestId = await accepted();
    await refuses('update', { requestId, status: 'in_progress', note: '代开发票请联系' }, 'demo-property', 'CONTENT_REJECTED');
  });
});

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
    expect(await h.store.count('outbox', { userId: h.userId('demo-property'), template: 'request_reopened' })).toBe(1);
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
      h.call('requests', 'rate', { requestId, score: 5, solved: true }, 'demo-resident'),
      h.call('requests', 'rate', { requestId, score: 1, solved: true }, 'demo-resident'),
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
    h.clock.advance(6 * 24 * 3_600_000);
    expect((await must('reopen', { requestId, reason: '杂物又堆回来了' }, 'demo-resident')).status).toBe('reopened');
  });

  test('refuses reopening after the window', async () => {
    const requestId = await resolved();
    h.clock.advance(7 * 24 * 3_600_000 + 60_000);
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
    expect(await h.store.count('outbox', { userId: h.userId('demo-party'), template: 'request_objection' })).toBe(1);
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
    expect(await h.store.count('audit', { action: 'requests.decide', targetId: requestId })).toBe(1);
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

describe('visibility and personal data', () => {
  test('the public board shows public requests without name, phone or room', async () => {
    const requestId = await submit({ isPublic: true });
    await must('comment', { requestId, note: '补充：晚上更严重' }, 'demo-resident');
    const board = await must<{ items: RequestSummary[] }>('list', { scope: 'public', compoundId: DEMO.compound1 }, 'demo-volunteer');
    expect(board.items.map((i) => i.requestId)).toContain(requestId);
    const view = await must('get', { requestId }, 'demo-volunteer');
    expect(view.viewer.visibility).toBe('public');
    expect(view.submitter).toBeNull();
    const text = JSON.stringify([board, view]);
    for (const secret of ['陈玉珍', '13907160006', '139****0006', '"602"', h.userId('demo-resident'), '晚上更严重'])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"(room|building|phone\w*|name)":/);
  });

  test('the board and public views of the seeded data carry no personal data', async () => {
    const names = ['陈玉珍', '赵志远', '郑桂英', '冯国庆', '孙立新'];
    for (const compoundId of [DEMO.compound1, DEMO.compound2]) {
      const board = await must<{ items: RequestSummary[] }>('list', { scope: 'public', compoundId }, 'stranger');
      expect(board.items.length).toBeGreaterThan(0);
      for (const item of board.items) {
        const view = await must('get', { requestId: item.requestId }, 'stranger');
        const text = JSON.stringify([item, view]);
        for (const n of names) expect(text).not.toContain(n);
        expect(text).not.toMatch(/1[3-9]\d{9}|\d{3}\*{4}\d{4}|"room"|"building"/);
      }
    }
  });

  test('a private request is invisible to other residents', async () => {
    const requestId = await submit();
    await refuses('get', { requestId }, 'demo-volunteer', 'NOT_FOUND');
  });

  test('property staff see the phone masked, and the full number only through an audited reveal', async () => {
    const requestId = await accepted();
    const view = await get(requestId, 'demo-property');
    expect(view.submitter).toEqual({ name: '陈玉珍', building: '6栋', room: '602', phoneMasked: '139****0006' });
    expect(JSON.stringify(view)).not.toContain('13907160006');
    const inbox = await must<{ items: RequestSummary[] }>('list', { scope: 'inbox' }, 'demo-property');
    expect(JSON.stringify(inbox)).not.toContain('13907160006');
    expect(await h.store.count('audit', { action: 'requests.revealPhone' })).toBe(0);
    const revealed = await must<{ phone: string }>('revealPhone', { requestId }, 'demo-property');
    expect(revealed.phone).toBe('13907160006');
    const entries = await h.store.find('audit', { action: 'requests.revealPhone', targetId: requestId });
    expect(entries).toEqual([expect.objectContaining({ actorId: h.userId('demo-property') })]);
  });

  test('staff of another firm and other residents cannot reveal the phone', async () => {
    const requestId = await accepted();
    await refuses('revealPhone', { requestId }, 'demo-property2', 'FORBIDDEN');
    await refuses('revealPhone', { requestId }, 'demo-volunteer', 'FORBIDDEN');
  });
});

describe('lists', () => {
  test('mine lists my requests newest first with status and due time', async () => {
    const a = await submit();
    h.clock.advance(1000);
    const b = await submit({ title: '第二条' });
    const r = await must<{ items: RequestSummary[]; nextCursor: string | null }>('list', { scope: 'mine', limit: 2 }, 'demo-resident');
    expect(r.items.map((i) => i.requestId)).toEqual([b, a]);
    expect(r.items[0]).toMatchObject({ status: 'submitted', dueAt: expect.any(String) });
    expect(r.nextCursor).not.toBeNull();
    const next = await must<{ items: RequestSummary[] }>('list', { scope: 'mine', limit: 2, cursor: r.nextCursor }, 'demo-resident');
    expect(next.items.map((i) => i.requestId)).not.toContain(a);
  });

  test('a resident has no inbox', async () => {
    await refuses('list', { scope: 'inbox' }, 'demo-resident', 'FORBIDDEN', 'NO_INBOX');
  });

  test('the owners committee sees the seeded major matter waiting for its position', async () => {
    const r = await must<{ items: Array<RequestSummary & { inboxRole: string }> }>('list', { scope: 'inbox' }, 'demo-oc');
    expect(r.items.find((i) => i.requestId === 'rq_demo_wall')?.major).toBe(true);
  });

  test.each([
    ['scope', { scope: 'everything' }],
    ['limit', { scope: 'mine', limit: 101 }],
    ['status', { scope: 'mine', status: 'done' }],
  ])('rejects a bad %s', async (_f, data) => {
    await refuses('list', data, 'demo-resident', 'INVALID_INPUT');
  });
});

describe('duplicates', () => {
  test('shows open public requests of the same compound and category from the last 30 days', async () => {
    const open = await submit({ isPublic: true });
    await submit({ isPublic: false, title: '私下的' });
    const r = await must<{ items: RequestSummary[] }>('similar', { compoundId: DEMO.compound1, category: 'environment' }, 'demo-volunteer');
    expect(r.items.map((i) => i.requestId)).toContain(open);
    expect(r.items.every((i) => i.category === 'environment' && i.isPublic)).toBe(true);
    h.clock.advance(31 * 24 * 3_600_000);
    const later = await must<{ items: RequestSummary[] }>(
      'similar',
      { compoundId: DEMO.compound1, category: 'environment' },
      'demo-volunteer',
    );
    expect(later.items.map((i) => i.requestId)).not.toContain(open);
  });

  test('following a request instead counts once per resident', async () => {
    const requestId = await submit({ isPublic: true });
    expect(await must<{ followers: number }>('follow', { requestId }, 'demo-volunteer')).toMatchObject({ following: true, followers: 1 });
    await refuses('follow', { requestId }, 'demo-volunteer', 'CONFLICT', 'ALREADY_FOLLOWING');
    expect((await get(requestId, 'demo-volunteer')).viewer.following).toBe(true);
    await refuses('follow', { requestId }, 'demo-resident2', 'FORBIDDEN');
  });
});
