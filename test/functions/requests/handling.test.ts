import type { RequestSummary } from '../../../cloudfunctions/core/app/requests/request';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { useRequestsHarness } from './support';

const x = useRequestsHarness();
const { REQUEST, submit, must, accepted, get, refuses } = x;

describe('requests.submit', () => {
  test('files a request with the default time limit of its category', async () => {
    const r = await x.h.call<{ requestId: string; status: string; dueAt: string; tier: string }>(
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
    const a = await x.h.call('requests', 'submit', { ...REQUEST, clientToken: 'tok-12345678' }, 'demo-resident');
    const b = await x.h.call('requests', 'submit', { ...REQUEST, clientToken: 'tok-12345678' }, 'demo-resident');
    expect(b).toEqual(a);
    expect(await x.h.store.count('requests', { submitterId: x.h.userId('demo-resident'), title: REQUEST.title })).toBe(1);
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
    const outbox = await x.h.store.find<{ _id: string; userId: string; template: string }>('outbox', {});
    const mine = outbox.filter((o) => o._id.startsWith(`rq:${requestId}:`));
    expect(mine.map((o) => [o.userId, o.template]).sort()).toEqual(
      [
        [x.h.userId('demo-resident'), 'request_status'],
        [x.h.userId('demo-property'), 'request_assigned'],
        [x.h.userId('demo-oc'), 'request_assigned'],
        [x.h.userId('demo-oc2'), 'request_assigned'],
      ].sort(),
    );
  });

  test('the residents committee inbox shows what waits for acceptance, overdue first', async () => {
    const first = await submit({ category: 'environment' });
    x.h.clock.advance(60_000);
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
    const other = await x.h.store.get<Record<string, unknown> & { _id: string }>('users', x.h.userId('demo-rc'));
    await x.h.store.insert('users', {
      ...other,
      _id: x.h.userId('other-rc'),
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
      x.h.call('requests', 'accept', { requestId, leadParty: 'property' }, 'demo-rc'),
      x.h.call('requests', 'accept', { requestId, leadParty: 'owners_committee' }, 'demo-rc'),
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
