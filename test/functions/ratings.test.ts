import type { BoardView, FirmGrade, FirmView, MySheetsView, PeriodView, SheetView } from '../../cloudfunctions/core/app/ratings/views';
import { ratingsTick } from '../../cloudfunctions/core/app/ratings/scheduler';
import type { Page } from '../../cloudfunctions/core/app/schemas';
import { compoundSatisfaction } from '../../cloudfunctions/core/app/requests/stats';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const all = (n: number) => ({ environment: n, greening: n, security: n, facilities: n, repairs: n, fees: n, coGovernance: n });
const sheet = { compoundId: DEMO.compound1, period: '2026-H2', scores: all(4), comment: '整体不错' };

type Sheet = SheetView & { state: string };
const errorOf = (r: { ok: boolean; error?: { code: string; reason?: string } }) =>
  r.ok ? null : { code: r.error?.code, reason: r.error?.reason };

/**
 * The quality score RULES.md §4 gives, worked out here independently of the domain module:
 * 0.4 satisfaction + 0.3 party + 0.3 committee over the components that have data. Owner
 * satisfaction comes from the requests feature's seed, so it is read, not assumed.
 */
async function expectedQuality(compoundId: string, party: number | null, committee: number | null): Promise<number> {
  const s = await compoundSatisfaction(h.deps, compoundId, '2026-07-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00');
  const parts: Array<[number | null, number]> = [
    [s.rated > 0 ? (100 * s.satisfied) / s.rated : null, 0.4],
    [party, 0.3],
    [committee, 0.3],
  ];
  const present = parts.filter(([v]) => v !== null) as Array<[number, number]>;
  return Math.round((present.reduce((a, [v, w]) => a + v * w, 0) / present.reduce((a, [, w]) => a + w, 0)) * 100) / 100;
}

const gradeFor = (score: number) => (score >= 85 ? 'AAA' : score >= 80 ? 'AA' : score >= 70 ? 'A' : score >= 60 ? 'B' : 'C');

/** Adds a second community with one compound served by a third firm. */
async function addOtherCommunity(): Promise<void> {
  await h.store.insert('communities', {
    _id: 'cm_other',
    name: '其他社区',
    city: '荆州市',
    district: '荆州区',
    street: '东城街道',
    population: 50,
    createdAt: '2026-01-01T00:00:00+08:00',
  });
  await h.store.insert('firms', { _id: 'f_other', name: '其他物业', creditCode: 'X', contactPhone: '07160000000' });
  await h.store.insert('compounds', {
    _id: 'cp_other',
    communityId: 'cm_other',
    name: '其他小区',
    firmId: 'f_other',
    firmName: '其他物业',
  });
}

describe('ratings.submit', () => {
  test('stores an owners’-committee member’s sheet with its rating and version 1', async () => {
    const r = await h.call<Sheet>('ratings', 'submit', sheet, 'demo-oc');
    expect(r.ok && r.data).toMatchObject({
      compoundId: DEMO.compound1,
      firmId: DEMO.firm1,
      raterRole: 'oc_member',
      rating: 75,
      version: 1,
      state: 'submitted',
      comment: '整体不错',
    });
  });

  test('lets the party organisation rate every compound of its community', async () => {
    const a = await h.call<Sheet>('ratings', 'submit', sheet, 'demo-party');
    const b = await h.call<Sheet>('ratings', 'submit', { ...sheet, compoundId: DEMO.compound2 }, 'demo-party');
    expect(a.ok && a.data.raterRole).toBe('party_org');
    expect(b.ok && b.data).toMatchObject({ raterRole: 'party_org', firmId: DEMO.firm2 });
  });

  test('replaces the sheet on re-submission and keeps every version in the audit log', async () => {
    await h.call('ratings', 'submit', sheet, 'demo-oc');
    const r = await h.call<Sheet>('ratings', 'submit', { ...sheet, scores: all(5), comment: undefined }, 'demo-oc');
    expect(r.ok && r.data).toMatchObject({ version: 2, rating: 100, comment: null });
    const stored = await h.store.find('rating_sheets', { raterId: h.userId('demo-oc'), period: '2026-H2' });
    expect(stored).toHaveLength(1);
    const log = await h.store.find<{ _id: string; detail: { version: number; scores: object; comment: string | null } }>('audit', {
      action: 'ratings.submit',
    });
    expect(log.map((e) => e.detail).sort((a, b) => a.version - b.version)).toEqual([
      expect.objectContaining({ version: 1, scores: all(4), comment: '整体不错' }),
      expect.objectContaining({ version: 2, scores: all(5), comment: null }),
    ]);
  });

  test('counts a rater once in the period however often they re-submit, even concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => h.call<Sheet>('ratings', 'submit', { ...sheet, scores: all((i % 5) + 1) }, 'demo-oc')),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const period = await h.store.get<{ _id: string; sheetCount: number }>('rating_periods', `${DEMO.communityId}:2026-H2`);
    // The seed holds two sheets of 2026-H2; demo-oc adds one.
    expect(period?.sheetCount).toBe(3);
    expect(results.map((r) => r.ok && r.data.version).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test.each([
    ['a resident', 'demo-resident', sheet, 'NOT_A_RATER'],
    ['a volunteer', 'demo-volunteer', sheet, 'NOT_A_RATER'],
    ['the residents’ committee', 'demo-rc', sheet, 'NOT_A_RATER'],
    ['property staff of the rated firm', 'demo-property', sheet, 'RATED_FIRM_STAFF'],
    ['property staff of another firm', 'demo-property2', sheet, 'NOT_A_RATER'],
    ['an owners’-committee member of another compound', 'demo-oc3', sheet, 'NOT_A_RATER'],
    ['an admin (not a rater)', 'demo-admin', sheet, 'NOT_A_RATER'],
    ['a pending account', 'demo-pending', sheet, 'ACCOUNT_NOT_ACTIVE'],
    ['an unregistered caller', 'stranger', sheet, 'NOT_REGISTERED'],
  ])('refuses %s with FORBIDDEN and changes nothing', async (_label, openid, data, reason) => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'submit', data, openid);
    expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', reason });
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses an owners’-committee member who also works for the rated firm', async () => {
    await h.store.update('users', h.userId('demo-oc'), {
      $set: { roles: ['resident', 'oc_member', 'property_staff'], firmId: DEMO.firm1 },
    });
    const before = h.snapshot();
    const r = await h.call('ratings', 'submit', sheet, 'demo-oc');
    expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', reason: 'RATED_FIRM_STAFF' });
    expect(h.snapshot()).toEqual(before);
  });

  test('answers UNAUTHENTICATED without an identity', async () => {
    const r = await h.call('ratings', 'submit', sheet, null);
    expect(errorOf(r)?.code).toBe('UNAUTHENTICATED');
  });

  test('refuses rating a compound of another community with FORBIDDEN, changing nothing', async () => {
    await addOtherCommunity();
    const before = h.snapshot();
    const r = await h.call('ratings', 'submit', { ...sheet, compoundId: 'cp_other' }, 'demo-party');
    expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_RATER' });
    expect(h.snapshot()).toEqual(before);
  });

  test('answers NOT_FOUND for a compound that does not exist', async () => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'submit', { ...sheet, compoundId: 'cp_nowhere' }, 'demo-party');
    expect(errorOf(r)?.code).toBe('NOT_FOUND');
    expect(h.snapshot()).toEqual(before);
  });

  test.each([
    ['a score of 0', { scores: { ...all(4), security: 0 } }, 'scores'],
    ['a score of 6', { scores: { ...all(4), fees: 6 } }, 'scores'],
    ['a fractional score', { scores: { ...all(4), repairs: 3.5 } }, 'scores'],
    ['a score given as text', { scores: { ...all(4), repairs: '4' } }, 'scores'],
    ['a missing dimension', { scores: { environment: 4, greening: 4, security: 4, facilities: 4, repairs: 4, fees: 4 } }, 'scores'],
    ['an unknown dimension', { scores: { ...all(4), parking: 3 } }, 'scores'],
    ['period 2026-H3', { period: '2026-H3' }, 'period'],
    ['period 26-H1', { period: '26-H1' }, 'period'],
    ['period 2026h2', { period: '2026h2' }, 'period'],
    ['a missing period', { period: undefined }, 'period'],
    ['a 501-character comment', { comment: '好'.repeat(501) }, 'comment'],
    ['a malformed compound id', { compoundId: 'cp jiangjin' }, 'compoundId'],
    ['an unknown field', { raterId: 'u_x' }, ''],
  ])('rejects %s with INVALID_INPUT naming the field, changing nothing', async (_label, patch, field) => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'submit', { ...sheet, ...patch }, 'demo-oc');
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
    if (!r.ok && field) expect(r.error.issues?.some((i) => i.path[0] === field)).toBe(true);
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses a period that has not started with INVALID_STATE', async () => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'submit', { ...sheet, period: '2027-H1' }, 'demo-oc');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'PERIOD_NOT_STARTED' });
    expect(h.snapshot()).toEqual(before);
  });

  test.each(['demo-oc', 'demo-party', 'demo-oc2'])('lets nobody edit a published period (%s)', async (openid) => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'submit', { ...sheet, period: '2026-H1', scores: all(1) }, openid);
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'PERIOD_PUBLISHED' });
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses a comment the content check rejects and stores nothing', async () => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'submit', { ...sheet, comment: '物业组织赌博' }, 'demo-oc');
    expect(errorOf(r)?.code).toBe('CONTENT_REJECTED');
    expect(h.snapshot()).toEqual(before);
  });
});

describe('ratings.publish', () => {
  test('freezes the period’s results and the board shows them by default', async () => {
    await h.call('ratings', 'submit', { ...sheet, scores: all(5) }, 'demo-party');
    const r = await h.call<BoardView>('ratings', 'publish', { period: '2026-H2' }, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ period: '2026-H2', n: 1, reason: null });
    const board = await h.call<BoardView>('ratings', 'board', {}, null);
    expect(board.ok && board.data.period).toBe('2026-H2');
    expect(board.ok && board.data.periods.map((p) => p.period)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
    // 楚韵: party 100, committee (demo-oc2, all 4) 75, plus owner satisfaction where there is any.
    const score = await expectedQuality(DEMO.compound1, 100, 75);
    const firm = board.ok ? board.data.firms.find((f) => f.firmId === DEMO.firm1) : undefined;
    expect(firm).toMatchObject({ creditScore: score, grade: gradeFor(score), list: gradeFor(score) === 'AAA' ? 'red' : null });
  });

  test('closes the period to new sheets once published', async () => {
    await h.call('ratings', 'publish', { period: '2026-H2' }, 'demo-party');
    const r = await h.call('ratings', 'submit', sheet, 'demo-oc');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'PERIOD_PUBLISHED' });
  });

  test('lets an admin publish', async () => {
    const r = await h.call<BoardView>('ratings', 'publish', { period: '2026-H2', communityId: DEMO.communityId }, 'demo-admin');
    expect(r.ok && r.data.period).toBe('2026-H2');
  });

  test.each(['demo-rc', 'demo-oc', 'demo-resident', 'demo-property'])('refuses %s with FORBIDDEN, changing nothing', async (openid) => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'publish', { period: '2026-H2' }, openid);
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses the party organisation of another community', async () => {
    await addOtherCommunity();
    const before = h.snapshot();
    const r = await h.call('ratings', 'publish', { period: '2026-H2', communityId: 'cm_other' }, 'demo-party');
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
  });

  test.each(['2025-H1', '2027-H1'])('refuses to publish an empty period (%s) with INVALID_STATE, changing nothing', async (period) => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'publish', { period }, 'demo-party');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'EMPTY_PERIOD' });
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses a period with only a serious item and no sheet as empty', async () => {
    await h.call(
      'ratings',
      'recordSeriousItem',
      { compoundId: DEMO.compound1, period: '2026-H1', description: '记录', evidence: ['照片'] },
      'demo-party',
    );
    await h.store.remove('rating_periods', `${DEMO.communityId}:2025-H1`);
    await h.call(
      'ratings',
      'recordSeriousItem',
      { compoundId: DEMO.compound1, period: '2025-H1', description: '记录', evidence: ['照片'] },
      'demo-party',
    );
    const r = await h.call('ratings', 'publish', { period: '2025-H1' }, 'demo-party');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'EMPTY_PERIOD' });
  });

  test.each([['2026-H3'], ['26-H1'], ['']])('rejects period %p with INVALID_INPUT, changing nothing', async (period) => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'publish', { period }, 'demo-party');
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses to publish a published period again without a reason', async () => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'publish', { period: '2026-H1' }, 'demo-party');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'REASON_REQUIRED' });
    expect(h.snapshot()).toEqual(before);
  });

  test('republishes with a reason, keeping the earlier publication in history', async () => {
    await h.call(
      'ratings',
      'recordSeriousItem',
      {
        compoundId: DEMO.compound1,
        period: '2026-H1',
        description: '6月消防通道长期堵塞，经督促仍未整改。',
        evidence: ['现场照片 2026-06-12'],
      },
      'demo-party',
    );
    const r = await h.call<BoardView>('ratings', 'publish', { period: '2026-H1', reason: '补录重大事项' }, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ n: 2, reason: '补录重大事项' });
    const board = await h.call<BoardView>('ratings', 'board', { period: '2026-H1' }, null);
    // 楚韵 was AAA and red; with a serious item it loses 10 points and goes black.
    expect(board.ok && board.data.red).toEqual([]);
    expect(board.ok && board.data.black.map((f) => f.firmId).sort()).toEqual([DEMO.firm1, DEMO.firm2].sort());
    const history = await h.store.find<{ _id: string; n: number; red: unknown[] }>('rating_publications', {
      communityId: DEMO.communityId,
      period: '2026-H1',
    });
    expect(history.map((p) => [p.n, p.red.length]).sort()).toEqual([
      [1, 1],
      [2, 0],
    ]);
    const view = await h.call<PeriodView>('ratings', 'period', { period: '2026-H1' }, 'demo-rc');
    expect(view.ok && view.data.publications.map((p) => [p.n, p.reason])).toEqual([
      [1, null],
      [2, '补录重大事项'],
    ]);
  });

  test('refuses a republication reason the content check rejects', async () => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'publish', { period: '2026-H1', reason: '赌博' }, 'demo-party');
    expect(errorOf(r)?.code).toBe('CONTENT_REJECTED');
    expect(h.snapshot()).toEqual(before);
  });

  test('notifies the owners of a black-listed firm’s compounds of their right to vote, once', async () => {
    await h.call('ratings', 'submit', { ...sheet, compoundId: DEMO.compound2, scores: all(1) }, 'demo-party');
    await h.call('ratings', 'publish', { period: '2026-H2' }, 'demo-party');
    await h.call('ratings', 'publish', { period: '2026-H2', reason: '复核后重新发布' }, 'demo-party');
    const outbox = await h.store.find<{ _id: string; userId: string; template: string; data: Record<string, string> }>('outbox', {
      template: 'ratings.black_list',
    });
    expect(outbox.map((o) => o.userId).sort()).toEqual(
      [h.userId('demo-oc3'), h.userId('demo-resident2'), h.userId('demo-resident3')].sort(),
    );
    expect(outbox[0].data.note).toContain('民法典');
    const period = await h.store.get<{ _id: string; noticesPending: boolean }>('rating_periods', `${DEMO.communityId}:2026-H2`);
    expect(period?.noticesPending).toBe(false);
  });

  test('the scheduler finishes notices a publication left pending, exactly once', async () => {
    await h.store.update('rating_periods', `${DEMO.communityId}:2026-H1`, { $set: { noticesPending: true } });
    expect(await ratingsTick(h.deps)).toBe(1);
    expect(await ratingsTick(h.deps)).toBe(0);
    const outbox = await h.store.find<{ _id: string; userId: string }>('outbox', { template: 'ratings.black_list' });
    expect(outbox).toHaveLength(3);
  });

  test('never counts a sheet the publication did not see, under concurrent submits', async () => {
    const calls = [
      h.call('ratings', 'submit', sheet, 'demo-oc'),
      h.call('ratings', 'publish', { period: '2026-H2' }, 'demo-party'),
      h.call('ratings', 'submit', { ...sheet, compoundId: DEMO.compound2 }, 'demo-party'),
      h.call('ratings', 'submit', sheet, 'demo-party'),
    ];
    const results = await Promise.all(calls);
    for (const r of results) expect(r.ok || ['PERIOD_PUBLISHED', 'PERIOD_CHANGED'].includes(r.error.reason ?? '')).toBe(true);
    const period = await h.store.get<{ _id: string; state: string; current: { sheetCount: number } | null }>(
      'rating_periods',
      `${DEMO.communityId}:2026-H2`,
    );
    const sheets = await h.store.count('rating_sheets', { communityId: DEMO.communityId, period: '2026-H2' });
    if (period?.state === 'published') expect(period.current?.sheetCount).toBe(sheets);
  });
});

describe('ratings.board', () => {
  test('shows the latest published period by default: 楚韵 red, 荆华 black for a serious item', async () => {
    const r = await h.call<BoardView>('ratings', 'board', {}, 'demo-resident');
    expect(r.ok && r.data).toMatchObject({ communityId: DEMO.communityId, period: '2026-H1', label: '2026年上半年', n: 1 });
    expect(r.ok && r.data.red.map((f) => [f.firmId, f.grade])).toEqual([[DEMO.firm1, 'AAA']]);
    expect(r.ok && r.data.black.map((f) => [f.firmId, f.grade, f.seriousItems])).toEqual([[DEMO.firm2, 'B', 1]]);
    expect(r.ok && r.data.firms).toHaveLength(2);
  });

  test('switches to an earlier period', async () => {
    const r = await h.call<BoardView>('ratings', 'board', { period: '2025-H2', communityId: DEMO.communityId }, null);
    expect(r.ok && r.data.black.map((f) => [f.firmId, f.grade])).toEqual([[DEMO.firm2, 'C']]);
    expect(r.ok && r.data.red).toEqual([]);
  });

  test('answers NOT_FOUND for a period not yet published', async () => {
    const r = await h.call('ratings', 'board', { period: '2026-H2' }, null);
    expect(errorOf(r)).toEqual({ code: 'NOT_FOUND', reason: 'NOT_PUBLISHED' });
  });

  test('shows an empty board for a community with nothing published', async () => {
    await addOtherCommunity();
    const r = await h.call<BoardView>('ratings', 'board', { communityId: 'cm_other' }, null);
    expect(r.ok && r.data).toMatchObject({ communityId: 'cm_other', period: null, red: [], black: [], firms: [], periods: [] });
  });

  test('keeps who published off the public board', async () => {
    const r = await h.call<BoardView>('ratings', 'board', {}, null);
    expect(JSON.stringify(r)).not.toContain(h.userId('demo-party'));
  });

  test('rejects a malformed period with INVALID_INPUT', async () => {
    const r = await h.call('ratings', 'board', { period: '2026-H3' }, null);
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
  });
});

describe('ratings.firm and firmGrades', () => {
  test('shows a firm’s published history newest first, with dimensions and compounds served', async () => {
    const r = await h.call<FirmView>('ratings', 'firm', { firmId: DEMO.firm1 }, null);
    expect(r.ok && r.data).toMatchObject({
      firmId: DEMO.firm1,
      name: '荆州楚韵物业服务有限公司',
      latest: { period: '2026-H1', grade: 'AAA', list: 'red' },
    });
    expect(r.ok && r.data.history.map((x) => [x.period, x.grade])).toEqual([
      ['2026-H1', 'AAA'],
      ['2025-H2', 'A'],
    ]);
    expect(r.ok && r.data.history[0].dimensions.environment).toBeCloseTo(14 / 3, 2);
    expect(r.ok && r.data.compounds).toEqual([{ compoundId: DEMO.compound1, name: '江津花园', communityId: DEMO.communityId }]);
  });

  test('answers NOT_FOUND for an unknown firm', async () => {
    const r = await h.call('ratings', 'firm', { firmId: 'f_none' }, null);
    expect(errorOf(r)?.code).toBe('NOT_FOUND');
  });

  test('gives each firm’s latest grade, null for a firm never rated', async () => {
    const r = await h.call<FirmGrade[]>('ratings', 'firmGrades', { firmIds: [DEMO.firm2, 'f_none'] }, 'demo-oc');
    expect(r.ok && r.data).toEqual([
      { firmId: DEMO.firm2, period: '2026-H1', label: '2026年上半年', grade: 'B', creditScore: 61.43, list: 'black' },
      { firmId: 'f_none', period: null, label: null, grade: null, creditScore: null, list: null },
    ]);
  });

  test('rejects an empty list of firms', async () => {
    const r = await h.call('ratings', 'firmGrades', { firmIds: [] }, null);
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
  });
});

describe('ratings.mySheets', () => {
  test('shows the party organisation a draft for each compound of the current period', async () => {
    const r = await h.call<MySheetsView>('ratings', 'mySheets', {}, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ period: '2026-H2', periodState: 'open' });
    expect(r.ok && r.data.items.map((i) => [i.compoundId, i.state, i.raterRole])).toEqual([
      [DEMO.compound2, 'draft', 'party_org'],
      [DEMO.compound1, 'draft', 'party_org'],
    ]);
  });

  test('shows a submitted sheet as submitted with its scores', async () => {
    const r = await h.call<MySheetsView>('ratings', 'mySheets', {}, 'demo-oc2');
    expect(r.ok && r.data.items).toEqual([
      expect.objectContaining({ compoundId: DEMO.compound1, state: 'submitted', sheet: expect.objectContaining({ scores: all(4) }) }),
    ]);
  });

  test('shows a published period’s sheet as closed', async () => {
    const r = await h.call<MySheetsView>('ratings', 'mySheets', { period: '2026-H1' }, 'demo-oc');
    expect(r.ok && r.data).toMatchObject({
      periodState: 'published',
      items: [expect.objectContaining({ state: 'closed', sheet: expect.objectContaining({ version: 1 }) })],
    });
  });

  test.each(['demo-resident', 'demo-rc', 'demo-property'])('refuses %s, who rates nothing', async (openid) => {
    const r = await h.call('ratings', 'mySheets', {}, openid);
    expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_RATER' });
  });
});

describe('ratings.period and ratings.sheets (staff)', () => {
  test('shows who has rated and who has not, per compound', async () => {
    const r = await h.call<PeriodView>('ratings', 'period', { period: '2026-H2' }, 'demo-rc');
    expect(r.ok && r.data).toMatchObject({ state: 'open', sheetCount: 2, canPublish: false, canRecordSeriousItem: false });
    const jiangjin = r.ok ? r.data.compounds.find((c) => c.compoundId === DEMO.compound1) : undefined;
    expect(jiangjin).toMatchObject({ ratedCount: 1, raterCount: 3 });
    expect(jiangjin?.raters.map((x) => [x.name, x.rated])).toEqual([
      ['李红梅', false],
      ['张志强', false],
      ['孙立新', true],
    ]);
    expect(r.ok && r.data.periods.map((p) => p.period)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
  });

  test('lets the party organisation publish from it', async () => {
    const r = await h.call<PeriodView>('ratings', 'period', { period: '2026-H2' }, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ canPublish: true, canRecordSeriousItem: true });
  });

  test('lists serious items of the period', async () => {
    const r = await h.call<PeriodView>('ratings', 'period', { period: '2026-H1' }, 'demo-party');
    expect(r.ok && r.data.seriousItems.map((i) => [i.firmId, i.evidence.length])).toEqual([[DEMO.firm2, 2]]);
  });

  test('pages through the period’s sheets', async () => {
    const first = await h.call<Page<SheetView>>('ratings', 'sheets', { period: '2026-H1', limit: 3 }, 'demo-rc');
    expect(first.ok && first.data.items).toHaveLength(3);
    const next = await h.call<Page<SheetView>>(
      'ratings',
      'sheets',
      { period: '2026-H1', limit: 3, cursor: first.ok ? (first.data.nextCursor ?? '') : '' },
      'demo-rc',
    );
    expect(next.ok && next.data).toMatchObject({ nextCursor: null });
    expect(next.ok && next.data.items).toHaveLength(2);
    const one = await h.call<Page<SheetView>>('ratings', 'sheets', { period: '2026-H1', compoundId: DEMO.compound2 }, 'demo-rc');
    expect(one.ok && one.data.items.map((s) => s.compoundId)).toEqual([DEMO.compound2, DEMO.compound2]);
  });

  test.each([
    ['period', 'demo-resident'],
    ['period', 'demo-oc'],
    ['period', 'demo-property'],
    ['sheets', 'demo-resident'],
    ['sheets', 'demo-oc'],
  ])('refuses %s to %s with FORBIDDEN', async (action, openid) => {
    const r = await h.call('ratings', action, { period: '2026-H2' }, openid);
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
  });

  test('refuses staff of another community', async () => {
    await addOtherCommunity();
    const r = await h.call('ratings', 'period', { period: '2026-H2', communityId: 'cm_other' }, 'demo-rc');
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
  });
});

describe('ratings.recordSeriousItem', () => {
  const item = {
    compoundId: DEMO.compound1,
    period: '2026-H2',
    description: '10月电梯困人 2 小时无人处置，经核实。',
    evidence: ['监控截图 2026-10-12', '居民投诉记录'],
  };

  test('records the item with evidence and it black-lists the firm at publication', async () => {
    const r = await h.call<{ firmId: string; evidence: string[] }>('ratings', 'recordSeriousItem', item, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ firmId: DEMO.firm1, evidence: item.evidence, recordedByName: '李红梅' });
    await h.call('ratings', 'submit', { ...sheet, scores: all(5) }, 'demo-party');
    const board = await h.call<BoardView>('ratings', 'publish', { period: '2026-H2' }, 'demo-party');
    const score = Math.round(((await expectedQuality(DEMO.compound1, 100, 75)) - 10) * 100) / 100;
    expect(board.ok && board.data.black.find((f) => f.firmId === DEMO.firm1)).toMatchObject({
      grade: gradeFor(score),
      creditScore: score,
      seriousItems: 1,
    });
  });

  test.each(['demo-rc', 'demo-oc', 'demo-admin', 'demo-resident'])('refuses %s with FORBIDDEN, changing nothing', async (openid) => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'recordSeriousItem', item, openid);
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
  });

  test.each([
    ['no evidence', { evidence: [] }],
    ['a blank description', { description: '  ' }],
    ['a malformed period', { period: '2026-H3' }],
  ])('rejects %s with INVALID_INPUT, changing nothing', async (_label, patch) => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'recordSeriousItem', { ...item, ...patch }, 'demo-party');
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
    expect(h.snapshot()).toEqual(before);
  });

  test('refuses a description the content check rejects', async () => {
    const before = h.snapshot();
    const r = await h.call('ratings', 'recordSeriousItem', { ...item, description: '涉嫌赌博' }, 'demo-party');
    expect(errorOf(r)?.code).toBe('CONTENT_REJECTED');
    expect(h.snapshot()).toEqual(before);
  });
});
