/** admin reads for the setup pages: the structure a caller reaches, a compound's history, a community's rules. */
import type { CompoundView, FirmRow, RulesView, StructureView } from '../../cloudfunctions/core/app/admin/read';
import type { Page } from '../../cloudfunctions/core/app/schemas';
import { makeCreditCode } from '../../cloudfunctions/core/domain/credit-code';
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules-config';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const codes = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

const communitiesOf = (v: StructureView) => v.streets.flatMap((s) => s.communities.map((c) => c.communityId));

describe('structure', () => {
  test("the admin sees the city's streets with their counts only, and a street's communities and compounds by naming it", async () => {
    const r = await h.call<StructureView>('admin', 'structure', {}, 'demo-admin');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.isAdmin).toBe(true);
    expect(r.data.streets.map((s) => s.streetId).sort()).toEqual([DEMO.street1, DEMO.street2].sort());
    expect(communitiesOf(r.data)).toEqual([]);
    expect(r.data).not.toHaveProperty('firms');
    const one = r.data.streets.find((s) => s.streetId === DEMO.street1);
    expect(one?.communityCount).toBe(1);

    const named = await h.call<StructureView>('admin', 'structure', { streetId: DEMO.street1 }, 'demo-admin');
    if (!named.ok) throw new Error(named.error.message);
    expect(named.data.streets.map((s) => s.streetId)).toEqual([DEMO.street1]);
    expect(named.data.streets[0].communityCount).toBe(1);
    expect(communitiesOf(named.data)).toEqual([DEMO.communityId]);
    const hongxing = named.data.streets[0].communities[0];
    expect(hongxing.compounds.map((k) => k.compoundId).sort()).toEqual([DEMO.compound1, DEMO.compound2].sort());
    expect(hongxing.compounds.find((k) => k.compoundId === DEMO.compound1)?.firmId).toBe(DEMO.firm1);
  });

  test("a street's count of communities follows the communities created there", async () => {
    const c = await h.call('admin', 'createCommunity', { streetId: DEMO.street1, name: '新华社区' }, 'demo-admin');
    expect(c.ok).toBe(true);
    const r = await h.call<StructureView>('admin', 'structure', {}, 'demo-admin');
    expect(r.ok && r.data.streets.find((s) => s.streetId === DEMO.street1)?.communityCount).toBe(2);
  });

  test('a street_admin of street A sees street A only, and may not name street B', async () => {
    const r = await h.call<StructureView>('admin', 'structure', {}, 'demo-street');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.isAdmin).toBe(false);
    expect(r.data.streets.map((s) => s.streetId)).toEqual([DEMO.street1]);
    expect(communitiesOf(r.data)).toEqual([DEMO.communityId]);
    expect(r.data.streets[0].communityCount).toBe(1);
    expect(r.data.streets[0].communities[0].compounds.map((k) => k.compoundId).sort()).toEqual([DEMO.compound1, DEMO.compound2].sort());
    expect(codes(await h.call('admin', 'structure', { streetId: DEMO.street2 }, 'demo-street'))).toBe('FORBIDDEN');
  });

  test('community staff see their own community under its street; a resident nothing', async () => {
    const r = await h.call<StructureView>('admin', 'structure', {}, 'demo-rc');
    if (!r.ok) throw new Error(r.error.message);
    expect(communitiesOf(r.data)).toEqual([DEMO.communityId]);
    expect(r.data.streets.map((s) => s.streetId)).toEqual([DEMO.street1]);
    expect(codes(await h.call('admin', 'structure', {}, 'demo-resident'))).toBe('FORBIDDEN');
  });

  test('what is created shows in the structure', async () => {
    const c = await h.call<{ communityId: string }>(
      'admin',
      'createCommunity',
      { streetId: DEMO.street1, name: '新华社区' },
      'demo-street',
    );
    if (!c.ok) throw new Error(c.error.message);
    const r = await h.call<StructureView>('admin', 'structure', {}, 'demo-street');
    expect(r.ok && communitiesOf(r.data)).toEqual(expect.arrayContaining([c.data.communityId]));
  });
});

describe('firms', () => {
  const register = (name: string, code: string) =>
    h.call('admin', 'registerFirm', { name, creditCode: makeCreditCode('91', '421002', code), hasPartyOrg: false }, 'demo-admin');

  test('pages through every firm by name, each once, and finds those whose name starts with the words typed', async () => {
    for (const [i, name] of ['荆州甲物业', '荆州乙物业', '荆州丙物业', '沙市丁物业', '沙市戊物业'].entries()) {
      expect((await register(name, `MA4C7D8${i}`)).ok).toBe(true);
    }
    const all: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const r = await h.call<Page<FirmRow>>('admin', 'firms', { limit: 2, ...(cursor ? { cursor } : {}) }, 'demo-street');
      if (!r.ok) throw new Error(r.error.message);
      expect(r.data.items.length).toBeLessThanOrEqual(2);
      all.push(...r.data.items.map((f) => f.name));
      if (!r.data.nextCursor) break;
      cursor = r.data.nextCursor;
    }
    expect(all).toEqual([...all].sort());
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['荆州甲物业', '沙市戊物业']));
    expect(all.length).toBe(5 + 2); // and the demo's two firms

    const found = await h.call<Page<FirmRow>>('admin', 'firms', { q: '沙市' }, 'demo-admin');
    if (!found.ok) throw new Error(found.error.message);
    expect(found.data.items.map((f) => f.name)).toEqual(['沙市丁物业', '沙市戊物业']);
    expect(found.data.items[0]).toEqual({
      firmId: expect.any(String),
      name: '沙市丁物业',
      creditCode: expect.any(String),
      hasPartyOrg: false,
    });
  });

  test('community staff and residents may not list the firms', async () => {
    expect(codes(await h.call('admin', 'firms', {}, 'demo-rc'))).toBe('FORBIDDEN');
    expect(codes(await h.call('admin', 'firms', {}, 'demo-resident'))).toBe('FORBIDDEN');
  });
});

describe('compound', () => {
  test('answers the service history newest first, with the row the assignment closed', async () => {
    const a = await h.call('admin', 'assignFirm', { compoundId: DEMO.compound1, firmId: DEMO.firm2, from: '2026-07-01' }, 'demo-street');
    expect(a.ok).toBe(true);
    const r = await h.call<CompoundView>('admin', 'compound', { compoundId: DEMO.compound1 }, 'demo-street');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data).toMatchObject({ compoundId: DEMO.compound1, communityId: DEMO.communityId, firmId: DEMO.firm2 });
    expect(r.data.history[0]).toMatchObject({ firmId: DEMO.firm2, from: '2026-07-01', to: null });
    expect(r.data.history.slice(1).every((row) => row.to !== null)).toBe(true);
  });

  test('a street_admin of another street may not read it', async () => {
    expect(codes(await h.call('admin', 'compound', { compoundId: DEMO.compound3 }, 'demo-street'))).toBe('FORBIDDEN');
  });
});

describe('rules', () => {
  test('answers the rules in force, the overrides set by setRules and the defaults for the rest', async () => {
    const before = await h.call<RulesView>('admin', 'rules', { communityId: DEMO.communityId }, 'demo-street');
    if (!before.ok) throw new Error(before.error.message);
    expect(before.data.name).toBe('红星社区');
    const set = await h.call('admin', 'setRules', { communityId: DEMO.communityId, rules: { reopenWindowDays: 12 } }, 'demo-street');
    expect(set.ok).toBe(true);
    const after = await h.call<RulesView>('admin', 'rules', { communityId: DEMO.communityId }, 'demo-street');
    if (!after.ok) throw new Error(after.error.message);
    expect(after.data.rules.reopenWindowDays).toBe(12);
    expect(after.data.rules.ratingWeights).toEqual(before.data.rules.ratingWeights);
    expect(after.data.rules.seriousItemPenalty).toBe(before.data.rules.seriousItemPenalty ?? DEFAULT_RULES.seriousItemPenalty);
  });

  test('right role, wrong street: FORBIDDEN', async () => {
    expect(codes(await h.call('admin', 'rules', { communityId: DEMO.community2 }, 'demo-street'))).toBe('FORBIDDEN');
  });
});
