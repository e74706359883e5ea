import type { BoardView, PeriodView } from '../../../cloudfunctions/core/app/ratings/views';
import { ratingsTick } from '../../../cloudfunctions/core/app/ratings/scheduler';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { residentsInBulk } from '../../support/builders';
import { useRatingsHarness } from './support';
import { whole, type DocumentOps, type Store } from '../../../cloudfunctions/core/ports/store';
import { FUNCTIONS } from '../../../cloudfunctions/core/app/functions';
import { createCloudEntry, platformContextFor } from '../../../cloudfunctions/core/runtime/cloud-entry';

const x = useRatingsHarness();
const { all, sheet, errorOf, expectedQuality, gradeFor, addOtherCommunity } = x;

describe('ratings.publish', () => {
  test('freezes the period’s results and the board shows them by default', async () => {
    await x.h.call('ratings', 'submit', { ...sheet, scores: all(5) }, 'demo-cparty');
    const r = await x.h.call<BoardView>('ratings', 'publish', { period: '2026-H2' }, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ period: '2026-H2', n: 1, reason: null });
    const board = await x.h.call<BoardView>('ratings', 'board', {}, 'demo-resident');
    expect(board.ok && board.data.period).toBe('2026-H2');
    expect(board.ok && board.data.periods.map((p) => p.period)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
    // 楚韵: party 100, committee (demo-oc2, all 4) 75, plus owner satisfaction where there is any.
    const score = await expectedQuality(DEMO.compound1, 100, 75);
    const firm = board.ok ? board.data.firms.find((f) => f.firmId === DEMO.firm1) : undefined;
    expect(firm).toMatchObject({ creditScore: score, grade: gradeFor(score), list: gradeFor(score) === 'AAA' ? 'red' : null });
  });

  test('closes the period to new sheets once published', async () => {
    await x.h.call('ratings', 'publish', { period: '2026-H2' }, 'demo-party');
    const r = await x.h.call('ratings', 'submit', sheet, 'demo-oc');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'PERIOD_PUBLISHED' });
  });

  test('lets an admin publish', async () => {
    const r = await x.h.call<BoardView>('ratings', 'publish', { period: '2026-H2', communityId: DEMO.communityId }, 'demo-admin');
    expect(r.ok && r.data.period).toBe('2026-H2');
  });

  test.each(['demo-rc', 'demo-oc', 'demo-resident', 'demo-property'])('refuses %s with FORBIDDEN, changing nothing', async (openid) => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'publish', { period: '2026-H2' }, openid);
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
    expect(x.h.snapshot()).toEqual(before);
  });

  test('refuses the party organisation of another community', async () => {
    await addOtherCommunity();
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'publish', { period: '2026-H2', communityId: 'cm_other' }, 'demo-party');
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
    expect(x.h.snapshot()).toEqual(before);
  });

  test.each(['2025-H1', '2027-H1'])('refuses to publish an empty period (%s) with INVALID_STATE, changing nothing', async (period) => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'publish', { period }, 'demo-party');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'EMPTY_PERIOD' });
    expect(x.h.snapshot()).toEqual(before);
  });

  test('refuses a period with only a serious item and no sheet as empty', async () => {
    await x.h.call(
      'ratings',
      'recordSeriousItem',
      { compoundId: DEMO.compound1, period: '2026-H1', description: '记录', evidence: ['照片'] },
      'demo-party',
    );
    await x.h.store.remove('rating_periods', `${DEMO.communityId}:2025-H1`);
    await x.h.call(
      'ratings',
      'recordSeriousItem',
      { compoundId: DEMO.compound1, period: '2025-H1', description: '记录', evidence: ['照片'] },
      'demo-party',
    );
    const r = await x.h.call('ratings', 'publish', { period: '2025-H1' }, 'demo-party');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'EMPTY_PERIOD' });
  });

  test.each([['2026-H3'], ['26-H1'], ['']])('rejects period %p with INVALID_INPUT, changing nothing', async (period) => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'publish', { period }, 'demo-party');
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
    expect(x.h.snapshot()).toEqual(before);
  });

  test('refuses to publish a published period again without a reason', async () => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'publish', { period: '2026-H1' }, 'demo-party');
    expect(errorOf(r)).toEqual({ code: 'INVALID_STATE', reason: 'REASON_REQUIRED' });
    expect(x.h.snapshot()).toEqual(before);
  });

  test('republishes with a reason, keeping the earlier publication in history', async () => {
    await x.h.call(
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
    const r = await x.h.call<BoardView>('ratings', 'publish', { period: '2026-H1', reason: '补录重大事项' }, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ n: 2, reason: '补录重大事项' });
    const board = await x.h.call<BoardView>('ratings', 'board', { period: '2026-H1' }, 'demo-resident');
    // 楚韵 was AAA and red; with a serious item it loses 10 points and goes black.
    expect(board.ok && board.data.red).toEqual([]);
    expect(board.ok && board.data.black.map((f) => f.firmId).sort()).toEqual([DEMO.firm1, DEMO.firm2].sort());
    const history = await x.h.store.find<{ _id: string; n: number; red: unknown[] }>('rating_publications', {
      communityId: DEMO.communityId,
      period: '2026-H1',
    });
    expect(history.map((p) => [p.n, p.red.length]).sort()).toEqual([
      [1, 1],
      [2, 0],
    ]);
    const view = await x.h.call<PeriodView>('ratings', 'period', { period: '2026-H1' }, 'demo-rc');
    expect(view.ok && view.data.publications.map((p) => [p.n, p.reason])).toEqual([
      [1, null],
      [2, '补录重大事项'],
    ]);
  });

  test('refuses a republication reason the content check rejects', async () => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'publish', { period: '2026-H1', reason: '赌博' }, 'demo-party');
    expect(errorOf(r)?.code).toBe('CONTENT_REJECTED');
    expect(x.h.snapshot()).toEqual(before);
  });

  test('notifies the owners of a black-listed firm’s compounds of their right to vote, once', async () => {
    await x.h.call('ratings', 'submit', { ...sheet, compoundId: DEMO.compound2, scores: all(1) }, 'demo-party');
    await x.h.call('ratings', 'publish', { period: '2026-H2' }, 'demo-party');
    await x.h.call('ratings', 'publish', { period: '2026-H2', reason: '复核后重新发布' }, 'demo-party');
    const outbox = await x.h.store.find<{ _id: string; userId: string; template: string; data: Record<string, string> }>('outbox', {
      template: 'ratings.black_list',
    });
    expect(outbox.map((o) => o.userId).sort()).toEqual(
      [x.h.userId('demo-oc3'), x.h.userId('demo-resident2'), x.h.userId('demo-resident3')].sort(),
    );
    expect(outbox[0].data.note).toContain('民法典');
    const period = await x.h.store.get<{ _id: string; noticesPending: boolean }>('rating_periods', `${DEMO.communityId}:2026-H2`);
    expect(period?.noticesPending).toBe(false);
  });

  test('notifies every owner of a compound larger than one read of the store (1,000)', async () => {
    const many = await residentsInBulk(x.h, 1234, DEMO.compound2);
    await x.h.call('ratings', 'submit', { ...sheet, compoundId: DEMO.compound2, scores: all(1) }, 'demo-party');
    await x.h.call('ratings', 'publish', { period: '2026-H2' }, 'demo-party');
    const notified = new Set<string>();
    for (let skip = 0; ; skip += 1000) {
      const page = await x.h.store.find<{ _id: string; userId: string }>(
        'outbox',
        { template: 'ratings.black_list' },
        { skip: whole(skip) },
      );
      for (const o of page) notified.add(o.userId);
      if (page.length < 1000) break;
    }
    expect(notified.size).toBe(1234 + 3);
    for (const p of many) expect(notified.has(p.userId)).toBe(true);
  });

  test('the scheduler finishes notices a publication left pending, exactly once', async () => {
    await x.h.store.update('rating_periods', `${DEMO.communityId}:2026-H1`, { $set: { noticesPending: true } });
    expect(await ratingsTick(x.h.deps)).toBe(1);
    expect(await ratingsTick(x.h.deps)).toBe(0);
    const outbox = await x.h.store.find<{ _id: string; userId: string }>('outbox', { template: 'ratings.black_list' });
    expect(outbox).toHaveLength(3);
  });

  test('never counts a sheet the publication did not see, under concurrent submits', async () => {
    const calls = [
      x.h.call('ratings', 'submit', sheet, 'demo-oc'),
      x.h.call('ratings', 'publish', { period: '2026-H2' }, 'demo-party'),
      x.h.call('ratings', 'submit', { ...sheet, compoundId: DEMO.compound2 }, 'demo-party'),
      x.h.call('ratings', 'submit', sheet, 'demo-cparty'),
    ];
    const results = await Promise.all(calls);
    for (const r of results) expect(r.ok || ['PERIOD_PUBLISHED', 'PERIOD_CHANGED'].includes(r.error.reason ?? '')).toBe(true);
    const period = await x.h.store.get<{ _id: string; state: string; current: { sheetCount: number } | null }>(
      'rating_periods',
      `${DEMO.communityId}:2026-H2`,
    );
    const sheets = await x.h.store.count('rating_sheets', { communityId: DEMO.communityId, period: '2026-H2' });
    if (period?.state === 'published') expect(period.current?.sheetCount).toBe(sheets);
  });

  test('refuses a sheet decided while the period was open but written after it was published, storing nothing', async () => {
    // The submission loads the open period's state, then its transaction waits until the publication is done.
    let release = () => undefined as void;
    const gate = new Promise<void>((r) => (release = r));
    const gated: Store = Object.assign(Object.create(x.h.store) as Store, {
      transaction: async <R>(fn: (tx: DocumentOps) => Promise<R>) => (await gate, x.h.store.transaction(fn)),
    });
    const late = createCloudEntry('ratings', FUNCTIONS.ratings, { ...x.h.deps, store: gated })(
      { action: 'submit', data: sheet },
      platformContextFor('demo-oc'),
    );
    expect(await x.h.call('ratings', 'publish', { period: '2026-H2' }, 'demo-party')).toMatchObject({ ok: true });
    release();
    expect(errorOf(await late)).toEqual({ code: 'INVALID_STATE', reason: 'PERIOD_PUBLISHED' });
    expect(
      await x.h.store.count('rating_sheets', { communityId: DEMO.communityId, period: '2026-H2', raterId: x.h.userId('demo-oc') }),
    ).toBe(0);
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
    const r = await x.h.call<{ firmId: string; evidence: string[] }>('ratings', 'recordSeriousItem', item, 'demo-party');
    expect(r.ok && r.data).toMatchObject({ firmId: DEMO.firm1, evidence: item.evidence, recordedByName: '李红梅' });
    await x.h.call('ratings', 'submit', { ...sheet, scores: all(5) }, 'demo-cparty');
    const board = await x.h.call<BoardView>('ratings', 'publish', { period: '2026-H2' }, 'demo-party');
    const score = Math.round(((await expectedQuality(DEMO.compound1, 100, 75)) - 10) * 100) / 100;
    expect(board.ok && board.data.black.find((f) => f.firmId === DEMO.firm1)).toMatchObject({
      grade: gradeFor(score),
      creditScore: score,
      seriousItems: 1,
    });
  });

  test.each(['demo-rc', 'demo-oc', 'demo-admin', 'demo-resident'])('refuses %s with FORBIDDEN, changing nothing', async (openid) => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'recordSeriousItem', item, openid);
    expect(errorOf(r)?.code).toBe('FORBIDDEN');
    expect(x.h.snapshot()).toEqual(before);
  });

  test.each([
    ['no evidence', { evidence: [] }],
    ['a blank description', { description: '  ' }],
    ['a malformed period', { period: '2026-H3' }],
  ])('rejects %s with INVALID_INPUT, changing nothing', async (_label, patch) => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'recordSeriousItem', { ...item, ...patch }, 'demo-party');
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
    expect(x.h.snapshot()).toEqual(before);
  });

  test('refuses a description the content check rejects', async () => {
    const before = x.h.snapshot();
    const r = await x.h.call('ratings', 'recordSeriousItem', { ...item, description: '涉嫌赌博' }, 'demo-party');
    expect(errorOf(r)?.code).toBe('CONTENT_REJECTED');
    expect(x.h.snapshot()).toEqual(before);
  });
});
