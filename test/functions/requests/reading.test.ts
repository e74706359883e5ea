import type { RequestSummary } from '../../../cloudfunctions/core/app/requests/request';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { useRequestsHarness } from './support';

const x = useRequestsHarness();
const { submit, must, accepted, get, refuses } = x;

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
    for (const secret of ['陈玉珍', '13907160006', '139****0006', '"602"', x.h.userId('demo-resident'), '晚上更严重'])
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
    expect(await x.h.store.count('audit', { action: 'requests.revealPhone' })).toBe(0);
    const revealed = await must<{ phone: string }>('revealPhone', { requestId }, 'demo-property');
    expect(revealed.phone).toBe('13907160006');
    const entries = await x.h.store.find('audit', { action: 'requests.revealPhone', targetId: requestId });
    expect(entries).toEqual([expect.objectContaining({ actorId: x.h.userId('demo-property') })]);
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
    x.h.clock.advance(1000);
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
    x.h.clock.advance(31 * 24 * 3_600_000);
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
