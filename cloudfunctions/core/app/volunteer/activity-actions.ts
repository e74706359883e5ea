import { activityTimeProblems, toUtcIso } from '../../domain/activity';
import { rulesFor } from '../../domain/rules-config';
import { DuplicateKeyError, type Filter, whole } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { USERS, type UserDoc } from '../account/user';
import { audit, auditedChange } from '../audit';
import { COMMUNITIES, type CommunityDoc } from '../community/community';
import { checkTexts } from '../content';
import { newId } from '../ids';
import { TEAMS, type TeamDoc } from '../outreach/model';
import { bumpTeam } from '../outreach/stats';
import { fail, failures, ok } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { organisesActivity } from '../scope';
import { invalidInput } from './guards';
import { ACTIVITIES, SIGNUPS, signupIdOf, type ActivityDoc, type SignupDoc, type VolunteerDoc, VOLUNTEERS } from './model';
import { cancelActivityNow } from './notify';
import { issueProfile } from './profile';
import { teamOf } from './team-of';
import { activityIdInput, cancelActivityInput, createActivityInput, listActivitiesInput, profileInput, registerInput } from './schemas';
import { activityDetail, activitySummary, volunteerProfile } from './views';

/** Registration, profile and the activities themselves. */
export const activityActions: ActionMap = {
  register: defineAction({
    summary: '登记为志愿者',
    access: 'registered',
    input: registerInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const skills = [...new Set(input.skills ?? [])];
      const rejected = await checkTexts(ctx, [input.realName, ...skills]);
      if (rejected) return rejected;
      const nowIso = ctx.clock.now().toISOString();
      try {
        const created = await ctx.store.transaction((tx) =>
          issueProfile(
            tx,
            user,
            {
              realName: input.realName,
              phone: input.phone,
              skills,
              isPartyMember: input.isPartyMember ?? user.isPartyMember,
              isYouthLeagueMember: input.isYouthLeagueMember ?? false,
            },
            nowIso,
            (doc) => audit({ ...ctx, store: tx }, 'volunteer.register', 'volunteer', doc._id, { volunteerNo: doc.volunteerNo }),
          ),
        );
        if (!created) return fail('CONFLICT', '您已登记为志愿者', 'ALREADY_VOLUNTEER');
        return ok(volunteerProfile(created));
      } catch (err) {
        if (err instanceof DuplicateKeyError) return fail('CONFLICT', '您已登记为志愿者', 'ALREADY_VOLUNTEER');
        throw err;
      }
    },
  }),

  profile: defineAction({
    summary: '我的志愿者信息（未登记时为 null）',
    access: 'registered',
    input: profileInput,
    load: (_input, { store, callerId }) => (callerId ? store.get<VolunteerDoc>(VOLUNTEERS, callerId) : Promise.resolve(null)),
    run: async (_input, ctx) => {
      const v = ctx.loaded;
      return ok(v ? volunteerProfile(v) : null);
    },
  }),

  createActivity: defineAction({
    summary: '发布志愿活动',
    access: 'active',
    idempotent: true,
    input: createActivityInput,
    load: (input, { store }) =>
      Promise.all([input.teamId ? store.get<TeamDoc>(TEAMS, input.teamId) : null, store.get<CommunityDoc>(COMMUNITIES, input.communityId)]),
    run: async (input, ctx) => {
      const user = ctx.user;
      const [team, community] = ctx.loaded;
      // A team's leader publishes for their team (RULES.md §7); otherwise the community's organisers.
      if (input.teamId && (!team || team.communityId !== input.communityId)) return failures.notFound('志愿服务队');
      if (!organisesActivity(user, input, team)) return failures.forbidden('只有本社区居委会、党组织或服务队队长可以发布活动');
      const now = ctx.clock.now();
      const times = {
        startAt: toUtcIso(input.startAt),
        endAt: toUtcIso(input.endAt),
        signupDeadline: toUtcIso(input.signupDeadline ?? input.startAt),
      };
      const problems = activityTimeProblems(times, now);
      if (problems.length)
        return invalidInput(
          problems.map((p) => ({ path: [p.field], message: p.message })),
          problems[0].reason,
        );
      if (!community) return failures.notFound('社区');
      const rejected = await checkTexts(ctx, [input.title, input.description, input.location, input.contactName]);
      if (rejected) return rejected;
      const rules = rulesFor(community.rules);
      const nowIso = now.toISOString();
      const partyOrg = user.roles.includes('party_org') && !user.roles.includes('rc_staff');
      const doc: ActivityDoc = {
        _id: newId('act', now),
        communityId: community._id,
        communityName: community.name,
        title: input.title,
        category: input.category,
        description: input.description,
        location: input.location,
        ...times,
        capacity: input.capacity,
        waitlistEnabled: input.waitlist ?? true,
        openToAll: input.openToAll ?? false,
        status: 'open',
        confirmedCount: 0,
        waitlistCount: 0,
        waitlist: [],
        signupSeq: 0,
        version: 0,
        organiser: {
          organisation: team ? `${community.name}${team.name}` : partyOrg ? `中共${community.name}委员会` : `${community.name}居民委员会`,
          personInCharge: input.contactName ?? user.name,
          // The organiser's own mobile is personal data: published only when they type it in.
          contact: input.contactPhone ?? community.officePhone,
        },
        createdBy: user._id,
        ...(team ? { teamId: team._id, teamName: team.name } : {}),
        rules: { freeCancelHours: rules.freeCancelHours, attendanceMinRatio: rules.attendanceMinRatio },
        reminders: {},
        createdAt: nowIso,
        updatedAt: nowIso,
      };
      // The activity's id is new (newId), so its insert cannot fail on a key: the audit entry goes with it
      // in one transaction, with the answer a retry with the same clientToken gets, and a team's
      // activity moves the team's count in it too.
      const entry = {
        action: 'volunteer.createActivity',
        targetType: 'activity',
        targetId: doc._id,
        detail: { title: doc.title, capacity: doc.capacity },
      };
      const answer = ok(activityDetail(doc, null, true, now));
      await auditedChange(
        ctx,
        entry,
        (tx) => [tx.insert(ACTIVITIES, doc), team ? bumpTeam(tx, team._id, { activityCount: 1 }) : null],
        answer,
      );
      return answer;
    },
  }),

  listActivities: defineAction({
    summary: '志愿活动列表（即将开始的在前）',
    access: 'public',
    input: listActivitiesInput,
    run: async (input, ctx) => {
      const now = ctx.clock.now();
      const nowIso = now.toISOString();
      const past = input.when === 'past';
      const filter: Filter = { communityId: input.communityId, endAt: past ? { $lte: nowIso } : { $gt: nowIso } };
      if (input.teamId) filter.teamId = input.teamId;
      if (input.category) filter.category = input.category;
      const limit = input.limit ?? 20;
      const offset = decodeCursor(input.cursor);
      const rows = await ctx.store.find<ActivityDoc>(ACTIVITIES, filter, {
        orderBy: [['startAt', past ? 'desc' : 'asc']],
        limit: whole(limit + 1),
        skip: whole(offset),
      });
      return ok(
        pageOf(
          rows.map((a) => activitySummary(a, now)),
          offset,
          limit,
        ),
      );
    },
  }),

  getActivity: defineAction({
    summary: '活动详情（含本人报名状态与候补位次）',
    access: 'public',
    input: activityIdInput,
    run: async (input, ctx) => {
      const callerId = ctx.callerId;
      // Public, so the dispatcher loads no user: read it alongside, in the same round trip.
      const [a, signup, user] = await Promise.all([
        ctx.store.get<ActivityDoc>(ACTIVITIES, input.activityId),
        callerId ? ctx.store.get<SignupDoc>(SIGNUPS, signupIdOf(input.activityId, callerId)) : Promise.resolve(null),
        callerId ? ctx.store.get<UserDoc>(USERS, callerId) : Promise.resolve(null),
      ]);
      if (!a) return failures.notFound('活动');
      // A team's activity: its current leader organises it too (one more read, for those only).
      const organiser = organisesActivity(user, a, await teamOf(ctx.store, a));
      return ok(activityDetail(a, signup, organiser, ctx.clock.now()));
    },
  }),

  cancelActivity: defineAction({
    summary: '取消活动并通知已报名的志愿者',
    access: 'active',
    input: cancelActivityInput,
    load: async (input, { store }) => {
      const a = await store.get<ActivityDoc>(ACTIVITIES, input.activityId);
      return { a, team: await teamOf(store, a) };
    },
    run: async (input, ctx) => {
      const { a, team } = ctx.loaded;
      if (!a) return failures.notFound('活动');
      if (!organisesActivity(ctx.user, a, team)) return failures.forbidden('只有活动组织方或服务队队长可以取消活动');
      if (a.status === 'cancelled') return fail('INVALID_STATE', '活动已取消', 'ACTIVITY_CANCELLED');
      const now = ctx.clock.now();
      if (a.status === 'finished' || now.getTime() >= Date.parse(a.endAt))
        return fail('INVALID_STATE', '活动已结束，不能取消', 'ACTIVITY_FINISHED');
      const rejected = await checkTexts(ctx, [input.reason]);
      if (rejected) return rejected;
      const nowIso = now.toISOString();
      const done = await cancelActivityNow(ctx, a, {
        set: { status: 'cancelled', cancelReason: input.reason, cancelledAt: nowIso },
        audit: (tx) => audit({ ...ctx, store: tx }, 'volunteer.cancelActivity', 'activity', a._id, { reason: input.reason }),
      });
      if (!done) return fail('INVALID_STATE', '活动状态已变化，请刷新后重试', 'STALE');
      // The activity as the last release left it; read again only when a later page found nothing left.
      const fresh = done.act ?? (await ctx.store.get<ActivityDoc>(ACTIVITIES, a._id)) ?? a;
      return ok(activityDetail(fresh, null, true, now));
    },
  }),
};
