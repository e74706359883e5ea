/**
 * The latest city-wide grades (app/ratings/city-grades.ts), which the city overview counts firms by,
 * are kept on write: after a random mix of community publications and withdrawals of firms' results
 * in several periods, some at once, and of losses of the grades document (data from before it),
 * the document equals a recount from the city-wide results, and so does what the overview reads.
 */
import fc from 'fast-check';
import { CITY_RESULTS, type CityResultDoc } from '../../cloudfunctions/core/app/ratings/city';
import { recomputeCityResults } from '../../cloudfunctions/core/app/ratings/city-state';
import {
  CITY_GRADES,
  LATEST_GRADES,
  cityGrades,
  recountCityGrades,
  type CityGradesDoc,
} from '../../cloudfunctions/core/app/ratings/city-grades';
import { FIRM_RESULTS, type FirmResultDoc } from '../../cloudfunctions/core/app/ratings/rating';
import type { Period } from '../../cloudfunctions/core/domain/period';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

const FIRMS = ['f_g0', 'f_g1', 'f_g2', 'f_g3'];
const COMMUNITIES = [DEMO.communityId, DEMO.community2];
// Later than the seed's periods, and one of them (the seed's latest results stay in the mix).
const PERIODS: Period[] = ['2026-H1', '2026-H2', '2027-H1'];

type Write =
  | { t: 'publish'; firm: number; community: number; period: number; scores: Array<number | null> }
  | { t: 'withdraw'; firm: number; community: number; period: number }
  | { t: 'forget' };

/** Which firm, community and period a write is about. */
const place = {
  firm: fc.nat(FIRMS.length - 1),
  community: fc.nat(COMMUNITIES.length - 1),
  period: fc.nat(PERIODS.length - 1),
};
const scores = fc.array(fc.option(fc.integer({ min: 40, max: 100 })), { minLength: 1, maxLength: 3 });
const write: fc.Arbitrary<Write> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('publish' as const), ...place, scores }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('withdraw' as const), ...place }) },
  { weight: 1, arbitrary: fc.constant({ t: 'forget' as const }) },
);

/** A community's result for a firm changes (as its publication stores it), then the firm's city-wide result is recomputed. */
async function apply(h: Harness, w: Write): Promise<void> {
  if (w.t === 'forget') {
    await h.store.remove(CITY_GRADES, LATEST_GRADES);
    return;
  }
  await recomputeCityResults(h.deps, await storeRow(h, w), [FIRMS[w.firm]]);
}

/** The community's result replaced (or withdrawn) in one write, as its publication stores it; its period. */
async function storeRow(h: Harness, w: Exclude<Write, { t: 'forget' }>, at?: Period): Promise<Period> {
  const firmId = FIRMS[w.firm];
  const communityId = COMMUNITIES[w.community];
  const period = at ?? PERIODS[w.period];
  const id = `${communityId}:${period}:${firmId}`;
  let doc: FirmResultDoc | null = null;
  if (w.t === 'publish') {
    doc = {
      _id: id,
      communityId,
      period,
      n: 1,
      publishedAt: h.clock.now().toISOString(),
      firmId,
      firmName: `物业${w.firm}`,
      seriousItems: 0,
      compounds: w.scores.map((score, i) => ({ compoundId: `${id}:${i}`, score })),
    } as unknown as FirmResultDoc;
  }
  await h.store.transaction(async (tx) => {
    await tx.remove(FIRM_RESULTS, id);
    if (doc) await tx.insert(FIRM_RESULTS, doc);
  });
  return period;
}

describe('the latest city-wide grades', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness();
  });
  afterAll(() => h.close());

  test('start from the results: the seed’s document is the recount', async () => {
    const doc = await h.store.get<CityGradesDoc>(CITY_GRADES, LATEST_GRADES);
    expect(doc).not.toBeNull();
    expect({ period: doc?.period, grades: doc?.grades }).toEqual(await recountCityGrades(h.store));
  });

  test('equal a recount after a random mix of publications, withdrawals and losses, some at once', async () => {
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (batches) => {
        // Each batch at once: concurrent recomputations of different firms and periods.
        for (const batch of batches) await Promise.all(batch.map((w) => apply(h, w)));
        const recount = await recountCityGrades(h.store);
        const doc = await h.store.get<CityGradesDoc>(CITY_GRADES, LATEST_GRADES);
        if (doc) {
          kept++;
          expect({ period: doc.period, grades: doc.grades }).toEqual(recount);
        }
        expect(await cityGrades(h.store)).toEqual(recount);
      }),
      { numRuns: 40 },
    );
    // Most runs end with the document (a loss is the last write of few); the results hold graded firms.
    expect(kept).toBeGreaterThan(20);
    const latest = await h.store.find<CityResultDoc>(CITY_RESULTS, { period: (await recountCityGrades(h.store))?.period ?? '' });
    expect(latest.length).toBeGreaterThan(0);
  });

  test('hold both firms when two firms’ first results of a later period are recomputed at once', async () => {
    const later: Period = '2027-H2';
    const place = (firm: number) => ({ firm, community: 0, scores: [90 - 40 * firm] });
    for (const firm of [0, 1]) await storeRow(h, { t: 'publish', ...place(firm), period: -1 }, later);
    await Promise.all([0, 1].map((firm) => recomputeCityResults(h.deps, later, [FIRMS[firm]])));
    const doc = await h.store.get<CityGradesDoc>(CITY_GRADES, LATEST_GRADES);
    expect({ period: doc?.period, grades: doc?.grades }).toEqual({ period: later, grades: { [FIRMS[0]]: 'AAA', [FIRMS[1]]: 'C' } });
    expect({ period: doc?.period, grades: doc?.grades }).toEqual(await recountCityGrades(h.store));
  });
});
