/**
 * A publication is one transaction (app/ratings/publish-actions.ts): the period, its history
 * entry, its firms' results, their city-wide results and the latest grades are written together,
 * all or nothing, decided on reads issued before it. What that must not break: two communities
 * publishing the same firm at once, one community publishing twice at once, and a process dying at
 * any step. After each, every firm's city-wide result equals a recount over the communities'
 * results in force (RULES.md §4), and so do the latest grades.
 */
import { CITY_RESULTS, type CityResultDoc } from '../../../cloudfunctions/core/app/ratings/city';
import { CITY_GRADES, LATEST_GRADES, recountCityGrades, type CityGradesDoc } from '../../../cloudfunctions/core/app/ratings/city-grades';
import { FIRM_RESULTS, type FirmResultDoc, type RatingPeriodDoc } from '../../../cloudfunctions/core/app/ratings/rating';
import { FUNCTIONS } from '../../../cloudfunctions/core/app/functions';
import { cityCredit } from '../../../cloudfunctions/core/domain/city-credit';
import { rulesFor } from '../../../cloudfunctions/core/domain/rules-config';
import type { Store } from '../../../cloudfunctions/core/ports/store';
import { createCloudEntry, platformContextFor } from '../../../cloudfunctions/core/runtime/cloud-entry';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { countingStore, crashPoints, dyingStore } from '../../support/dying-store';
import { restore } from '../../security/support/world';
import { useRatingsHarness } from './support';

const x = useRatingsHarness();
const { all } = x;
const period = '2026-H2';

/** Sheets in both communities for the firm they share (firm2), one for firm1, and a serious item in community 2. */
async function rate(): Promise<void> {
  const calls: Array<[object, string]> = [
    [{ compoundId: DEMO.compound2, period, scores: all(5) }, 'demo-party'],
    [{ compoundId: DEMO.compound1, period, scores: all(3) }, 'demo-oc'],
    [{ compoundId: DEMO.compound3, period, scores: all(2) }, 'demo-party2'],
  ];
  for (const [data, openid] of calls) expect(await x.h.call('ratings', 'submit', data, openid)).toMatchObject({ ok: true });
  const item = { compoundId: DEMO.compound3, period, description: '电梯困人无人处置', evidence: ['投诉记录'] };
  expect(await x.h.call('ratings', 'recordSeriousItem', item, 'demo-party2')).toMatchObject({ ok: true });
}

const publish = (openid: string, reason?: string) => x.h.call('ratings', 'publish', { period, ...(reason ? { reason } : {}) }, openid);

/** Every stored city-wide result of the period against a recount from the results in force, and the grades against theirs. */
async function expectRecount(): Promise<void> {
  const rows = await x.h.store.find<FirmResultDoc>(FIRM_RESULTS, { period });
  const stored = await x.h.store.find<CityResultDoc>(CITY_RESULTS, { period });
  const firms = [...new Set([...rows.map((r) => r.firmId), ...stored.map((c) => c.firmId)])].sort();
  const penalty = async (communityId: string) =>
    rulesFor((await x.h.store.get<{ _id: string; rules?: never }>('communities', communityId))?.rules).seriousItemPenalty;
  for (const firmId of firms) {
    const own = rows.filter((r) => r.firmId === firmId).sort((a, b) => (a._id < b._id ? -1 : 1));
    const expected = cityCredit(
      await Promise.all(
        own.map(async (r) => ({
          communityId: r.communityId,
          compounds: r.compounds.map((c) => ({ compoundId: c.compoundId, score: c.score })),
          seriousItems: r.seriousItems,
          penalty: await penalty(r.communityId),
        })),
      ),
    );
    const doc = stored.find((c) => c.firmId === firmId);
    expect({ firmId, ...doc, sources: doc?.sources.map((s) => s.communityId).sort() }).toMatchObject({
      firmId,
      ...expected,
      sources: own.map((r) => r.communityId).sort(),
    });
  }
  const grades = await x.h.store.get<CityGradesDoc>(CITY_GRADES, LATEST_GRADES);
  expect(grades && { period: grades.period, grades: grades.grades }).toEqual(await recountCityGrades(x.h.store));
}

test('two communities publishing the firm they share at once: its city-wide result counts both, first and on republication', async () => {
  await rate();
  const [one, two] = await Promise.all([publish('demo-party'), publish('demo-party2')]);
  expect([one.ok, two.ok]).toEqual([true, true]);
  await expectRecount();
  const shared = await x.h.store.get<CityResultDoc>(CITY_RESULTS, `${DEMO.firm2}:${period}`);
  expect(shared?.communityCount).toBe(2);
  // Both again, with a reason: now each updates the city-wide result the other may have just moved.
  await x.h.call('ratings', 'submit', { compoundId: DEMO.compound2, period, scores: all(1) }, 'demo-oc3');
  const again = await Promise.all([publish('demo-party', '补充评价表后重新发布'), publish('demo-party2', '复核后重新发布')]);
  expect(again.map((r) => r.ok)).toEqual([true, true]);
  await expectRecount();
  expect((await x.h.store.get<CityResultDoc>(CITY_RESULTS, `${DEMO.firm2}:${period}`))?.sources).toEqual(
    expect.arrayContaining([
      { communityId: DEMO.communityId, n: 2 },
      { communityId: DEMO.community2, n: 2 },
    ]),
  );
});

test('one community publishing twice at once: one publication wins, the other is refused, and the results are the winner’s', async () => {
  await rate();
  const results = await Promise.all([publish('demo-party'), publish('demo-party')]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  for (const r of results.filter((r) => !r.ok)) expect(['PERIOD_CHANGED', 'REASON_REQUIRED']).toContain(r.error?.reason);
  const doc = await x.h.store.get<RatingPeriodDoc>('rating_periods', `${DEMO.communityId}:${period}`);
  expect(doc?.publicationCount).toBe(1);
  expect(await x.h.store.count('rating_publications', { communityId: DEMO.communityId, period })).toBe(1);
  await expectRecount();
});

test('a death at any step of a publication leaves all of it or none of it, and publishing again equals a recount', async () => {
  await rate();
  expect(await publish('demo-party2')).toMatchObject({ ok: true });
  const before = x.h.snapshot();
  const at = x.h.clock.now().toISOString();
  const run = (store: Store, reason?: string) =>
    createCloudEntry('ratings', FUNCTIONS.ratings, { ...x.h.deps, store })(
      { action: 'publish', data: { period, ...(reason ? { reason } : {}) } },
      platformContextFor('demo-party'),
    );
  const counting = countingStore(x.h.store);
  expect(await run(counting.store)).toMatchObject({ ok: true });
  const tables = ['rating_periods', 'rating_publications', FIRM_RESULTS, CITY_RESULTS, CITY_GRADES];
  const part = (snap: Record<string, Array<{ _id: string; data: string }>>) => tables.map((t) => snap[t] ?? []);
  let whole = 0;
  let none = 0;
  for (const point of crashPoints(counting.calls())) {
    restore(x.h, before, at);
    await run(dyingStore(x.h.store, point));
    const doc = await x.h.store.get<RatingPeriodDoc>('rating_periods', `${DEMO.communityId}:${period}`);
    const published = doc?.state === 'published';
    if (published) {
      whole++;
      expect(await x.h.store.count('rating_publications', { communityId: DEMO.communityId, period })).toBe(1);
      await expectRecount();
    } else {
      none++;
      expect({ point, tables: part(x.h.snapshot()) }).toEqual({ point, tables: part(before) });
    }
    // Publishing again (with a reason once it was published) completes it.
    expect(await run(x.h.store, published ? '上次发布后重新核对' : undefined)).toMatchObject({ ok: true });
    await expectRecount();
  }
  expect(whole).toBeGreaterThan(0);
  expect(none).toBeGreaterThan(0);
});
