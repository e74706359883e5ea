/** admin.overview (RULES.md §1 targets, §9 oversight): the city's streets and a street's communities, from the counters. */
import type { OverviewView } from '../../cloudfunctions/core/app/admin/overview';
import type { CommunityDoc, CompoundDoc } from '../../cloudfunctions/core/app/community/community';
import { recountCityGrades } from '../../cloudfunctions/core/app/ratings/city-grades';
import { recountCommunity } from '../../cloudfunctions/core/app/admin/recount';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

async function overview(data: object, openid = 'demo-admin'): Promise<OverviewView> {
  const r = await h.call<OverviewView>('admin', 'overview', data, openid);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('admin.overview', () => {
  test('the city: one row per street, each summing its communities, the total summing the streets', async () => {
    const v = await overview({ level: 'city' });
    expect(v).toMatchObject({ level: 'city', streetId: null, name: '全市' });
    expect(v.rows.map((r) => [r.level, r.id]).sort()).toEqual([
      ['street', DEMO.street1],
      ['street', DEMO.street2],
    ]);
    const hongxing = await recountCommunity(h.store, DEMO.communityId);
    const wenhua = await recountCommunity(h.store, DEMO.community2);
    const street1 = v.rows.find((r) => r.id === DEMO.street1)!;
    expect(street1.volunteers).toMatchObject({ count: hongxing.counters.volunteers, base: hongxing.counters.residents, target: 0.15 });
    expect(street1.volunteers.share).toBeCloseTo(hongxing.counters.volunteers! / hongxing.counters.residents!, 4);
    expect(v.total.volunteers.count).toBe(hongxing.counters.volunteers! + wenhua.counters.volunteers!);
    expect(v.total.ocParty).toMatchObject({ count: hongxing.counters.ocPartyMembers! + wenhua.counters.ocPartyMembers!, target: 0.5 });
    expect(v.total.compoundParty).toEqual({ covered: 1, compounds: 3, share: 0.3333 });
    expect(v.total.requests.total).toBe(v.rows.reduce((n, r) => n + r.requests.total, 0));
    expect(v.total.backbone.reportedMembers).toBe(v.rows.reduce((n, r) => n + r.backbone.reportedMembers, 0));
    expect(v.total.backbone.reportedMembers).toBeGreaterThan(0);
    // Both demo firms serve compounds; firm2 serves one in each street but counts once in the city.
    expect(Object.values(v.total.firmsByGrade).reduce((a, b) => a + b, 0)).toBe(2);
  });

  test('a street: one row per community, against that community’s own targets as its rules set them', async () => {
    const set = await h.call('admin', 'setRules', { communityId: DEMO.communityId, rules: { volunteerTarget: 0.2 } }, 'demo-street');
    expect(code(set)).toBe('ok');
    const v = await overview({ level: 'street' }, 'demo-street');
    expect(v).toMatchObject({ level: 'street', streetId: DEMO.street1, name: '胜利街道' });
    expect(v.rows.map((r) => [r.level, r.id, r.name])).toEqual([['community', DEMO.communityId, '红星社区']]);
    expect(v.rows[0].volunteers.target).toBe(0.2);
    expect(v.rows[0].ocParty.target).toBe(0.5);
    expect(v.rows[0].requests.byParty).toHaveProperty('residents_committee');
    expect(v.rows[0].requests.byFirm.map((f) => f.firmId)).toContain(DEMO.firm1);
  });

  test('a street_admin sees its own street only: another street or the city is FORBIDDEN', async () => {
    expect(code(await h.call('admin', 'overview', { level: 'street', streetId: DEMO.street2 }, 'demo-street'))).toBe('FORBIDDEN');
    expect(code(await h.call('admin', 'overview', { level: 'city' }, 'demo-street'))).toBe('FORBIDDEN');
    expect(code(await h.call('admin', 'overview', { level: 'street' }, 'demo-rc'))).toBe('FORBIDDEN');
    expect(code(await h.call('admin', 'overview', { level: 'street' }, 'demo-admin'))).toBe('INVALID_INPUT');
    expect(code(await h.call('admin', 'overview', { level: 'street', streetId: 'st_none' }, 'demo-admin'))).toBe('NOT_FOUND');
  });

  test('firms by grade: each row counts the firms serving its compounds by their grade in the latest city-wide results', async () => {
    const latest = await recountCityGrades(h.store);
    const byGrade = async (communityIds: string[]) => {
      const compounds = await h.store.find<CompoundDoc>('compounds', { communityId: { $in: communityIds } });
      const out: Record<string, number> = { AAA: 0, AA: 0, A: 0, B: 0, C: 0, none: 0 };
      for (const firmId of new Set(compounds.map((k) => k.firmId))) out[latest?.grades[firmId] ?? 'none']++;
      return out;
    };
    const communities = await h.store.find<CommunityDoc>('communities', {});
    const city = await overview({ level: 'city' });
    expect(city.period).toBe(latest?.period);
    expect(city.total.firmsByGrade).toEqual(await byGrade(communities.map((c) => c._id)));
    for (const row of city.rows) {
      const mine = communities.filter((c) => c.streetId === row.id).map((c) => c._id);
      expect({ street: row.id, ...row.firmsByGrade }).toEqual({ street: row.id, ...(await byGrade(mine)) });
    }
    expect(Object.values(city.total.firmsByGrade).reduce((a, b) => a + b, 0)).toBeGreaterThan(1);
  });

  test('reads the counters, not the records: a counter moved by hand shows as it stands', async () => {
    await h.store.update('communities', DEMO.community2, { $inc: { 'counters.residents': 1000 } });
    const c = await h.store.get<CommunityDoc>('communities', DEMO.community2);
    const v = await overview({ level: 'street', streetId: DEMO.street2 });
    expect(v.rows[0].volunteers.base).toBe(c?.counters?.residents);
  });

  test("the city reads the streets' totals, not their communities: a street total moved by hand shows as it stands", async () => {
    await h.store.update('streets', DEMO.street2, { $inc: { communities: 5 } });
    await h.store.update('street_totals', DEMO.street2, { $inc: { 'counters.residents': 1000 } });
    const city = await overview({ level: 'city' });
    const street = await overview({ level: 'street', streetId: DEMO.street2 });
    const row = city.rows.find((r) => r.id === DEMO.street2)!;
    expect(row.volunteers.base).toBe(street.total.volunteers.base + 1000);
    expect(row.communities).toBe(street.rows.length + 5);
    // Untouched, a street's row in the city is its own overview's total.
    const street1 = await overview({ level: 'street', streetId: DEMO.street1 });
    expect({ ...city.rows.find((r) => r.id === DEMO.street1), level: 'street' }).toEqual({ ...street1.total, name: street1.name });
  });

  test('a row lists the 10 firms with the most requests, and how many had any', async () => {
    const inc = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`counters.requests.firm.f_x${i}.total`, i + 1]));
    await h.store.update('communities', DEMO.community2, { $inc: inc });
    const v = await overview({ level: 'street', streetId: DEMO.street2 });
    const { byFirm, firmCount } = v.rows[0].requests;
    expect(firmCount).toBe(12);
    expect(byFirm.map((f) => f.total)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
  });

  test('a community whose data predates the counters gets them at the next scheduler tick', async () => {
    await h.store.update('communities', DEMO.community2, { $unset: ['counters'] });
    expect((await overview({ level: 'street', streetId: DEMO.street2 })).rows[0].volunteers.base).toBe(0);
    const { tick } = await import('../../cloudfunctions/core/app/scheduler/tick');
    expect((await tick(h.deps)).counters).toBe(1);
    const wenhua = await recountCommunity(h.store, DEMO.community2);
    expect((await overview({ level: 'street', streetId: DEMO.street2 })).rows[0].volunteers.base).toBe(wenhua.counters.residents);
    expect(wenhua.counters.residents).toBeGreaterThan(0);
  });

  test('a street whose data predates its totals gets them at the next scheduler tick', async () => {
    await h.store.update('streets', DEMO.street2, { $unset: ['communities'] });
    await h.store.remove('street_totals', DEMO.street2);
    const before = await overview({ level: 'city' });
    expect(before.rows.find((r) => r.id === DEMO.street2)?.communities).toBe(0);
    const { tick } = await import('../../cloudfunctions/core/app/scheduler/tick');
    await tick(h.deps);
    const city = await overview({ level: 'city' });
    const street = await overview({ level: 'street', streetId: DEMO.street2 });
    expect(street.total.volunteers.base).toBeGreaterThan(0);
    expect({ ...city.rows.find((r) => r.id === DEMO.street2), level: 'street' }).toEqual({ ...street.total, name: street.name });
  });
});
