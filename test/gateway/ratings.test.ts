import type { BoardView, FirmView } from '../../cloudfunctions/core/app/ratings/views';
import { compoundSatisfaction } from '../../cloudfunctions/core/app/requests/stats';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { startTestGateway, type TestGateway } from '../support/gateway';

let g: TestGateway;
beforeAll(async () => {
  g = await startTestGateway();
});
afterAll(() => g.close());

const scores = (...row: number[]) => {
  const [environment, greening, security, facilities, repairs, fees, coGovernance] = row;
  return { environment, greening, security, facilities, repairs, fees, coGovernance };
};
/** A sheet's rating per RULES.md §4: mean score mapped 1 → 0, 5 → 100. */
const rating = (row: number[]) => ((row.reduce((a, b) => a + b, 0) / row.length - 1) / 4) * 100;
const grade = (x: number) => (x >= 85 ? 'AAA' : x >= 80 ? 'AA' : x >= 70 ? 'A' : x >= 60 ? 'B' : 'C');

/** The quality score the rules give, worked out independently: 0.4 / 0.3 / 0.3 over the components with data. */
async function expected(compoundId: string, party: number, committee: number[]): Promise<number> {
  const s = await compoundSatisfaction(g.deps, compoundId, '2026-07-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00');
  const oc = committee.reduce((a, b) => a + b, 0) / committee.length;
  const parts: Array<[number, number]> = [
    [party, 0.3],
    [oc, 0.3],
  ];
  if (s.rated > 0) parts.push([(100 * s.satisfied) / s.rated, 0.4]);
  return Math.round((parts.reduce((a, [v, w]) => a + v * w, 0) / parts.reduce((a, [, w]) => a + w, 0)) * 100) / 100;
}

// The seed's open sheets of 2026-H2 (demo-oc2 on 江津花园, demo-oc3 on 万寿园) count too.
const SEEDED_OC2 = [4, 4, 4, 4, 4, 4, 4];
const SEEDED_OC3 = [4, 3, 4, 4, 3, 4, 4];
const OC_JIANGJIN = [5, 5, 4, 5, 4, 4, 5];
const PARTY_JIANGJIN = [5, 5, 5, 5, 4, 5, 5];
const PARTY_WANSHOU = [3, 3, 3, 2, 3, 3, 3];

test('demo-oc, demo-cparty and demo-party rate the compounds, demo-party publishes, and the board grades each firm by the rules', async () => {
  const period = '2026-H2';
  const a = await g.post(
    'ratings',
    'submit',
    { compoundId: DEMO.compound1, period, scores: scores(...OC_JIANGJIN), comment: '服务态度好' },
    'demo-oc',
  );
  const b = await g.post('ratings', 'submit', { compoundId: DEMO.compound1, period, scores: scores(...PARTY_JIANGJIN) }, 'demo-cparty');
  const c = await g.post(
    'ratings',
    'submit',
    { compoundId: DEMO.compound2, period, scores: scores(...PARTY_WANSHOU), comment: '设施老化，整改缓慢' },
    'demo-party',
  );
  expect([a.ok, b.ok, c.ok]).toEqual([true, true, true]);

  const published = await g.post<BoardView>('ratings', 'publish', { period }, 'demo-party');
  expect(published.ok).toBe(true);

  const board = await g.post<BoardView>('ratings', 'board', {});
  expect(board.ok && board.data.period).toBe(period);
  const chuyun = await expected(DEMO.compound1, rating(PARTY_JIANGJIN), [rating(OC_JIANGJIN), rating(SEEDED_OC2)]);
  const jinghua = await expected(DEMO.compound2, rating(PARTY_WANSHOU), [rating(SEEDED_OC3)]);
  const firms = board.ok ? board.data.firms : [];
  expect(firms.map((f) => [f.firmId, f.creditScore, f.grade])).toEqual(
    [
      [DEMO.firm1, chuyun, grade(chuyun)],
      [DEMO.firm2, jinghua, grade(jinghua)],
    ].sort((x, y) => (y[1] as number) - (x[1] as number)),
  );
  const onRed = [chuyun, jinghua].map((x, i) => [[DEMO.firm1, DEMO.firm2][i], grade(x)] as const);
  expect(board.ok && board.data.red.map((f) => f.firmId)).toEqual(onRed.filter(([, gr]) => gr === 'AAA').map(([id]) => id));
  expect((board.ok ? board.data.black.map((f) => f.firmId) : []).sort()).toEqual(onRed.filter(([, gr]) => gr === 'C').map(([id]) => id));

  // The period is now closed, and the firm page carries the new result at the top of its history.
  const late = await g.post('ratings', 'submit', { compoundId: DEMO.compound1, period, scores: scores(...OC_JIANGJIN) }, 'demo-oc');
  expect(!late.ok && late.error.reason).toBe('PERIOD_PUBLISHED');
  const firm = await g.post<FirmView>('ratings', 'firm', { firmId: DEMO.firm1 });
  expect(firm.ok && firm.data.history.map((h) => h.period)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
});

test('answers bad input through HTTP with the envelope and INVALID_INPUT', async () => {
  const r = await g.post(
    'ratings',
    'submit',
    { compoundId: DEMO.compound1, period: '2026-H3', scores: scores(4, 4, 4, 4, 4, 4, 0) },
    'demo-oc',
  );
  expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
  expect(!r.ok && r.error.issues?.map((i) => i.path[0]).sort()).toEqual(['period', 'scores']);
});

test('serves the board to a caller without identity', async () => {
  const r = await g.post<BoardView>('ratings', 'board', { period: '2025-H2' });
  expect(r.ok && r.data.black.map((f) => f.firmId)).toEqual([DEMO.firm2]);
});
