/**
 * What the owners' actions decide from documents read in the caller's round (issue #16 §1): who
 * sees a compound's drafts when the page is read beside the compound, and an announcement whose
 * audit entry and messages are issued beside its guarded status change.
 */
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';
import { compoundOwners, COMPOUND, CONVENOR, motionDraft } from '../support/owners-compound';
import { must } from '../support/action-samples';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

async function withOwners(n: number): Promise<void> {
  const { rows, users } = compoundOwners(n, h.clock.now().toISOString(), h.userId);
  for (const user of users) await h.store.insert('users', user);
  await must(h, 'owners', 'importRegister', { compoundId: COMPOUND, rows }, CONVENOR);
}

test("a compound's drafts are listed to its staff only, whichever way their record tells", async () => {
  const { motionId } = await must<{ motionId: string }>(h, 'owners', 'draft', motionDraft(h.clock.now()).data, CONVENOR);
  // A resident of the compound who is rc_staff of another community: staff elsewhere, not here.
  const at = h.clock.now().toISOString();
  const elsewhere: UserDoc = {
    _id: h.userId('rc-elsewhere'),
    openid: 'rc-elsewhere',
    name: '外社区工作人员',
    phone: '13900000999',
    communityId: DEMO.communityId,
    compoundId: COMPOUND,
    building: '3栋',
    room: '301',
    status: 'active',
    roles: ['resident', 'rc_staff'],
    grants: [{ role: 'rc_staff', scopeId: 'community-elsewhere', communityId: 'community-elsewhere' }],
    isPartyMember: false,
    createdAt: at,
    updatedAt: at,
  };
  await h.store.insert('users', elsewhere);
  const listed = async (openid: string) => {
    const r = await must<{ items: Array<{ motionId: string }> }>(h, 'owners', 'list', { compoundId: COMPOUND }, openid);
    return r.items.some((m) => m.motionId === motionId);
  };
  // The committee (by its record), the community's residents' committee (by the compound's community), a resident, staff elsewhere.
  expect(await listed(CONVENOR)).toBe(true);
  expect(await listed('demo-rc')).toBe(true);
  expect(await listed('demo-resident2')).toBe(false);
  expect(await listed('rc-elsewhere')).toBe(false);
});

test('two announcements at once: one is refused and leaves nothing, one audit entry and one message per person', async () => {
  await withOwners(5);
  const { motionId } = await must<{ motionId: string }>(h, 'owners', 'draft', motionDraft(h.clock.now()).data, CONVENOR);
  const answers = await Promise.all([1, 2].map(() => h.call('owners', 'announce', { motionId }, CONVENOR)));
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  expect(answers.filter((a) => !a.ok)).toEqual([
    { ok: false, error: expect.objectContaining({ code: 'INVALID_STATE', reason: 'NOT_DRAFT' }) },
  ]);
  expect(await h.store.find('audit', { action: 'owners.announce', targetId: motionId })).toHaveLength(1);
  const messages = await h.store.find<{ _id: string; userId: string }>('outbox', {});
  const told = messages.filter((m) => m._id.includes(`owners:${motionId}:announced:`)).map((m) => m.userId);
  expect(told.length).toBeGreaterThanOrEqual(5);
  expect(new Set(told).size).toBe(told.length);
});
