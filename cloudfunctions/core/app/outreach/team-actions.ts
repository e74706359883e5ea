import { whole, type Store } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { USERS, type UserDoc } from '../account/user';
import { audit } from '../audit';
import { isCommunityOrganiser, isCommunityStaff } from '../auth';
import { COMMUNITIES, type CommunityDoc } from '../community/community';
import { newId } from '../ids';
import { fail, failures, ok } from '../result';
import { checkTexts } from '../content';
import { ConcurrentChange, mustUpdate, Writes } from '../volunteer/seat-writes';
import { confirmedIn, readReports } from './members';
import { TEAMS, type ReportDoc, type TeamDoc } from './model';
import { bumpBackbone } from './stats';
import { createTeamInput, listTeamsInput, myTeamsInput, setTeamLeaderInput } from './schemas';
import { maskName } from '../../domain/phone';
import { teamItem, teamView, type TeamItem, type TeamLeaderChange } from './views';

/** A team's leader lives in the community, or is a party member reported in and confirmed there; approved either way. */
const leadsWith = (leader: UserDoc, communityId: string, reports: ReadonlyArray<ReportDoc | null>): boolean =>
  leader.status === 'active' && (leader.communityId === communityId || !!confirmedIn(reports, communityId));

/** leadsWith, the leader's reports read only when they decide. */
async function leadsIn(store: Store, leader: UserDoc, communityId: string): Promise<boolean> {
  if (leader.status !== 'active' || leader.communityId === communityId) return leader.status === 'active';
  return leadsWith(leader, communityId, await readReports(store, leader._id));
}

const leaderNotEligible = () => fail('INVALID_STATE', '队长须为本社区已通过审核的居民或报到党员', 'LEADER_NOT_ELIGIBLE');

/** 志愿服务队 / 群众活动团队: registered by the community, each with a leader who publishes its activities. */
export const teamActions: ActionMap = {
  createTeam: defineAction({
    summary: '登记志愿服务队 / 群众活动团队并指定队长',
    access: 'active',
    input: createTeamInput,
    // Read with the caller's record: the community, the leader and the leader's reports, all named by the input.
    load: (input, { store }) =>
      Promise.all([
        store.get<CommunityDoc>(COMMUNITIES, input.communityId),
        store.get<UserDoc>(USERS, input.leaderUserId),
        readReports(store, input.leaderUserId),
      ]),
    run: async (input, ctx) => {
      if (!isCommunityOrganiser(ctx.user, input.communityId)) return failures.forbidden('只有本社区居委会或党组织可以登记服务队');
      const [community, leader, reports] = ctx.loaded;
      if (!community) return failures.notFound('社区');
      if (!leader) return failures.notFound('队长');
      if (!leadsWith(leader, input.communityId, reports)) return leaderNotEligible();
      const rejected = await checkTexts(ctx, [input.name]);
      if (rejected) return rejected;
      const now = ctx.clock.now();
      const doc: TeamDoc = {
        _id: newId('team', now),
        communityId: input.communityId,
        name: input.name,
        kind: input.kind ?? 'volunteer',
        leaderUserId: leader._id,
        leaderName: leader.name,
        createdBy: ctx.user._id,
        createdAt: now.toISOString(),
        activityCount: 0,
        serviceHours: 0,
      };
      // The team, its audit entry and the counters, issued together in one transaction.
      await ctx.store.transaction(async (tx) => {
        const writes = new Writes();
        writes.add(
          tx.insert(TEAMS, doc),
          audit({ ...ctx, store: tx }, 'outreach.createTeam', 'team', doc._id, { leaderUserId: doc.leaderUserId }),
          bumpBackbone(tx, doc.communityId, { teams: 1 }, community.streetId ?? null),
        );
        await writes.settle();
      });
      return ok(teamView(doc));
    },
  }),

  setTeamLeader: defineAction({
    summary: '更换服务队队长（原队长不再组织该队的活动）',
    access: 'active',
    input: setTeamLeaderInput,
    // Read with the caller's record: the team and the new leader, both named by the input.
    load: (input, { store }) => Promise.all([store.get<TeamDoc>(TEAMS, input.teamId), store.get<UserDoc>(USERS, input.leaderUserId)]),
    run: async (input, ctx) => {
      const [team, leader] = ctx.loaded;
      if (!team) return failures.notFound('服务队');
      if (!isCommunityOrganiser(ctx.user, team.communityId)) return failures.forbidden('只有本社区居委会或党组织可以更换队长');
      if (!leader) return failures.notFound('队长');
      // The same leader again changes nothing: a retry after a lost answer succeeds.
      if (leader._id === team.leaderUserId) return ok<TeamLeaderChange>({ ...teamView(team), previousLeaderUserId: team.leaderUserId });
      if (!(await leadsIn(ctx.store, leader, team.communityId))) return leaderNotEligible();
      const set = { leaderUserId: leader._id, leaderName: leader.name };
      // Over the leader read only: a leader changed by someone else at the same moment is not overwritten.
      // The former leader organises none of the team's activities from now on: app/scope.ts reads the team each time.
      try {
        await ctx.store.transaction(async (tx) => {
          // Issued together: the audit entry rolls back with a change that finds another leader.
          const writes = new Writes();
          writes.add(
            mustUpdate(tx.update(TEAMS, team._id, { $set: set }, { leaderUserId: team.leaderUserId }), 'team'),
            audit({ ...ctx, store: tx }, 'outreach.setTeamLeader', 'team', team._id, {
              leaderUserId: leader._id,
              previous: team.leaderUserId,
            }),
          );
          await writes.settle();
        });
      } catch (err) {
        if (err instanceof ConcurrentChange) return fail('CONFLICT', '队长刚有变动，请刷新后重试', 'STALE');
        throw err;
      }
      return ok<TeamLeaderChange>({ ...teamView({ ...team, ...set }), previousLeaderUserId: team.leaderUserId });
    },
  }),

  listTeams: defineAction({
    summary: '本社区的服务队（含已发布活动数与服务时长）',
    access: 'registered',
    input: listTeamsInput,
    // Read with the caller's record: the community's teams (the input names it).
    load: (input, { store }) =>
      store.find<TeamDoc>(TEAMS, { communityId: input.communityId }, { orderBy: [['createdAt', 'asc']], limit: whole(200) }),
    run: async (input, ctx) => {
      const teams = ctx.loaded;
      // A leader's full name to the community's staff and to the leader; others see it masked (张**).
      const staff = isCommunityStaff(ctx.user, input.communityId);
      const items: TeamItem[] = teams.map((t) => {
        const item = teamItem(t);
        return staff || t.leaderUserId === ctx.callerId ? item : { ...item, leaderName: maskName(item.leaderName) };
      });
      return ok(items);
    },
  }),

  myTeams: defineAction({
    summary: '我带领的服务队（队长：发布活动、管理名单）',
    access: 'active',
    input: myTeamsInput,
    // Read with the caller's record: the teams whose leader the caller is now.
    load: (_input, { store, callerId }) =>
      store.find<TeamDoc>(TEAMS, { leaderUserId: callerId ?? '' }, { orderBy: [['createdAt', 'asc']], limit: whole(50) }),
    run: async (_input, ctx) => ok(ctx.loaded.map(teamItem)),
  }),
};
