/**
 * ratings.publish does not grow with the number of firms (issue #16 §1): a community whose
 * compounds are served by 22 firms publishes in the same round trips in sequence as the demo's two
 * (bench/round-trip-depths.ts), counted by the DelayStore on the seeded embedded database. Every
 * firm's result, city-wide result and grade is written, in one transaction.
 */
import { DelayStore } from '../../bench/lib/delay-store';
import { BENCH_NOW } from '../../bench/lib/round-trips';
import { DEPTH_BUDGETS } from '../../bench/round-trip-depths';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { MemoryLogger } from '../../cloudfunctions/core/adapters/console-logger';
import { OutboxNotifier } from '../../cloudfunctions/core/adapters/outbox-notifier';
import { COMPOUNDS, FIRMS, type CompoundDoc, type FirmDoc } from '../../cloudfunctions/core/app/community/community';
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { CITY_RESULTS } from '../../cloudfunctions/core/app/ratings/city';
import { CITY_GRADES, LATEST_GRADES, type CityGradesDoc } from '../../cloudfunctions/core/app/ratings/city-grades';
import { FIRM_RESULTS } from '../../cloudfunctions/core/app/ratings/rating';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';

const EXTRA = 20;
const period = '2026-H2';
const scores = (n: number) => ({ environment: n, greening: n, security: n, facilities: n, repairs: n, fees: n, coGovernance: n });

/** Publishes the demo community's period with `extra` more compounds, each served by a firm of its own, rated; its depth. */
async function publishDepth(extra: number): Promise<{ depth: number; firms: number; city: number; graded: number }> {
  const clock = new FixedClock(BENCH_NOW);
  const base = createLocalDeps({ filename: ':memory:', clock, logger: new MemoryLogger() });
  try {
    await seedDemo(base);
    const [compound, firm] = await Promise.all([
      base.store.get<CompoundDoc>(COMPOUNDS, DEMO.compound2),
      base.store.get<FirmDoc>(FIRMS, DEMO.firm2),
    ]);
    const plain = createCloudEntry('ratings', FUNCTIONS.ratings, base);
    const ids = Array.from({ length: extra }, (_, i) => `f_depth_${i}`);
    for (let i = 0; i < extra; i++) {
      const firmId = `f_depth_${i}`;
      await base.store.insert(FIRMS, {
        ...firm!,
        _id: firmId,
        name: `物业${i}`,
        creditCode: `91421000MA4DEPTH${String(i).padStart(2, '0')}`,
      });
      await base.store.insert(COMPOUNDS, { ...compound!, _id: `cp_depth_${i}`, name: `小区${i}`, firmId, firmName: `物业${i}` });
      const data = { compoundId: `cp_depth_${i}`, period, scores: scores((i % 5) + 1) };
      expect(await plain({ action: 'submit', data }, platformContextFor('demo-party'))).toMatchObject({ ok: true });
    }
    const delay = new DelayStore(base.store);
    const deps = { ...base, store: delay, notifier: new OutboxNotifier(delay, clock) };
    const r = await createCloudEntry(
      'ratings',
      FUNCTIONS.ratings,
      deps,
    )({ action: 'publish', data: { period } }, platformContextFor('demo-party'));
    const depth = delay.reset();
    expect(r).toMatchObject({ ok: true });
    const grades = await base.store.get<CityGradesDoc>(CITY_GRADES, LATEST_GRADES);
    return {
      depth,
      firms: await base.store.count(FIRM_RESULTS, { communityId: DEMO.communityId, period }),
      city: await base.store.count(CITY_RESULTS, { period, firmId: { $in: ids } }),
      graded: Object.keys(grades?.grades ?? {}).filter((f) => ids.includes(f)).length,
    };
  } finally {
    await base.store.close();
  }
}

test(`publishing a community served by ${EXTRA + 2} firms takes the round trips of one served by 2`, async () => {
  const two = await publishDepth(0);
  const many = await publishDepth(EXTRA);
  expect(two.firms).toBe(2);
  expect({ firms: many.firms, city: many.city, graded: many.graded }).toEqual({ firms: EXTRA + 2, city: EXTRA, graded: EXTRA });
  expect(many.depth).toBe(two.depth);
  expect(many.depth).toBeLessThanOrEqual(DEPTH_BUDGETS['ratings.publish'].depth);
}, 60_000);
