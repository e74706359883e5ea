/**
 * Changes to a person at the same time (app/account/user-change.ts): each is decided on records
 * read before its transaction, so its writes are guarded — the invitation by its unredeemed state
 * (single use, by the database), the person by the revision of the record it was decided on. Here
 * two calls read the same records and then write: exactly one redemption of a code wins, neither
 * of a grant and a revocation at once is lost, and afterwards the role holders index equals the
 * roles held and the community's counters equal a recount.
 */
import { GRANTED_BY } from '../../cloudfunctions/core/domain/role-grants';
import { AUDIT, type AuditEntry } from '../../cloudfunctions/core/app/audit';
import { recountCommunity } from '../../cloudfunctions/core/app/admin/recount';
import { ROLE_HOLDERS, type HolderDoc } from '../../cloudfunctions/core/app/account/holders';
import { INVITATIONS, type InvitationDoc } from '../../cloudfunctions/core/app/account/invitations';
import { USERS, type UserDoc } from '../../cloudfunctions/core/app/account/user';
import type { CommunityDoc, CompoundDoc } from '../../cloudfunctions/core/app/community/community';
import { grantsOf } from '../../cloudfunctions/core/app/scope';
import { OUTBOX } from '../../cloudfunctions/core/app/messages/message';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

async function invite(role: string, scopeId: string, by: string): Promise<string> {
  const r = await h.call<{ code: string }>('account', 'invite', { role, scopeId }, by);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data.code;
}

/** The person's holder records equal the revocable roles their record holds, scope by scope. */
async function expectHoldersEqualRoles(userId: string): Promise<void> {
  const user = await h.store.get<UserDoc>(USERS, userId);
  const held = (await h.store.find<HolderDoc>(ROLE_HOLDERS, { userId })).map((d) => `${d.role}:${d.scopeId}`).sort();
  const roles = grantsOf(user)
    .filter((g) => GRANTED_BY[g.role].length > 0)
    .map((g) => `${g.role}:${g.scopeId}`)
    .sort();
  expect(held).toEqual(roles);
}

/** The community's people counters and its compounds' party members equal a recount. */
async function expectCountersTrue(communityId: string): Promise<void> {
  const [community, recount, compounds] = await Promise.all([
    h.store.get<CommunityDoc>('communities', communityId),
    recountCommunity(h.store, communityId),
    h.store.find<CompoundDoc>('compounds', { communityId }),
  ]);
  const people = (c: { residents?: number; volunteers?: number; ocMembers?: number; ocPartyMembers?: number } | undefined) => ({
    residents: c?.residents ?? 0,
    volunteers: c?.volunteers ?? 0,
    ocMembers: c?.ocMembers ?? 0,
    ocPartyMembers: c?.ocPartyMembers ?? 0,
  });
  expect(people(community?.counters)).toEqual(people(recount.counters));
  expect(Object.fromEntries(compounds.map((k) => [k._id, k.counters?.partyMembers ?? 0]))).toEqual(recount.partyMembers);
}

const audits = async (action: string) => (await h.store.find<AuditEntry>(AUDIT, { action })).length;

test('two redemptions of one code at once: exactly one wins, the other is told it is used', async () => {
  const code = await invite('oc_member', DEMO.compound1, 'demo-rc');
  const results = await Promise.all([
    h.call('account', 'redeem', { code, name: '甲' }, 'race-a'),
    h.call('account', 'redeem', { code, name: '乙' }, 'race-b'),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const lost = results.find((r) => !r.ok);
  expect(lost && !lost.ok && lost.error.reason).toBe('INVITATION_USED');
  const winner = results[0].ok ? 'race-a' : 'race-b';
  const loser = winner === 'race-a' ? 'race-b' : 'race-a';
  expect((await h.store.get<InvitationDoc>(INVITATIONS, code))?.redeemedBy).toBe(h.userId(winner));
  expect(await h.store.get(USERS, h.userId(loser))).toBeNull();
  expect(await h.store.find(ROLE_HOLDERS, { userId: h.userId(loser) })).toEqual([]);
  expect(await audits('account.redeem')).toBe(1);
  await expectHoldersEqualRoles(h.userId(winner));
  await expectCountersTrue(DEMO.communityId);
});

test('a newcomer redeeming two codes at once gets one account holding both roles', async () => {
  const [oc, party] = [await invite('oc_member', DEMO.compound1, 'demo-rc'), await invite('compound_party', DEMO.compound1, 'demo-rc')];
  const results = await Promise.all([
    h.call('account', 'redeem', { code: oc, name: '丙' }, 'twice'),
    h.call('account', 'redeem', { code: party, name: '丙' }, 'twice'),
  ]);
  expect(results.map((r) => r.ok)).toEqual([true, true]);
  const user = await h.store.get<UserDoc>(USERS, h.userId('twice'));
  expect([...(user?.roles ?? [])].sort()).toEqual(['compound_party', 'oc_member']);
  await expectHoldersEqualRoles(h.userId('twice'));
  await expectCountersTrue(DEMO.communityId);
});

test('a grant and a revocation at once: both land, and the holders equal the roles', async () => {
  const target = h.userId('demo-resident');
  const first = await h.call('account', 'grantRole', { userId: target, role: 'oc_member' }, 'demo-rc');
  expect(first.ok).toBe(true);
  const [revoked, granted] = await Promise.all([
    h.call('account', 'revokeRole', { userId: target, role: 'oc_member', scopeId: DEMO.compound1 }, 'demo-rc'),
    h.call('account', 'grantRole', { userId: target, role: 'compound_party' }, 'demo-party'),
  ]);
  expect([revoked.ok, granted.ok]).toEqual([true, true]);
  const user = await h.store.get<UserDoc>(USERS, target);
  expect([...(user?.roles ?? [])].sort()).toEqual(['compound_party', 'resident']);
  await expectHoldersEqualRoles(target);
  await expectCountersTrue(DEMO.communityId);
  expect(await audits('account.revokeRole')).toBe(1);
  expect(await audits('account.grantRole')).toBe(2);
});

test('two grants of different roles at once: the person holds both', async () => {
  const target = h.userId('demo-resident');
  const results = await Promise.all([
    h.call('account', 'grantRole', { userId: target, role: 'oc_member' }, 'demo-rc'),
    h.call('account', 'grantRole', { userId: target, role: 'compound_party' }, 'demo-party'),
  ]);
  expect(results.map((r) => r.ok)).toEqual([true, true]);
  const user = await h.store.get<UserDoc>(USERS, target);
  expect([...(user?.roles ?? [])].sort()).toEqual(['compound_party', 'oc_member', 'resident']);
  await expectHoldersEqualRoles(target);
  await expectCountersTrue(DEMO.communityId);
});

test('two approvals of one applicant at once: one approves, the other finds it approved; counted once', async () => {
  const applicant = h.userId('demo-pending');
  const results = await Promise.all([
    h.call('account', 'approve', { userId: applicant }, 'demo-rc'),
    h.call('account', 'approve', { userId: applicant }, 'demo-party'),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const lost = results.find((r) => !r.ok);
  expect(lost && !lost.ok && lost.error.reason).toBe('NOT_PENDING');
  expect(await audits('account.approve')).toBe(1);
  expect(await h.store.find(OUTBOX, { userId: applicant })).toHaveLength(1);
  await expectCountersTrue(DEMO.communityId);
});
