import { isValidCreditCode } from '../../cloudfunctions/core/domain/credit-code';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

interface Stats {
  residents: number;
  population: number;
  ocMembers: number;
  ocPartyMembers: number;
  ocPartyRatio: number | null;
  ocPartyTarget: number;
  volunteerTarget: number;
}

describe('community.list', () => {
  test("lists the demo community in 荆州市沙市区 with two compounds served by different firms, and the second street's", async () => {
    const r = await h.call<Array<{ communityId: string; district: string; compounds: Array<{ firmId: string; firmName: string }> }>>(
      'community',
      'list',
      {},
      null,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.map((c) => c.communityId).sort()).toEqual([DEMO.communityId, DEMO.community2].sort());
    const first = r.data.find((c) => c.communityId === DEMO.communityId);
    expect(first?.district).toContain('荆州市沙市区胜利街道');
    expect(first?.compounds).toHaveLength(2);
    expect(new Set(first?.compounds.map((c) => c.firmId)).size).toBe(2);
    // The second community's compound is served by a firm of the first (city-wide credit).
    const second = r.data.find((c) => c.communityId === DEMO.community2);
    expect(second?.compounds.map((c) => c.firmId)).toEqual([DEMO.firm2]);
  });

  test("lists every compound of the city, past the store's 1000 per read, and one community alone when asked", async () => {
    // A community with 1,001 compounds (the whole city has 3,000): none may be left out.
    const at = '2026-11-01T00:00:00.000Z';
    await h.store.insert('communities', {
      _id: 'cm_big',
      name: '大社区',
      city: '荆州市',
      district: '沙市区',
      street: '胜利街道',
      streetId: DEMO.street1,
      officePhone: '0716-0000000',
      population: 100000,
      createdAt: at,
    });
    const ids = Array.from({ length: 1001 }, (_, i) => `cp_big_${String(i).padStart(4, '0')}`);
    for (const id of ids)
      await h.store.insert('compounds', {
        _id: id,
        communityId: 'cm_big',
        name: `小区${id.slice(-4)}`,
        firmId: DEMO.firm1,
        firmName: '楚韵物业',
      });
    type Item = { communityId: string; compounds: Array<{ compoundId: string; name: string }> };
    const all = await h.call<Item[]>('community', 'list', {}, null);
    if (!all.ok) throw new Error(all.error.message);
    const big = all.data.find((c) => c.communityId === 'cm_big');
    expect(big?.compounds.map((k) => k.compoundId)).toEqual(ids);
    expect(all.data.find((c) => c.communityId === DEMO.communityId)?.compounds).toHaveLength(2);
    const one = await h.call<Item[]>('community', 'list', { communityId: 'cm_big' }, 'demo-resident');
    expect(one.ok && one.data.map((c) => [c.communityId, c.compounds.length])).toEqual([['cm_big', 1001]]);
    const mine = await h.call<Item[]>('community', 'list', { communityId: DEMO.communityId }, 'demo-resident');
    expect(mine.ok && mine.data).toEqual(all.data.filter((c) => c.communityId === DEMO.communityId));
    const none = await h.call<Item[]>('community', 'list', { communityId: 'cm_none' }, null);
    expect(none.ok && none.data).toEqual([]);
    // `mine`: the caller's own community, none before registering.
    const own = await h.call<Item[]>('community', 'list', { mine: true }, 'demo-resident');
    expect(own.ok && own.data).toEqual(mine.ok && mine.data);
    const other = await h.call<Item[]>('community', 'list', { mine: true }, 'demo-resident4');
    expect(other.ok && other.data.map((c) => c.communityId)).toEqual([DEMO.community2]);
    for (const caller of ['demo-newcomer', null]) {
      const nobody = await h.call<Item[]>('community', 'list', { mine: true }, caller);
      expect(nobody.ok && nobody.data).toEqual([]);
    }
    // `streetId`: the street's communities, each with every compound, the same as in the whole list.
    const street = await h.call<Item[]>('community', 'list', { streetId: DEMO.street1 }, null);
    expect(street.ok && street.data).toEqual(all.data.filter((c) => c.communityId === 'cm_big' || c.communityId === DEMO.communityId));
  });
});

describe('community.streets and community.list by street (街道 → 社区 → 小区)', () => {
  type Item = { communityId: string; name: string; streetId: string; compounds: Array<{ compoundId: string }> };

  test('lists every street of the city by name (pinyin order: 胜利 shèng before 中山 zhōng), to anyone', async () => {
    const r = await h.call<Array<{ streetId: string; name: string; district: string }>>('community', 'streets', {}, null);
    expect(r.ok && r.data).toEqual([
      { streetId: DEMO.street1, name: '胜利街道', district: '荆州市沙市区' },
      { streetId: DEMO.street2, name: '中山街道', district: '荆州市沙市区' },
    ]);
  });

  test("lists only the chosen street's communities, with their compounds and street", async () => {
    const first = await h.call<Item[]>('community', 'list', { streetId: DEMO.street1 }, null);
    expect(first.ok && first.data.map((c) => [c.communityId, c.streetId, c.compounds.length])).toEqual([
      [DEMO.communityId, DEMO.street1, 2],
    ]);
    const second = await h.call<Item[]>('community', 'list', { streetId: DEMO.street2 }, 'demo-newcomer');
    expect(second.ok && second.data.map((c) => [c.communityId, c.streetId, c.compounds.length])).toEqual([
      [DEMO.community2, DEMO.street2, 1],
    ]);
    const none = await h.call<Item[]>('community', 'list', { streetId: 'st_none' }, null);
    expect(none.ok && none.data).toEqual([]);
  });

  test('refuses a street together with a community or the caller’s own', async () => {
    for (const data of [
      { streetId: DEMO.street1, communityId: DEMO.communityId },
      { streetId: DEMO.street1, mine: true },
    ]) {
      const r = await h.call('community', 'list', data, 'demo-resident');
      expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    }
  });

  test('seeds firms with valid unified social credit codes of 沙市区', async () => {
    const firms = await h.store.find<{ _id: string; creditCode: string }>('firms', {});
    expect(firms).toHaveLength(2);
    for (const f of firms) {
      expect(isValidCreditCode(f.creditCode)).toBe(true);
      expect(f.creditCode.slice(2, 8)).toBe('421002');
    }
  });
});

describe('community.stats', () => {
  test('counts residents and the party share of the owners committee against its target', async () => {
    const r = await h.call<Stats>('community', 'stats', { communityId: DEMO.communityId }, 'demo-rc');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.residents).toBe(7);
    expect(r.data.ocMembers).toBe(3);
    expect(r.data.ocPartyMembers).toBe(2);
    expect(r.data.ocPartyRatio).toBeCloseTo(2 / 3, 4);
    expect(r.data.ocPartyTarget).toBe(0.5);
    expect(r.data.volunteerTarget).toBe(0.15);
  });

  test('follows approvals and role grants', async () => {
    await h.call('account', 'approve', { userId: h.userId('demo-pending') }, 'demo-rc');
    await h.call('account', 'grantRole', { userId: h.userId('demo-pending'), role: 'oc_member' }, 'demo-rc');
    const r = await h.call<Stats>('community', 'stats', { communityId: DEMO.communityId }, 'demo-party');
    expect(r.ok && [r.data.residents, r.data.ocMembers, r.data.ocPartyMembers]).toEqual([8, 4, 2]);
  });

  test.each(['demo-resident', 'demo-oc', 'demo-property', 'demo-pending', 'stranger'])('forbids %s', async (openid) => {
    const r = await h.call('community', 'stats', { communityId: DEMO.communityId }, openid);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });

  test('lets an admin see any community and answers NOT_FOUND for one that does not exist', async () => {
    expect((await h.call('community', 'stats', { communityId: DEMO.communityId }, 'demo-admin')).ok).toBe(true);
    const r = await h.call('community', 'stats', { communityId: 'cm_none' }, 'demo-admin');
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });
});
