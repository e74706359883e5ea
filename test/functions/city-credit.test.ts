/**
 * Credit across two communities (RULES.md §4): 荆华物业 serves 万寿园小区 in 红星社区 and 太湖港小区
 * in 文化社区. Each community publishes its own compounds; a publication stays frozen when the
 * other community publishes; the firm's city-wide score is the mean over both compounds.
 */
import type { BoardView, FirmGrade } from '../../cloudfunctions/core/app/ratings/views';
import type { DimensionScores } from '../../cloudfunctions/core/domain/credit';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const period = '2026-H2';
const all = (n: number): DimensionScores => ({
  environment: n,
  greening: n,
  security: n,
  facilities: n,
  repairs: n,
  fees: n,
  coGovernance: n,
});

async function must<T>(fn: 'ratings', action: string, data: object, openid: string): Promise<T> {
  const r = await h.call<T>(fn, action, data, openid);
  if (!r.ok) throw new Error(`${action} as ${openid}: ${JSON.stringify(r.error)}`);
  return r.data;
}

const rows = (table: string, where: (d: Record<string, unknown>) => boolean) =>
  (h.store.db.prepare(`SELECT _id, data FROM "${table}" ORDER BY _id`).all() as Array<{ _id: string; data: string }>).filter((r) =>
    where(JSON.parse(r.data) as Record<string, unknown>),
  );

test('publishing community 2 leaves community 1 frozen, and the city-wide score is the mean over both', async () => {
  // Community 1: 万寿园小区 rated well by the community party organisation (no compound party there) and its owners' committee.
  await must('ratings', 'submit', { compoundId: DEMO.compound2, period, scores: all(5) }, 'demo-party');
  await must('ratings', 'submit', { compoundId: DEMO.compound2, period, scores: all(4) }, 'demo-oc3');
  const first = await must<BoardView>('ratings', 'publish', { period }, 'demo-party');
  const q1 = first.firms.find((f) => f.firmId === DEMO.firm2)?.compounds[0].score as number;
  const frozen = {
    periods: rows('rating_periods', (d) => d.communityId === DEMO.communityId),
    publications: rows('rating_publications', (d) => d.communityId === DEMO.communityId),
    results: rows('rating_firm_results', (d) => d.communityId === DEMO.communityId),
  };
  const before = await must<FirmGrade[]>('ratings', 'firmGrades', { firmIds: [DEMO.firm2] }, 'demo-oc');
  expect(before[0].creditScore).toBe(q1);

  // Community 2: 太湖港小区, the same firm, rated badly.
  await must('ratings', 'submit', { compoundId: DEMO.compound3, period, scores: all(1) }, 'demo-party2');
  await must('ratings', 'submit', { compoundId: DEMO.compound3, period, scores: all(2) }, 'demo-oc4');
  const second = await must<BoardView>('ratings', 'publish', { period }, 'demo-party2');
  const q2 = second.firms.find((f) => f.firmId === DEMO.firm2)?.compounds[0].score as number;
  expect(q2).toBeLessThan(q1);

  // Community 1's publication is exactly as it was.
  expect({
    periods: rows('rating_periods', (d) => d.communityId === DEMO.communityId),
    publications: rows('rating_publications', (d) => d.communityId === DEMO.communityId),
    results: rows('rating_firm_results', (d) => d.communityId === DEMO.communityId),
  }).toEqual(frozen);

  // The firm's city-wide score is the mean over both compounds, and the grade shown anywhere follows it.
  const after = await must<FirmGrade[]>('ratings', 'firmGrades', { firmIds: [DEMO.firm2] }, 'demo-oc');
  expect(after[0].creditScore).toBeCloseTo((q1 + q2) / 2, 2);
  const city = await must<BoardView>('ratings', 'board', { scope: 'city', period }, 'demo-resident');
  expect(city).toMatchObject({ scope: 'city', communityId: null, communityName: null });
  expect(city.firms.find((f) => f.firmId === DEMO.firm2)?.creditScore).toBe(after[0].creditScore);
  // Each community's own board still shows its own publication.
  const own1 = await must<BoardView>('ratings', 'board', {}, 'demo-resident');
  expect(own1).toMatchObject({ scope: 'community', communityId: DEMO.communityId, period });
  expect(own1.firms.find((f) => f.firmId === DEMO.firm2)?.compounds.map((c) => c.compoundId)).toEqual([DEMO.compound2]);
  const own2 = await must<BoardView>('ratings', 'board', {}, 'demo-resident4');
  expect(own2).toMatchObject({ scope: 'community', communityId: DEMO.community2, period });
});

test("a resident is never shown another community's board as their own", async () => {
  // 文化社区 has published nothing: its resident sees an empty board of their own community, not 红星社区's lists.
  const mine = await must<BoardView>('ratings', 'board', {}, 'demo-resident4');
  expect(mine).toMatchObject({
    scope: 'community',
    communityId: DEMO.community2,
    communityName: '文化社区',
    period: null,
    red: [],
    black: [],
  });
  // They may still look at 红星社区's board by choosing it, and it says whose it is.
  const chosen = await must<BoardView>('ratings', 'board', { communityId: DEMO.communityId }, 'demo-resident4');
  expect(chosen).toMatchObject({ communityId: DEMO.communityId, communityName: '红星社区' });
  expect(chosen.black.length + chosen.red.length).toBeGreaterThan(0);
});

test('a board of a community that does not exist is NOT_FOUND, not an empty board under no name', async () => {
  const r = await h.call('ratings', 'board', { communityId: 'cm_nowhere' }, 'demo-resident');
  expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
