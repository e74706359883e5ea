/** Roles by invitation (RULES.md §9): one-time codes, 7 days, issued by the level above; revocation. */
import type { AuditEntry } from '../../cloudfunctions/core/app/audit';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

interface Invite {
  code: string;
  expiresAt: string;
}
interface Who {
  user: { roles: string[]; status: string; grants: Array<{ role: string; scopeId: string }> } | null;
}

async function invite(role: string, scopeId: string, by: string): Promise<string> {
  const r = await h.call<Invite>('account', 'invite', { role, scopeId }, by);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data.code;
}

const audits = (action: string) => h.store.find<AuditEntry>('audit', { action });

describe('invite and redeem', () => {
  test('a street_admin invites a party_org; a newcomer redeems without registering as a resident', async () => {
    const code = await invite('party_org', DEMO.communityId, 'demo-street');
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const r = await h.call('account', 'redeem', { code, name: '新书记' }, 'newcomer-1');
    expect(r.ok).toBe(true);
    const who = await h.call<Who>('account', 'whoami', {}, 'newcomer-1');
    expect(who.ok && who.data.user).toMatchObject({
      status: 'active',
      roles: ['party_org'],
      grants: [{ role: 'party_org', scopeId: DEMO.communityId }],
    });
    // The role works at once, in its community only.
    expect((await h.call('community', 'stats', { communityId: DEMO.communityId }, 'newcomer-1')).ok).toBe(true);
    const other = await h.call('community', 'stats', { communityId: DEMO.community2 }, 'newcomer-1');
    expect(!other.ok && other.error.code).toBe('FORBIDDEN');
    expect((await audits('account.invite')).length).toBe(1);
    expect((await audits('account.redeem'))[0]).toMatchObject({
      targetId: h.userId('newcomer-1'),
      detail: { role: 'party_org', scopeId: DEMO.communityId },
    });
  });

  test('a code works once: the second person is refused and nothing changes', async () => {
    const code = await invite('oc_member', DEMO.compound1, 'demo-rc');
    expect((await h.call('account', 'redeem', { code }, 'newcomer-1')).ok).toBe(true);
    const before = h.snapshot();
    const again = await h.call('account', 'redeem', { code }, 'newcomer-2');
    expect(!again.ok && again.error).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_USED' });
    expect(h.snapshot()).toEqual(before);
  });

  test('of two people redeeming one code at the same time, exactly one gets the role', async () => {
    const code = await invite('oc_member', DEMO.compound1, 'demo-rc');
    const results = await Promise.all(['racer-1', 'racer-2', 'racer-3'].map((o) => h.call('account', 'redeem', { code }, o)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.store.count('users', { roles: { $contains: 'oc_member' }, openid: { $in: ['racer-1', 'racer-2', 'racer-3'] } })).toBe(1);
  });

  test('expires after 7 days', async () => {
    const code = await invite('compound_party', DEMO.compound1, 'demo-party');
    h.clock.set('2026-11-27T08:59:59+08:00');
    const before = h.snapshot();
    h.clock.set('2026-11-27T09:00:00+08:00');
    const late = await h.call('account', 'redeem', { code }, 'newcomer-1');
    expect(!late.ok && late.error).toMatchObject({ code: 'INVALID_STATE', reason: 'INVITATION_EXPIRED' });
    expect(h.snapshot()).toEqual(before);
    h.clock.set('2026-11-27T08:59:59+08:00');
    expect((await h.call('account', 'redeem', { code }, 'newcomer-1')).ok).toBe(true);
  });

  test.each([
    ['a party_org inviting rc_staff (the street grants it)', 'rc_staff', DEMO.communityId, 'demo-party'],
    ['a street_admin inviting a street_admin', 'street_admin', DEMO.street1, 'demo-street'],
    ['a street_admin inviting into another street', 'party_org', DEMO.community2, 'demo-street'],
    ["an rc_staff inviting for another community's compound", 'oc_member', DEMO.compound3, 'demo-rc'],
    ['an oc_member inviting an oc_member', 'oc_member', DEMO.compound1, 'demo-oc'],
    ['a compound_party inviting a compound_party', 'compound_party', DEMO.compound1, 'demo-cparty'],
  ])('refuses the wrong level: %s', async (_why, role, scopeId, by) => {
    const before = h.snapshot();
    const r = await h.call('account', 'invite', { role, scopeId }, by);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
  });

  test('an existing resident gains the role beside their residence', async () => {
    const code = await invite('compound_party', DEMO.compound1, 'demo-party');
    expect((await h.call('account', 'redeem', { code }, 'demo-resident')).ok).toBe(true);
    const who = await h.call<Who>('account', 'whoami', {}, 'demo-resident');
    expect(who.ok && who.data.user?.roles).toEqual(['resident', 'compound_party']);
  });
});

describe('revokeRole', () => {
  test('the level above removes a role in its scope, audited; the wrong street may not', async () => {
    const code = await invite('rc_staff', DEMO.communityId, 'demo-street');
    await h.call('account', 'redeem', { code }, 'newcomer-1');
    const target = h.userId('newcomer-1');
    const refused = await h.call('account', 'revokeRole', { userId: target, role: 'rc_staff', scopeId: DEMO.communityId }, 'demo-party');
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    const r = await h.call('account', 'revokeRole', { userId: target, role: 'rc_staff', scopeId: DEMO.communityId }, 'demo-street');
    expect(r.ok).toBe(true);
    const who = await h.call<Who>('account', 'whoami', {}, 'newcomer-1');
    expect(who.ok && who.data.user?.roles).toEqual([]);
    expect(await audits('account.revokeRole')).toHaveLength(1);
    const stats = await h.call('community', 'stats', { communityId: DEMO.communityId }, 'newcomer-1');
    expect(!stats.ok && stats.error.code).toBe('FORBIDDEN');
  });

  test('revokes a role held without an explicit grant (a seeded oc_member)', async () => {
    const r = await h.call('account', 'revokeRole', { userId: h.userId('demo-oc'), role: 'oc_member', scopeId: DEMO.compound1 }, 'demo-rc');
    expect(r.ok).toBe(true);
    const who = await h.call<Who>('account', 'whoami', {}, 'demo-oc');
    expect(who.ok && who.data.user?.roles).toEqual(['resident']);
  });

  test('answers NOT_FOUND for a role the user does not hold there', async () => {
    const r = await h.call(
      'account',
      'revokeRole',
      { userId: h.userId('demo-oc'), role: 'oc_member', scopeId: DEMO.compound2 },
      'demo-admin',
    );
    expect(!r.ok && r.error).toMatchObject({ code: 'NOT_FOUND', reason: 'ROLE_NOT_HELD' });
  });
});
