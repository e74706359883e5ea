/**
 * Building posts are vacated and team leaders changed (RULES.md §7): by the community's staff only
 * (the matrix), audited with the holder before, and only over the holder each call read — through
 * the function entries on SQLite.
 */
import { AUDIT, type AuditEntry } from '../../../cloudfunctions/core/app/audit';
import { COMMUNITIES, type CommunityDoc } from '../../../cloudfunctions/core/app/community/community';
import { BUILDING_POSTS, TEAMS, type BuildingPostDoc, type TeamDoc } from '../../../cloudfunctions/core/app/outreach/model';
import { recountBackbone } from '../../../cloudfunctions/core/app/outreach/stats';
import type { ReportView, TeamItem, TeamLeaderChange, VacatedPost } from '../../../cloudfunctions/core/app/outreach/views';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { DEMO_OUTREACH } from '../../../cloudfunctions/core/seed/outreach';
import { ACTIVITY, must } from '../../support/action-samples';
import { makeHarness, type Harness } from '../../support/harness';
import { confirmedMembers } from './support';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** The seed's post: demo-cadre leads 江津花园 3栋's party group. */
const POST = { compoundId: DEMO.compound1, building: '3栋', role: 'party_group_leader' } as const;
const POST_ID = `${DEMO.compound1}:3栋:party_group_leader`;

const auditOf = (action: string) => h.store.find<AuditEntry>(AUDIT, { action });
const postsCounter = async () => (await h.store.get<CommunityDoc>(COMMUNITIES, DEMO.communityId))?.backbone?.buildingPosts;

/** Runs `meanwhile` once, just before the next call of the store's `method` (another person's change in between). */
function before(method: 'transaction', meanwhile: () => Promise<unknown>): void {
  const store = h.store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = store[method];
  store[method] = async (...args: unknown[]) => {
    store[method] = original;
    await meanwhile();
    return original.apply(h.store, args);
  };
}

describe('vacating a building post', () => {
  test('removes the post: the holder no longer shows it, the counter follows, the audit names the holder', async () => {
    const cadre = h.userId('demo-cadre');
    const r = await must<VacatedPost>(h, 'outreach', 'vacateBuildingRole', { ...POST, userId: cadre }, 'demo-party');
    expect(r).toEqual({ ...POST, roleLabel: '楼栋党小组长', vacated: true, previousUserId: cadre });

    const mine = await must<ReportView[]>(h, 'outreach', 'myReports', {}, 'demo-cadre');
    expect(mine.flatMap((x) => x.buildingPosts)).toEqual([]);
    expect(await h.store.get(BUILDING_POSTS, POST_ID)).toBeNull();
    expect(await postsCounter()).toBe(0);
    expect((await recountBackbone(h.store, DEMO.communityId)).buildingPosts).toBe(0);
    const entries = await auditOf('outreach.vacateBuildingRole');
    expect(entries.map((e) => [e.targetId, e.actorId, e.detail])).toEqual([[POST_ID, h.userId('demo-party'), { previous: cadre }]]);
  });

  test('vacating an empty post answers vacated: false and changes nothing', async () => {
    await must(h, 'outreach', 'vacateBuildingRole', POST, 'demo-party');
    const again = await must<VacatedPost>(h, 'outreach', 'vacateBuildingRole', POST, 'demo-party');
    expect(again).toEqual({ ...POST, roleLabel: '楼栋党小组长', vacated: false, previousUserId: null });
    expect(await postsCounter()).toBe(0);
    expect(await auditOf('outreach.vacateBuildingRole')).toHaveLength(1);
  });

  test('refuses as STALE when the page showed another holder, and keeps the post', async () => {
    const r = await h.call('outreach', 'vacateBuildingRole', { ...POST, userId: h.userId('demo-volunteer') }, 'demo-party');
    expect(!r.ok && [r.error.code, r.error.reason]).toEqual(['CONFLICT', 'STALE']);
    expect((await h.store.get<BuildingPostDoc>(BUILDING_POSTS, POST_ID))?.userId).toBe(h.userId('demo-cadre'));
    expect(await postsCounter()).toBe(1);
  });

  test('a post re-appointed between the read and the removal stays with its new holder', async () => {
    const [member] = await confirmedMembers(h, 1);
    before('transaction', () => must(h, 'outreach', 'appointBuildingRole', { ...POST, userId: h.userId(member) }, 'demo-party'));
    const r = await h.call('outreach', 'vacateBuildingRole', POST, 'demo-party');
    expect(!r.ok && [r.error.code, r.error.reason]).toEqual(['CONFLICT', 'STALE']);
    expect((await h.store.get<BuildingPostDoc>(BUILDING_POSTS, POST_ID))?.userId).toBe(h.userId(member));
    expect(await postsCounter()).toBe(1);
    expect(await auditOf('outreach.vacateBuildingRole')).toEqual([]);
  });

  test('a replacement over a post vacated meanwhile is STALE and does not bring the post back', async () => {
    const [member] = await confirmedMembers(h, 1);
    before('transaction', () => must(h, 'outreach', 'vacateBuildingRole', POST, 'demo-party'));
    const r = await h.call('outreach', 'appointBuildingRole', { ...POST, userId: h.userId(member) }, 'demo-party');
    expect(!r.ok && [r.error.code, r.error.reason]).toEqual(['CONFLICT', 'STALE']);
    expect(await h.store.get(BUILDING_POSTS, POST_ID)).toBeNull();
    expect(await postsCounter()).toBe((await recountBackbone(h.store, DEMO.communityId)).buildingPosts);
  });
});

describe("changing a team's leader", () => {
  const TEAM = DEMO_OUTREACH.volunteerTeam;
  const createFor = (openid: string) => h.call('volunteer', 'createActivity', { ...ACTIVITY, teamId: TEAM }, openid);

  test('the new leader organises the team’s activities, the former one none of them, and the audit names both', async () => {
    const before = await must<{ activityId: string }>(h, 'volunteer', 'createActivity', { ...ACTIVITY, teamId: TEAM }, 'demo-volunteer');
    const r = await must<TeamLeaderChange>(
      h,
      'outreach',
      'setTeamLeader',
      { teamId: TEAM, leaderUserId: h.userId('demo-resident') },
      'demo-rc',
    );
    expect(r).toMatchObject({ teamId: TEAM, leaderUserId: h.userId('demo-resident'), previousLeaderUserId: h.userId('demo-volunteer') });

    const former = await createFor('demo-volunteer');
    expect(!former.ok && former.error.code).toBe('FORBIDDEN');
    const roster = await h.call('volunteer', 'roster', { activityId: before.activityId }, 'demo-volunteer');
    expect(!roster.ok && roster.error.code).toBe('FORBIDDEN');
    expect((await createFor('demo-resident')).ok).toBe(true);
    expect((await h.call('volunteer', 'roster', { activityId: before.activityId }, 'demo-resident')).ok).toBe(true);

    expect(await must<TeamItem[]>(h, 'outreach', 'myTeams', {}, 'demo-volunteer')).toEqual([]);
    expect((await must<TeamItem[]>(h, 'outreach', 'myTeams', {}, 'demo-resident')).map((t) => t.teamId)).toEqual([TEAM]);
    const entries = await auditOf('outreach.setTeamLeader');
    expect(entries.map((e) => [e.targetId, e.detail])).toEqual([
      [TEAM, { leaderUserId: h.userId('demo-resident'), previous: h.userId('demo-volunteer') }],
    ]);
  });

  test('the new leader must be an approved resident or a confirmed member of the community', async () => {
    const pending = await h.call('outreach', 'setTeamLeader', { teamId: TEAM, leaderUserId: h.userId('demo-pending') }, 'demo-party');
    expect(!pending.ok && [pending.error.code, pending.error.reason]).toEqual(['INVALID_STATE', 'LEADER_NOT_ELIGIBLE']);
    const street = await h.call('outreach', 'setTeamLeader', { teamId: TEAM, leaderUserId: h.userId('demo-street') }, 'demo-party');
    expect(!street.ok && street.error.reason).toBe('LEADER_NOT_ELIGIBLE');
    const nobody = await h.call('outreach', 'setTeamLeader', { teamId: TEAM, leaderUserId: 'u_nobody' }, 'demo-party');
    expect(!nobody.ok && nobody.error.code).toBe('NOT_FOUND');
    // A party member reported in and confirmed here leads, wherever they live.
    const [member] = await confirmedMembers(h, 1);
    await h.store.update('users', h.userId(member), { $set: { communityId: 'cm_elsewhere' } });
    expect((await h.call('outreach', 'setTeamLeader', { teamId: TEAM, leaderUserId: h.userId(member) }, 'demo-party')).ok).toBe(true);
    expect((await h.store.get<TeamDoc>(TEAMS, TEAM))?.leaderName).toBe('党员0');
  });

  test('naming the current leader again answers the team unchanged, without an audit entry', async () => {
    const leader = h.userId('demo-volunteer');
    const r = await must<TeamLeaderChange>(h, 'outreach', 'setTeamLeader', { teamId: TEAM, leaderUserId: leader }, 'demo-party');
    expect(r).toMatchObject({ leaderUserId: leader, previousLeaderUserId: leader });
    expect(await auditOf('outreach.setTeamLeader')).toEqual([]);
  });

  test('a leader changed by someone else at the same moment is not overwritten', async () => {
    before('transaction', () =>
      must(h, 'outreach', 'setTeamLeader', { teamId: TEAM, leaderUserId: h.userId('demo-resident2') }, 'demo-rc'),
    );
    const r = await h.call('outreach', 'setTeamLeader', { teamId: TEAM, leaderUserId: h.userId('demo-resident') }, 'demo-party');
    expect(!r.ok && [r.error.code, r.error.reason]).toEqual(['CONFLICT', 'STALE']);
    expect((await h.store.get<TeamDoc>(TEAMS, TEAM))?.leaderUserId).toBe(h.userId('demo-resident2'));
    expect(await auditOf('outreach.setTeamLeader')).toHaveLength(1);
  });
});
