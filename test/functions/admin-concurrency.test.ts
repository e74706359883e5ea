/**
 * The admin's setup writes decide before their transaction (on what was read beside the caller's
 * record) and guard each write by what they decided on: two at once must leave what one after the
 * other would. admin.assignFirm: the compound's firm, its service history (one open row, each row
 * ending where the next starts) and the community's firms served (oversight counters) equal to a
 * recount. admin.importStructure: a place two imports both make is made once, buildings two
 * imports give one compound are both kept, and the counts of compounds and communities equal a
 * recount.
 */
import { recountCommunity } from '../../cloudfunctions/core/app/admin/recount';
import { AUDIT } from '../../cloudfunctions/core/app/audit';
import {
  COMMUNITIES,
  COMPOUNDS,
  FIRM_ASSIGNMENTS,
  STREETS,
  type CommunityDoc,
  type CompoundDoc,
  type FirmAssignmentDoc,
  type StreetDoc,
} from '../../cloudfunctions/core/app/community/community';
import { makeCreditCode } from '../../cloudfunctions/core/domain/credit-code';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { flat } from '../support/counters';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** Every community's counters equal a recount, and every street counts its communities. */
async function expectCountsTrue(): Promise<void> {
  const communities = await h.store.find<CommunityDoc>(COMMUNITIES, {});
  for (const c of communities) {
    const recount = await recountCommunity(h.store, c._id);
    expect({ communityId: c._id, ...flat(c.counters) }).toEqual({ communityId: c._id, ...flat(recount.counters) });
  }
  for (const s of await h.store.find<StreetDoc>(STREETS, {}))
    expect({ streetId: s._id, communities: s.communities ?? 0 }).toEqual({
      streetId: s._id,
      communities: communities.filter((c) => c.streetId === s._id).length,
    });
}

/** The compound's history is one chain: each row ends where the next starts, the last is open and is the compound's firm. */
async function expectHistoryTrue(compoundId: string): Promise<FirmAssignmentDoc[]> {
  const [compound, rows] = await Promise.all([
    h.store.get<CompoundDoc>(COMPOUNDS, compoundId),
    h.store.find<FirmAssignmentDoc>(FIRM_ASSIGNMENTS, { compoundId }, { orderBy: [['from', 'asc']] }),
  ]);
  rows.forEach((r, i) => expect(r.to).toBe(i + 1 < rows.length ? rows[i + 1].from : null));
  expect(compound?.firmId).toBe(rows[rows.length - 1].firmId);
  return rows;
}

describe('admin.assignFirm at once', () => {
  test('two different firms for the same compound: one chain of service, counters equal a recount', async () => {
    const assign = (firmId: string, from: string) =>
      h.call('admin', 'assignFirm', { compoundId: DEMO.compound1, firmId, from }, 'demo-admin');
    const made = await h.call<{ firmId: string }>(
      'admin',
      'registerFirm',
      { name: '荆州新设物业有限公司', creditCode: makeCreditCode('91', '421002', 'MA4C7D8F'), hasPartyOrg: false },
      'demo-admin',
    );
    if (!made.ok) throw new Error(made.error.message);
    const [a, b] = await Promise.all([assign(DEMO.firm2, '2026-03-01'), assign(made.data.firmId, '2026-05-01')]);
    expect(a.ok || b.ok).toBe(true);
    for (const r of [a, b]) if (!r.ok) expect(r.error).toMatchObject({ reason: 'NOT_AFTER_LAST' });
    const rows = await expectHistoryTrue(DEMO.compound1);
    expect(rows).toHaveLength(1 + [a, b].filter((r) => r.ok).length);
    await expectCountsTrue();
  });

  test('the same assignment twice: made once, the other refused', async () => {
    const assign = () =>
      h.call('admin', 'assignFirm', { compoundId: DEMO.compound1, firmId: DEMO.firm2, from: '2026-03-01' }, 'demo-admin');
    const answers = await Promise.all([assign(), assign(), assign()]);
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    for (const r of answers) if (!r.ok) expect(['NOT_AFTER_LAST', 'ALREADY_SERVING']).toContain(r.error.reason);
    expect(await expectHistoryTrue(DEMO.compound1)).toHaveLength(2);
    await expectCountsTrue();
  });
});

describe('admin.importStructure at once', () => {
  const row = (compound: string, building: string) => ({
    district: '沙市区',
    street: '新设街道',
    community: '新设社区',
    compound,
    building,
  });

  test('the same rows twice create nothing twice', async () => {
    const rows = [row('一号小区', '1栋'), row('二号小区', '1栋')];
    const answers = await Promise.all(
      [1, 2].map(() => h.call<{ created: Record<string, number> }>('admin', 'importStructure', { rows }, 'demo-admin')),
    );
    const created = answers.map((r) => (r.ok ? r.data.created : null));
    expect(created).toContainEqual({ streets: 1, communities: 1, compounds: 2, buildings: 2 });
    expect(created).toContainEqual({ streets: 0, communities: 0, compounds: 0, buildings: 0 });
    expect(await h.store.count(STREETS, { name: '新设街道' })).toBe(1);
    expect(await h.store.count(COMMUNITIES, { name: '新设社区' })).toBe(1);
    expect(await h.store.count(COMPOUNDS, { name: { $in: ['一号小区', '二号小区'] } })).toBe(2);
    await expectCountsTrue();
  });

  test('two imports naming the same new community with different compounds: one community, both compounds counted', async () => {
    const answers = await Promise.all(
      [row('一号小区', '1栋'), row('二号小区', '2栋')].map((r) => h.call('admin', 'importStructure', { rows: [r] }, 'demo-admin')),
    );
    expect(answers.map((r) => r.ok)).toEqual([true, true]);
    const [community] = await h.store.find<CommunityDoc>(COMMUNITIES, { name: '新设社区' });
    expect(await h.store.count(COMMUNITIES, { name: '新设社区' })).toBe(1);
    expect(await h.store.count(COMPOUNDS, { communityId: community._id })).toBe(2);
    expect(community.counters?.compounds).toBe(2);
    await expectCountsTrue();
  });

  test('two imports giving different buildings to the same existing compound: both buildings kept', async () => {
    const compound = (await h.store.get<CompoundDoc>(COMPOUNDS, DEMO.compound1)) as CompoundDoc;
    const community = (await h.store.get<CommunityDoc>(COMMUNITIES, compound.communityId)) as CommunityDoc;
    const street = (await h.store.get<StreetDoc>(STREETS, community.streetId as string)) as StreetDoc;
    const existing = (b: string) => ({
      district: street.district,
      street: street.name,
      community: community.name,
      compound: compound.name,
      building: b,
    });
    const answers = await Promise.all(
      ['21栋', '22栋'].map((b) => h.call('admin', 'importStructure', { rows: [existing(b)] }, 'demo-admin')),
    );
    expect(answers.map((r) => r.ok && r.data)).toEqual([
      { created: { streets: 0, communities: 0, compounds: 0, buildings: 1 }, errors: [] },
      { created: { streets: 0, communities: 0, compounds: 0, buildings: 1 }, errors: [] },
    ]);
    const after = await h.store.get<CompoundDoc>(COMPOUNDS, DEMO.compound1);
    expect([...(after?.buildings ?? [])].sort()).toEqual([...(compound.buildings ?? []), '21栋', '22栋'].sort());
    await expectCountsTrue();
  });
});

describe('admin.setRules: two staff changing different rules at once', () => {
  test('both changes count: the later merges again over the earlier one', async () => {
    const [a, b] = await Promise.all([
      h.call('admin', 'setRules', { communityId: DEMO.communityId, rules: { volunteerTarget: 0.2 } }, 'demo-street'),
      h.call('admin', 'setRules', { communityId: DEMO.communityId, rules: { noticeDays: 20 } }, 'demo-admin'),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const community = await h.store.get<CommunityDoc>(COMMUNITIES, DEMO.communityId);
    expect(community?.rules).toMatchObject({ volunteerTarget: 0.2, noticeDays: 20 });
    expect(community?.rulesRev).toBe(2);
    expect(await h.store.count(AUDIT, { action: 'admin.setRules' })).toBe(2);
  });
});
