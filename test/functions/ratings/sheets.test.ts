import type { MySheetsView, PeriodView, SheetView } from '../../../cloudfunctions/core/app/ratings/views';
import type { Page } from '../../../cloudfunctions/core/app/schemas';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { useRatingsHarness, type Sheet } from './support';

const x = useRatingsHarness();
const { all, sheet, errorOf, addOtherCommunity } = x;

describe('ratings.submit', () => {
  test('stores an owners’-committee member’s sheet with its rating and version 1', async () => {
    const r = await x.h.call<Sheet>('ratings', 'submit', sheet, 'demo-oc');
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

  test('lets the compound party organisation rate its compound, and the community party organisation only a compound without one', async () => {
    const a = await x.h.call<Sheet>('ratings', 'submit', sheet, 'demo-cparty');
    expect(a.ok && a.data.raterRole).toBe('compound_party');
    // 江津花园 has a compound party organisation (demo-cparty): the community's does not rate it…
    const before = x.h.snapshot();
    const refused = await x.h.call<Sheet>('ratings', 'submit', sheet, 'demo-party');
    expect(errorOf(refused)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_RATER' });
    expect(x.h.snapshot()).toEqual(before);
    // …万寿园小区 has none: the community party organisation rates it in its place.
    const b = await x.h.call<Sheet>('ratings', 'submit', { ...sheet, compoundId: DEMO.compound2 }, 'demo-party');
    expect(b.ok && b.data).toMatchObject({ raterRole: 'party_org', firmId: DEMO.firm2 });
    // The compound party member rates no other compound.
    const other = await x.h.call<Sheet>('ratings', 'submit', { ...sheet, compoundId: DEMO.compound2 }, 'demo-cparty');
    expect(errorOf(other)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_RATER' });
  });

  test('replaces the sheet on re-submission and keeps every version in the audit log', async () => {
    await x.h.call('ratings', 'submit', sheet, 'demo-oc');
    const r = await x.h.call<Sheet>('ratings', 'submit', { ...sheet, scores: all(5), comment: undefined }, 'demo-oc');
    expect(r.ok && r.data).toMatchObject({ version: 2, rating: 100, comment: null });
    const stored = await x.h.store.find('rating_sheets', { raterId: x.h.userId('demo-oc'), period: '2026-H2' });
    expect(stored).toHaveLength(1);
    const log = await x.h.store.find<{ _id: string; detail: { version: number; scores: object; comment: string | null } }>('audit', {
      action: 'ratings.submit',
    });
    expect(log.map((e) => e.detail).sort((a, b) => a.version - b.version)).toEqual([
      expect.objectContaining({ version: 1, scores: all(4), comment: '整体不错' }),
      expect.objectContaining({ version: 2, scores: all(5), comment: null }),
    ]);
  });

  test('counts a rater once in the period however often they re-submit, even concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => x.h.call<Sheet>('ratings', 'submit', { ...sheet, scores: all((i % 5) + 1) }, 'demo-oc')),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const period = await x.h.store.get<{ _id: string; sheetCount: number }>('rating_periods', `${DEMO.communityId}:2026-H2`);
    // The seed holds two sheets of 2026-H2; demo-oc adds one.
    expect(period?.sheetCount).toBe(3);
    expect(results.map((r) => r.ok && r.data.version).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('replaces a sheet re-submitted several times at once one version after another, each in the audit log', async () => {
    expect(await x.h.call('ratings', 'submit', sheet, 'demo-oc')).toMatchObject({ ok: true, data: { version: 1 } });
    // Each submission is decided on the version 1 it loaded; all but one find it replaced when they write.
    const results = await Promise.all(
      [2, 3, 4, 5].map((n) => x.h.call<Sheet>('ratings', 'submit', { ...sheet, scores: all(n) }, 'demo-oc')),
    );
    expect(results.map((r) => r.ok && r.data.version).sort()).toEqual([2, 3, 4, 5]);
    const period = await x.h.store.get<{ _id: string; sheetCount: number }>('rating_periods', `${DEMO.communityId}:2026-H2`);
    expect(period?.sheetCount).toBe(3);
    const audited = await x.h.store.find<{ _id: string; detail: { version: number } }>('audit', { action: 'ratings.submit' });
    expect(audited.map((e) => e.detail.version).sort()).toEqual([1, 2, 3, 4, 5]);
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
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'submit', data, openid);
    expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', reason });
    expect(x.h.snapshot()).toEqual(before);
  });

  test('refuses an owners’-committee member who also works for the rated firm', async () => {
    await x.h.store.update('users', x.h.userId('demo-oc'), {
      $set: { roles: ['resident', 'oc_member', 'property_staff'], firmId: DEMO.firm1 },
    });
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'submit', sheet, 'demo-oc');
    expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', reason: 'RATED_FIRM_STAFF' });
    expect(x.h.snapshot()).toEqual(before);
  });

  test('answers UNAUTHENTICATED without an identity', async () => {
    const r = await x.h.call('ratings', 'submit', sheet, null);
    expect(errorOf(r)?.code).toBe('UNAUTHENTICATED');
  });

  test('refuses rating a compound of another community with FORBIDDEN, changing nothing', async () => {
    await addOtherCommunity();
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'submit', { ...sheet, compoundId: 'cp_other' }, 'demo-party');
    expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_RATER' });
    expect(x.h.snapshot()).toEqual(before);
  });

  test('answers NOT_FOUND for a compound that does not exist', async () => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'submit', { ...sheet, compoundId: 'cp_nowhere' }, 'demo-party');
    expect(errorOf(r)?.code).toBe('NOT_FOUND');
    expect(x.h.snapshot()).toEqual(before);
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
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'submit', { ...sheet, ...patch }, 'demo-oc');
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
    if (!r.ok && field) expect(r.error.issues?.some((i) => i.path[0] === field)).toBe(true);
    expect(x.h.snapshot()).toEqual(before);
  });

  test('refuses a period that has not started with INVALID_STATE', async () => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'submit', { ...sheet, period: '2027-H1' }, 'demo-oc');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'PERIOD_NOT_STARTED' });
    expect(x.h.snapshot()).toEqual(before);
  });

  test.each(['demo-oc', 'demo-cparty', 'demo-oc2'])('lets nobody edit a published period (%s)', async (openid) => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'submit', { ...sheet, period: '2026-H1', scores: all(1) }, openid);
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'PERIOD_PUBLISHED' });
    expect(x.h.snapshot()).toEqual(before);
  });

  test('refuses a comment the content check rejects and stores nothing', async () => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'submit', { ...sheet, comment: '物业组织赌博' }, 'demo-oc');
    expect(errorOf(r)?.code).toBe('CONTENT_REJECTED');
    expect(x.h.snapshot()).toEqual(before);
  });
});

describe('ratings.mySheets', () => {
  test('shows the party organisation a draft for each compound without a compound party organisation', async () => {
    const r = await x.h.call<MySheetsView>('ratings', 'mySheets', {}, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ period: '2026-H2', periodState: 'open' });
    // 江津花园 has its own compound party organisation (demo-cparty), which rates it instead.
    expect(r.ok && r.data.items.map((i) => [i.compoundId, i.state, i.raterRole])).toEqual([[DEMO.compound2, 'draft', 'party_org']]);
    const own = await x.h.call<MySheetsView>('ratings', 'mySheets', {}, 'demo-cparty');
    expect(own.ok && own.data.items.map((i) => [i.compoundId, i.state, i.raterRole])).toEqual([
      [DEMO.compound1, 'draft', 'compound_party'],
    ]);
  });

  test('shows a submitted sheet as submitted with its scores', async () => {
    const r = await x.h.call<MySheetsView>('ratings', 'mySheets', {}, 'demo-oc2');
    expect(r.ok && r.data.items).toEqual([
      expect.objectContaining({ compoundId: DEMO.compound1, state: 'submitted', sheet: expect.objectContaining({ scores: all(4) }) }),
    ]);
  });

  test('shows a published period’s sheet as closed', async () => {
    const r = await x.h.call<MySheetsView>('ratings', 'mySheets', { period: '2026-H1' }, 'demo-oc');
    expect(r.ok && r.data).toMatchObject({
      periodState: 'published',
      items: [expect.objectContaining({ state: 'closed', sheet: expect.objectContaining({ version: 1 }) })],
    });
  });

  test.each(['demo-resident', 'demo-rc', 'demo-property'])('refuses %s, who rates nothing', async (openid) => {
    const r = await x.h.call('ratings', 'mySheets', {}, openid);
    expect(errorOf(r)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_RATER' });
  });
});

describe('ratings.period and ratings.sheets (staff)', () => {
  test('shows who has rated and who has not, per compound', async () => {
    const r = await x.h.call<PeriodView>('ratings', 'period', { period: '2026-H2' }, 'demo-rc');
    expect(r.ok && r.data).toMatchObject({ state: 'open', sheetCount: 2, canPublish: false, canRecordSeriousItem: false });
    const jiangjin = r.ok ? r.data.compounds.find((c) => c.compoundId === DEMO.compound1) : undefined;
    expect(jiangjin).toMatchObject({ ratedCount: 1, raterCount: 3 });
    expect(jiangjin?.raters.map((x) => [x.name, x.rated])).toEqual([
      ['罗春兰', false],
      ['张志强', false],
      ['孙立新', true],
    ]);
    expect(r.ok && r.data.periods.map((p) => p.period)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
  });

  test('lets the party organisation publish from it', async () => {
    const r = await x.h.call<PeriodView>('ratings', 'period', { period: '2026-H2' }, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ canPublish: true, canRecordSeriousItem: true });
  });

  test('lists serious items of the period', async () => {
    const r = await x.h.call<PeriodView>('ratings', 'period', { period: '2026-H1' }, 'demo-party');
    expect(r.ok && r.data.seriousItems.map((i) => [i.firmId, i.evidence.length])).toEqual([[DEMO.firm2, 2]]);
  });

  test('pages through the period’s sheets', async () => {
    const first = await x.h.call<Page<SheetView>>('ratings', 'sheets', { period: '2026-H1', limit: 3 }, 'demo-rc');
    expect(first.ok && first.data.items).toHaveLength(3);
    const next = await x.h.call<Page<SheetView>>(
      'ratings',
      'sheets',
      { period: '2026-H1', limit: 3, cursor: first.ok ? (first.data.nextCursor ?? '') : '' },
      'demo-rc',
    );
    expect(next.ok && next.data).toMatchObject({ nextCursor: null });
    expect(next.ok && next.data.items).toHaveLength(2);
    const one = await x.h.call<Page<SheetView>>('ratings', 'sheets', { period: '2026-H1', compoundId: DEMO.compound2 }, 'demo-rc');
    expect(one.ok && one.data.items.map((s) => s.compoundId)).toEqual([DEMO.compound2, DEMO.compound2]);
  });

  test.each([
    ['period', 'demo-resident'],
    ['period', 'demo-oc'],
    ['period', 'demo-property'],
    ['sheets', 'demo-resident'],
    ['sheets', 'demo-oc'],
  ])('refuses %s to %s with FORBIDDEN', async (action, openid) => {
    const r = await x.h.call('ratings', action, { period: '2026-H2' }, openid);
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
  });

  test('refuses staff of another community', async () => {
    await addOtherCommunity();
    const r = await x.h.call('ratings', 'period', { period: '2026-H2', communityId: 'cm_other' }, 'demo-rc');
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
  });
});
