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
