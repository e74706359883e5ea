import type { BoardView, FirmGrade, FirmView } from '../../../cloudfunctions/core/app/ratings/views';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { useRatingsHarness } from './support';

const x = useRatingsHarness();
const { errorOf, addOtherCommunity } = x;

describe('ratings.board', () => {
  test('shows the latest published period by default: 楚韵 red, 荆华 black for a serious item', async () => {
    const r = await x.h.call<BoardView>('ratings', 'board', {}, 'demo-resident');
    expect(r.ok && r.data).toMatchObject({ communityId: DEMO.communityId, period: '2026-H1', label: '2026年上半年', n: 1 });
    expect(r.ok && r.data.red.map((f) => [f.firmId, f.grade])).toEqual([[DEMO.firm1, 'AAA']]);
    expect(r.ok && r.data.black.map((f) => [f.firmId, f.grade, f.seriousItems])).toEqual([[DEMO.firm2, 'B', 1]]);
    expect(r.ok && r.data.firms).toHaveLength(2);
  });

  test('switches to an earlier period', async () => {
    const r = await x.h.call<BoardView>('ratings', 'board', { period: '2025-H2', communityId: DEMO.communityId }, 'demo-resident');
    expect(r.ok && r.data.black.map((f) => [f.firmId, f.grade])).toEqual([[DEMO.firm2, 'C']]);
    expect(r.ok && r.data.red).toEqual([]);
  });

  test('answers NOT_FOUND for a period not yet published', async () => {
    const r = await x.h.call('ratings', 'board', { period: '2026-H2' }, 'demo-resident');
    expect(errorOf(r)).toEqual({ code: 'NOT_FOUND', reason: 'NOT_PUBLISHED' });
  });

  test('shows an empty board for a community with nothing published', async () => {
    await addOtherCommunity();
    const r = await x.h.call<BoardView>('ratings', 'board', { communityId: 'cm_other' }, 'demo-resident');
    expect(r.ok && r.data).toMatchObject({ communityId: 'cm_other', period: null, red: [], black: [], firms: [], periods: [] });
  });

  test('keeps who published off the public board', async () => {
    const r = await x.h.call<BoardView>('ratings', 'board', {}, 'demo-resident');
    expect(JSON.stringify(r)).not.toContain(x.h.userId('demo-party'));
  });

  test('rejects a malformed period with INVALID_INPUT', async () => {
    const r = await x.h.call('ratings', 'board', { period: '2026-H3' }, 'demo-resident');
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
  });
});

describe('ratings.firm and firmGrades', () => {
  test('shows a firm’s published history newest first, with dimensions and compounds served', async () => {
    const r = await x.h.call<FirmView>('ratings', 'firm', { firmId: DEMO.firm1 }, null);
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
    const r = await x.h.call('ratings', 'firm', { firmId: 'f_none' }, null);
    expect(errorOf(r)?.code).toBe('NOT_FOUND');
  });

  test('gives each firm’s latest grade, null for a firm never rated', async () => {
    const r = await x.h.call<FirmGrade[]>('ratings', 'firmGrades', { firmIds: [DEMO.firm2, 'f_none'] }, 'demo-oc');
    expect(r.ok && r.data).toEqual([
      { firmId: DEMO.firm2, period: '2026-H1', label: '2026年上半年', grade: 'B', creditScore: 61.43, list: 'black', hasPartyOrg: false },
      { firmId: 'f_none', period: null, label: null, grade: null, creditScore: null, list: null, hasPartyOrg: false },
    ]);
  });

  test('rejects an empty list of firms', async () => {
    const r = await x.h.call('ratings', 'firmGrades', { firmIds: [] }, null);
    expect(errorOf(r)?.code).toBe('INVALID_INPUT');
  });
});
