/**
 * Scope, black box: a street_admin sees and grants within its own street only; roles are checked
 * against their scope, never the bare role name.
 */
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

describe('street_admin of 胜利街道 (demo-street)', () => {
  test("sees the figures and members of its own street's community", async () => {
    expect((await h.call('community', 'stats', { communityId: DEMO.communityId }, 'demo-street')).ok).toBe(true);
    expect((await h.call('account', 'listMembers', { communityId: DEMO.communityId }, 'demo-street')).ok).toBe(true);
  });

  test("sees nothing of the other street's community", async () => {
    for (const [fn, action] of [
      ['community', 'stats'],
      ['account', 'listMembers'],
    ] as const) {
      const r = await h.call(fn, action, { communityId: DEMO.community2 }, 'demo-street');
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    }
  });

  test('grants party_org in its street and not in the other street', async () => {
    const own = await h.call('account', 'grantRole', { userId: h.userId('demo-resident'), role: 'party_org' }, 'demo-street');
    expect(own.ok).toBe(true);
    const before = h.snapshot();
    const other = await h.call('account', 'grantRole', { userId: h.userId('demo-resident4'), role: 'party_org' }, 'demo-street');
    expect(!other.ok && other.error.code).toBe('FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
  });

  test('is told who it is with its scope', async () => {
    const r = await h.call<{ user: { roles: string[]; grants: Array<{ role: string; streetId?: string }> } }>(
      'account',
      'whoami',
      {},
      'demo-street',
    );
    expect(r.ok && r.data.user.grants).toEqual([{ role: 'street_admin', scopeId: DEMO.street1, streetId: DEMO.street1 }]);
  });
});

describe('community roles are scoped to their community', () => {
  test("the second community's party_org sees its own figures, not the first community's", async () => {
    expect((await h.call('community', 'stats', { communityId: DEMO.community2 }, 'demo-party2')).ok).toBe(true);
    const r = await h.call('community', 'stats', { communityId: DEMO.communityId }, 'demo-party2');
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});
