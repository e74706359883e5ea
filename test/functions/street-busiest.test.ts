/**
 * The busiest firms the city overview lists (app/community/totals.ts): each street's, set on its
 * totals document by every write that moves its firm counts, computed from the counts it holds —
 * so a firm whose counts go down leaves the list for the right next one — and the city's, one query
 * of the firms' city-wide counts. A deployment whose data predates them (a street's totals on its
 * own document, or totals carrying every firm's counts) gets them from the scheduler's backfill.
 */
import type { OverviewView } from '../../cloudfunctions/core/app/admin/overview';
import { streetTotals } from '../../cloudfunctions/core/app/admin/recount';
import { COMMUNITIES, STREETS, STREET_TOTALS, type CommunityDoc, type StreetDoc } from '../../cloudfunctions/core/app/community/community';
import {
  busiestOf,
  FIRM_TOTALS,
  incCommunity,
  STREET_FIRMS,
  type FirmCounts,
  type FirmTotalsDoc,
  type StreetBusiest,
  type StreetFirmsDoc,
} from '../../cloudfunctions/core/app/community/totals';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import { sumCounters } from '../../cloudfunctions/core/domain/oversight';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const cityView = async (): Promise<OverviewView> => {
  const r = await h.call<OverviewView>('admin', 'overview', { level: 'city' }, 'demo-admin');
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};

/** A street's communities' firm counts summed, as a recount of their counters gives them. */
async function firmCountsOf(streetId?: string): Promise<FirmCounts> {
  const communities = await h.store.find<CommunityDoc>(COMMUNITIES, streetId ? { streetId } : { streetId: { $exists: true } });
  return sumCounters(communities.map((c) => c.counters)).requests?.firm ?? {};
}

/** Moves firms' request totals in community 2 (street 2), as a request's write does. */
const move = (totals: Record<string, number>, streetId?: string) =>
  h.store.transaction((tx) =>
    incCommunity(
      tx,
      DEMO.community2,
      Object.fromEntries(Object.entries(totals).map(([f, n]) => [`counters.requests.firm.${f}.total`, n])),
      streetId,
    ),
  );

const ids = (list: Array<{ firmId: string }>) => list.map((f) => f.firmId);

test("a firm whose counts go down leaves a street's busiest for the next one, in the street's row and the city's", async () => {
  await move(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f_x${i}`, i + 1])), DEMO.street2);
  const first = await h.store.get<StreetBusiest & { _id: string }>(STREET_TOTALS, DEMO.street2);
  expect(ids(first?.busiest ?? [])).toEqual(ids(busiestOf(await firmCountsOf(DEMO.street2)).busiest));
  expect(ids(first?.busiest ?? [])).toContain('f_x11');
  expect(ids(first?.busiest ?? [])).not.toContain('f_x0');

  // The two busiest lose their requests (the street read beside the community's write): the next ones come in.
  await move({ f_x11: -12, f_x10: -10 });
  const want = busiestOf(await firmCountsOf(DEMO.street2));
  const now = await h.store.get<StreetBusiest & { _id: string }>(STREET_TOTALS, DEMO.street2);
  const ranks = (b?: StreetBusiest | null) => ({ firmCount: b?.firmCount, busiest: b?.busiest?.map((f) => [f.firmId, f.total]) });
  expect(ranks(now)).toEqual(ranks(want));
  expect(ids(now?.busiest ?? [])).not.toContain('f_x11');
  expect(ids(now?.busiest ?? []).filter((id) => !ids(first?.busiest ?? []).includes(id)).length).toBeGreaterThan(0);

  const view = await cityView();
  const row = view.rows.find((r) => r.id === DEMO.street2)!;
  expect({ byFirm: row.requests.byFirm.map((f) => [f.firmId, f.total]), firmCount: row.requests.firmCount }).toEqual({
    byFirm: want.busiest.map((f) => [f.firmId, f.total]),
    firmCount: want.firmCount,
  });
  // The city's busiest: of every street's firm counts summed, from the firms' city-wide counts.
  const city = busiestOf(await firmCountsOf());
  expect({ byFirm: view.total.requests.byFirm.map((f) => [f.firmId, f.total]), firmCount: view.total.requests.firmCount }).toEqual({
    byFirm: city.busiest.map((f) => [f.firmId, f.total]),
    firmCount: city.firmCount,
  });
});

test("data from before the busiest firms and the street totals gets them at the scheduler's backfill, and the city overview is as before", async () => {
  const before = await cityView();
  const full = async (streetId: string) => {
    const t = streetTotals(await h.store.find<CommunityDoc>(COMMUNITIES, { streetId }));
    return { ...t, counters: { ...t.counters, requests: { ...t.counters.requests, firm: t.firm } } };
  };
  // Street 1 as its totals were before the firm counts documents: every firm's counts on them, no busiest.
  const one = await full(DEMO.street1);
  expect(Object.keys(one.firm).length).toBeGreaterThan(0);
  await h.store.update(STREET_TOTALS, DEMO.street1, { $set: { counters: one.counters }, $unset: ['busiest', 'firmCount'] });
  // Street 2 as before the totals documents: the street's own document carries them.
  const two = await full(DEMO.street2);
  await h.store.update(STREETS, DEMO.street2, { $set: { counters: two.counters, backbone: two.backbone } });
  await h.store.remove(STREET_TOTALS, DEMO.street2);
  for (const s of [DEMO.street1, DEMO.street2]) await h.store.remove(STREET_FIRMS, s);
  for (const f of await h.store.find<FirmTotalsDoc>(FIRM_TOTALS, {})) await h.store.remove(FIRM_TOTALS, f._id);
  expect(await cityView()).not.toEqual(before);

  await tick(h.deps);
  for (const streetId of [DEMO.street1, DEMO.street2]) {
    const { communities, firm, ...totals } = streetTotals(await h.store.find<CommunityDoc>(COMMUNITIES, { streetId }));
    const [street, held, firms] = await Promise.all([
      h.store.get<StreetDoc>(STREETS, streetId),
      h.store.get(STREET_TOTALS, streetId),
      h.store.get<StreetFirmsDoc>(STREET_FIRMS, streetId),
    ]);
    expect(street).toMatchObject({ communities });
    expect(street).not.toHaveProperty('counters');
    expect(held).toEqual({ _id: streetId, ...totals });
    expect(firms).toEqual({ _id: streetId, firm });
  }
  const city = await firmCountsOf();
  const held = await h.store.find<FirmTotalsDoc>(FIRM_TOTALS, {});
  expect(Object.fromEntries(held.map((f) => [f._id, f.requests]))).toEqual(city);
  expect(await cityView()).toEqual(before);
});
