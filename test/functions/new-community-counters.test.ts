/**
 * A community created by `admin.createCommunity` or the structure import is counted from its first
 * write: it carries `counters.recountedAt`, so the scheduler's backfill (app/admin/recount.ts, which
 * recounts outside the writes' transactions and then rewrites its street's totals) never touches a
 * community in use. Only data from before the counters is backfilled. A created street's totals
 * (community/totals.ts) start at its first counted write.
 */
import type { OverviewView } from '../../cloudfunctions/core/app/admin/overview';
import { countersTick, recountCommunity } from '../../cloudfunctions/core/app/admin/recount';
import { COMMUNITIES, STREET_TOTALS, type CommunityDoc, type StreetTotalsDoc } from '../../cloudfunctions/core/app/community/community';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('created and imported communities are never backfilled by the scheduler', async () => {
  expect(await countersTick(h.deps)).toBe(0);
  const made = await h.call<{ communityId: string }>(
    'admin',
    'createCommunity',
    { streetId: DEMO.street1, name: '新建社区' },
    'demo-admin',
  );
  if (!made.ok) throw new Error(made.error.message);
  const rows = [{ district: '沙市区', street: '新设街道', community: '导入社区', compound: '导入小区', building: '1栋' }];
  const imported = await h.call('admin', 'importStructure', { rows }, 'demo-admin');
  expect(imported.ok).toBe(true);

  const created = await h.store.find<CommunityDoc>(COMMUNITIES, { name: { $in: ['新建社区', '导入社区'] } });
  expect(created).toHaveLength(2);
  for (const c of created) expect(c.counters?.recountedAt).toEqual(expect.any(String));
  expect(await countersTick(h.deps)).toBe(0);
});

test("a created street's totals start at its first counted write, and the city overview shows them", async () => {
  const must = async <T>(action: string, data: object): Promise<T> => {
    const r = await h.call<T>('admin', action, data, 'demo-admin');
    if (!r.ok) throw new Error(`${action}: ${r.error.message}`);
    return r.data;
  };
  const { streetId } = await must<{ streetId: string }>('createStreet', { name: '朝阳街道', district: '沙市区' });
  expect(await h.store.get<StreetTotalsDoc>(STREET_TOTALS, streetId)).toBeNull();
  const { communityId } = await must<{ communityId: string }>('createCommunity', { streetId, name: '朝阳社区' });
  for (const name of ['朝阳一区', '朝阳二区']) await must('createCompound', { communityId, name, buildings: ['1栋'] });
  // The street's totals: what its community counts (compounds, nothing else yet), as a recount finds it.
  const totals = await h.store.get<StreetTotalsDoc>(STREET_TOTALS, streetId);
  const recount = await recountCommunity(h.store, communityId);
  expect(recount.counters.compounds).toBe(2);
  expect(totals).toEqual({ _id: streetId, counters: { compounds: 2 } });
  const city = await must<OverviewView>('overview', { level: 'city' });
  expect(city.rows.find((r) => r.id === streetId)).toMatchObject({ communities: 1, compoundParty: { compounds: 2 } });
});
