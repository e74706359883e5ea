/**
 * Who holds a role where (RULES.md §9, account.listMembers with `holders`): the level above finds
 * every holder of a role it may revoke in a street, community or compound — members there or not —
 * names masked (RULES.md §5), by an index, and a revocation takes the holder off the list.
 */
import { holdersTick } from '../../cloudfunctions/core/app/account/holders-backfill';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

interface Holder {
  userId: string;
  nameMasked: string;
  phoneMasked: string;
  role: string;
  roleLabel: string;
  scopeId: string;
  scopeName: string;
  grantedAt: string;
}
interface Page {
  items: Holder[];
  nextCursor: string | null;
}

async function holders(place: Record<string, string>, by: string, more: Record<string, unknown> = {}): Promise<Page> {
  const r = await h.call<Page>('account', 'listMembers', { holders: true, ...place, ...more }, by);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data;
}

/** A newcomer takes `role` in `scopeId` by an invitation from `by`; answers their user id. */
async function invited(role: string, scopeId: string, by: string, openid: string, name: string): Promise<string> {
  const inv = await h.call<{ code: string }>('account', 'invite', { role, scopeId }, by);
  if (!inv.ok) throw new Error(JSON.stringify(inv.error));
  const r = await h.call('account', 'redeem', { code: inv.data.code, name }, openid);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return h.userId(openid);
}

const rolesOf = (p: Page, userId: string) => p.items.filter((i) => i.userId === userId).map((i) => i.role);

test('a street_admin of street A lists its holders and is refused street B’s, whatever place it names', async () => {
  await invited('rc_staff', DEMO.community2, 'demo-admin', 'staff-b', '周文');
  const mine = await holders({ streetId: DEMO.street1 }, 'demo-street');
  expect(mine.items.length).toBeGreaterThan(0);
  expect(mine.items.every((i) => i.userId !== h.userId('staff-b'))).toBe(true);
  for (const place of [{ streetId: DEMO.street2 }, { communityId: DEMO.community2 }, { compoundId: DEMO.compound3 }]) {
    const r = await h.call('account', 'listMembers', { holders: true, ...place }, 'demo-street');
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  }
  // The street_admin of street B sees the holder there.
  const other = await invited('street_admin', DEMO.street2, 'demo-admin', 'street-b', '孙立');
  expect(rolesOf(await holders({ streetId: DEMO.street2 }, 'street-b'), h.userId('staff-b'))).toEqual(['rc_staff']);
  expect(rolesOf(await holders({ streetId: DEMO.street2 }, 'street-b'), other)).toEqual([]);
});

test('the admin sees the street admins; a street_admin does not see its own role (only the admin revokes it)', async () => {
  const city = await holders({ streetId: DEMO.street1 }, 'demo-admin');
  const street = city.items.find((i) => i.userId === h.userId('demo-street'));
  expect(street).toMatchObject({ role: 'street_admin', roleLabel: '街道工作人员', scopeId: DEMO.street1, scopeName: '胜利街道' });
  expect(street?.nameMasked).toBe('高**');
  expect(street?.phoneMasked).toBe('139****0020');
  expect(JSON.stringify(city)).not.toContain('高建华');
  expect(rolesOf(await holders({ streetId: DEMO.street1 }, 'demo-street'), h.userId('demo-street'))).toEqual([]);
});

test('a holder with no membership in the community appears, with the scope’s name and when granted', async () => {
  // Staff of another community first: their membership stays there.
  await invited('rc_staff', DEMO.community2, 'demo-admin', 'staff-a', '李明');
  h.clock.set('2026-11-21T10:00:00+08:00');
  const staff = await invited('rc_staff', DEMO.communityId, 'demo-street', 'staff-a', '李明');
  const page = await holders({ communityId: DEMO.communityId }, 'demo-street');
  expect(page.items.find((i) => i.userId === staff)).toEqual({
    userId: staff,
    nameMasked: '李*',
    phoneMasked: '',
    role: 'rc_staff',
    roleLabel: '居委会工作人员',
    scopeId: DEMO.communityId,
    scopeLevel: 'community',
    scopeName: '红星社区',
    grantedAt: '2026-11-21T02:00:00.000Z',
  });
  // The member list of the community never had them.
  const members = await h.call<{ items: Array<{ userId: string }> }>(
    'account',
    'listMembers',
    { communityId: DEMO.communityId },
    'demo-street',
  );
  expect(members.ok && members.data.items.some((m) => m.userId === staff)).toBe(false);
});

test('each level sees only the roles it may revoke; property staff show where their firm serves', async () => {
  const compound = await holders({ compoundId: DEMO.compound1 }, 'demo-rc');
  expect(new Set(compound.items.map((i) => i.role))).toEqual(new Set(['oc_member', 'compound_party']));
  expect(rolesOf(compound, h.userId('demo-cparty'))).toEqual(['compound_party']);
  const byStreet = await holders({ compoundId: DEMO.compound1 }, 'demo-street');
  expect(rolesOf(byStreet, h.userId('demo-property'))).toEqual(['property_staff']);
  // The community's party_org may not revoke its own level, nor look at a whole street.
  const forbidden = await h.call(
    'account',
    'listMembers',
    { holders: true, communityId: DEMO.communityId, role: 'rc_staff' },
    'demo-party',
  );
  expect(!forbidden.ok && forbidden.error.code).toBe('FORBIDDEN');
  const street = await h.call('account', 'listMembers', { holders: true, streetId: DEMO.street1 }, 'demo-party');
  expect(!street.ok && street.error.code).toBe('FORBIDDEN');
});

test('revoking a role takes the holder off the list; the other holders stay', async () => {
  const staff = await invited('oc_member', DEMO.compound1, 'demo-rc', 'oc-new', '吴芳');
  const before = await holders({ compoundId: DEMO.compound1 }, 'demo-rc');
  expect(rolesOf(before, staff)).toEqual(['oc_member']);
  const r = await h.call('account', 'revokeRole', { userId: staff, role: 'oc_member', scopeId: DEMO.compound1 }, 'demo-rc');
  expect(r.ok).toBe(true);
  const after = await holders({ compoundId: DEMO.compound1 }, 'demo-rc');
  expect(rolesOf(after, staff)).toEqual([]);
  expect(after.items.length).toBe(before.items.length - 1);
  // A role held without a grant record (the seed's staff) is taken off as well.
  const oc = h.userId('demo-oc');
  expect((await h.call('account', 'revokeRole', { userId: oc, role: 'oc_member', scopeId: DEMO.compound1 }, 'demo-rc')).ok).toBe(true);
  expect(rolesOf(await holders({ compoundId: DEMO.compound1 }, 'demo-rc'), oc)).toEqual([]);
});

test('pages follow one another, newest grant first, without repeats', async () => {
  for (let i = 0; i < 5; i++) {
    h.clock.set(`2026-11-2${i}T10:00:00+08:00`);
    await invited('compound_party', DEMO.compound2, 'demo-party', `cp-${i}`, `成员${i}`);
  }
  const seen: Holder[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await holders({ compoundId: DEMO.compound2 }, 'demo-party', { limit: 2, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const ids = [4, 3, 2, 1, 0].map((i) => h.userId(`cp-${i}`));
  expect(seen.map((s) => s.userId).filter((id) => ids.includes(id))).toEqual(ids);
  expect(new Set(seen.map((s) => `${s.userId}:${s.role}`)).size).toBe(seen.length);
});

test('the list reads by the declared indexes, never a scan', () => {
  const order = { orderBy: [['grantedAt', 'desc'] as const, ['_id', 'desc'] as const] as never };
  for (const [field, index] of [
    ['streetId', 'street_granted'],
    ['communityId', 'community_granted'],
    ['compoundId', 'compound_granted'],
  ]) {
    const plan = h.store.explain('role_holders', { [field]: 'x', role: { $in: ['rc_staff', 'oc_member'] } }, order);
    expect(plan).toContain(`USING INDEX role_holders__${index}`);
    expect(plan).not.toMatch(/SCAN role_holders(?! USING)/);
  }
  const withFirms = h.store.explain(
    'role_holders',
    {
      $or: [
        { streetId: 'x', role: { $in: ['rc_staff'] } },
        { firmId: { $in: ['f1', 'f2'] }, role: 'property_staff' },
      ],
    },
    order,
  );
  expect(withFirms).toContain('role_holders__street_granted');
  expect(withFirms).toContain('role_holders__firm_granted');
});

test('the backfill writes holders for roles granted before they were kept, once', async () => {
  await h.store.remove('role_holders', `${h.userId('demo-rc')}:rc_staff:${DEMO.communityId}`);
  await h.store.remove('role_holders', '~backfill');
  expect(rolesOf(await holders({ communityId: DEMO.communityId }, 'demo-street'), h.userId('demo-rc'))).toEqual([]);
  while ((await holdersTick(h.deps, 3)) > 0);
  const page = await holders({ communityId: DEMO.communityId }, 'demo-street');
  expect(rolesOf(page, h.userId('demo-rc'))).toEqual(['rc_staff']);
  const count = await h.store.count('role_holders', {});
  expect(await holdersTick(h.deps, 3)).toBe(0);
  expect(await h.store.count('role_holders', {})).toBe(count);
});
