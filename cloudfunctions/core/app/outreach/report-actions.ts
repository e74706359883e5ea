import { reportRefusal } from '../../domain/outreach-report';
import { DuplicateKeyError, type DocumentOps, type Filter, whole } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { USERS, type UserDoc } from '../account/user';
import { audit } from '../audit';
import { isCommunityStaff } from '../auth';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from '../community/community';
import { fail, failures, ok } from '../result';
import { isStreetAdminOfCommunity } from '../scope';
import { decodeKeyset, keysetAfter, keysetPage } from '../schemas';
import { checkTexts } from '../content';
import { VOLUNTEERS, type VolunteerDoc } from '../volunteer/model';
import { issueProfile } from '../volunteer/profile';
import { ConcurrentChange, mustUpdate, Writes } from '../volunteer/seat-writes';
import { confirmedReport, isPartyOrgOf } from './members';
import { bumpBackbone } from './stats';
import { BUILDING_POSTS, buildingPostIdOf, REPORTS, reportIdOf, type BuildingPostDoc, type ReportDoc } from './model';
import { appointInput, listReportsInput, myReportsInput, reportIdInput, reportInput, vacateInput } from './schemas';
import { BUILDING_ROLE_OPTIONS, buildingPostView, reportView, type VacatedPost } from './views';

/** The post changed between its read and the write (appointed or vacated by someone else at the same moment). */
const staleBuildingPost = () => fail('CONFLICT', '该职务刚有变动，请刷新后重试', 'STALE');

/** 报到: a party member reports in; the community's party organisation confirms and names building roles. */
export const reportActions: ActionMap = {
  report: defineAction({
    summary: '党员到社区报到（居住地 / 单位结对）',
    access: 'registered',
    input: reportInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const [community, volunteer, other] = await Promise.all([
        ctx.store.get<CommunityDoc>(COMMUNITIES, input.communityId),
        ctx.store.get<VolunteerDoc>(VOLUNTEERS, user._id),
        ctx.store.get<ReportDoc>(REPORTS, reportIdOf(user._id, input.kind === 'residence' ? 'paired' : 'residence')),
      ]);
      if (!community) return failures.notFound('社区');
      const refused = reportRefusal(
        input,
        { isPartyMember: user.isPartyMember || !!volunteer?.isPartyMember, homeCommunityId: user.communityId },
        other,
      );
      if (refused) {
        if (refused.code === 'INVALID_INPUT') {
          return {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: refused.message,
              reason: refused.reason,
              issues: [{ path: ['communityId'], message: refused.message }],
            },
          };
        }
        return fail(refused.code, refused.message, refused.reason);
      }
      const rejected = await checkTexts(ctx, [input.unitName, input.branchName]);
      if (rejected) return rejected;
      const nowIso = ctx.clock.now().toISOString();
      const doc: ReportDoc = {
        _id: reportIdOf(user._id, input.kind),
        userId: user._id,
        communityId: community._id,
        communityName: community.name,
        kind: input.kind,
        unitName: input.unitName,
        branchName: input.branchName,
        name: user.name,
        status: 'pending',
        reportedAt: nowIso,
        updatedAt: nowIso,
      };
      try {
        await ctx.store.transaction(async (tx) => {
          await Promise.all([
            tx.insert(REPORTS, doc),
            audit({ ...ctx, store: tx }, 'outreach.report', 'report', doc._id, { communityId: doc.communityId, kind: doc.kind }),
          ]);
          await bumpBackbone(tx, doc.communityId, { pendingReports: 1 }, community.streetId ?? null);
        });
      } catch (err) {
        if (err instanceof DuplicateKeyError) return fail('CONFLICT', '您已提交过此类报到', 'ALREADY_REPORTED');
        throw err;
      }
      return ok(reportView(doc));
    },
  }),

  myReports: defineAction({
    summary: '我的报到（含楼栋职务）',
    access: 'registered',
    input: myReportsInput,
    run: async (_input, ctx) => {
      const user = ctx.user;
      const [reports, posts] = await Promise.all([
        ctx.store.find<ReportDoc>(REPORTS, { userId: user._id }, { limit: whole(10) }),
        ctx.store.find<BuildingPostDoc>(BUILDING_POSTS, { userId: user._id }, { limit: whole(50) }),
      ]);
      return ok(reports.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt)).map((r) => reportView(r, posts)));
    },
  }),

  listReports: defineAction({
    summary: '本社区的报到党员（待确认 / 已确认）',
    access: 'active',
    input: listReportsInput,
    run: async (input, ctx) => {
      if (!isCommunityStaff(ctx.user, input.communityId) && !(await isStreetAdminOfCommunity(ctx, ctx.user, input.communityId)))
        return failures.forbidden('只能查看本社区（或本街道所辖社区）的报到党员');
      const filter: Filter = { communityId: input.communityId, status: input.status ?? 'pending' };
      const limit = input.limit ?? 20;
      const after = decodeKeyset(input.cursor);
      const rows = await ctx.store.find<ReportDoc>(REPORTS, after ? { $and: [filter, keysetAfter('reportedAt', after, 'asc')] } : filter, {
        orderBy: [
          ['reportedAt', 'asc'],
          ['_id', 'asc'],
        ],
        limit: whole(limit + 1),
      });
      const posts = rows.length
        ? await ctx.store.find<BuildingPostDoc>(BUILDING_POSTS, {
            communityId: input.communityId,
            userId: { $in: rows.map((r) => r.userId) },
          })
        : [];
      return ok({ ...keysetPage(rows, limit, 'reportedAt', (r) => reportView(r, posts)), buildingRoles: BUILDING_ROLE_OPTIONS });
    },
  }),

  confirmReport: defineAction({
    summary: '社区党组织确认党员报到（确认后即为志愿者）',
    access: 'active',
    input: reportIdInput,
    run: async (input, ctx) => {
      const report = await ctx.store.get<ReportDoc>(REPORTS, input.reportId);
      if (!report) return failures.notFound('报到记录');
      if (!isPartyOrgOf(ctx.user, report.communityId)) return failures.forbidden('只有本社区党组织可以确认报到');
      if (report.status !== 'pending') return fail('INVALID_STATE', '该报到已确认', 'ALREADY_CONFIRMED');
      const member = await ctx.store.get<UserDoc>(USERS, report.userId);
      if (!member) return failures.notFound('用户');
      const nowIso = ctx.clock.now().toISOString();
      const set = { status: 'confirmed', confirmedAt: nowIso, confirmedBy: ctx.user._id, updatedAt: nowIso };
      // One transaction: the report is confirmed and its member is (or becomes) a volunteer flagged as reported.
      const done = await ctx.store.transaction(async (tx) => {
        if (!(await tx.update(REPORTS, report._id, { $set: set }, { status: 'pending' }))) return false;
        await Promise.all([
          bumpBackbone(tx, report.communityId, { pendingReports: -1, reportedMembers: 1 }),
          audit({ ...ctx, store: tx }, 'outreach.confirmReport', 'report', report._id, { userId: report.userId }),
        ]);
        const profile = await issueProfile(
          tx,
          member,
          { realName: member.name, phone: member.phone, skills: [], isPartyMember: true, reportedMember: true },
          nowIso,
        );
        if (profile) return true;
        // An existing profile is flagged; it joins the party share only if it was not counted there.
        const flag = { $set: { reportedMember: true, isPartyMember: true, updatedAt: nowIso } };
        if (await tx.update(VOLUNTEERS, member._id, flag, { isPartyMember: { $ne: true } })) {
          await bumpBackbone(tx, member.communityId, { partyVolunteers: 1 });
        } else {
          await tx.update(VOLUNTEERS, member._id, flag);
        }
        return true;
      });
      if (!done) return fail('INVALID_STATE', '该报到已确认', 'ALREADY_CONFIRMED');
      return ok(reportView({ ...report, ...set, status: 'confirmed' }));
    },
  }),

  appointBuildingRole: defineAction({
    summary: '任命报到党员为楼栋党小组长或楼栋长',
    access: 'active',
    input: appointInput,
    run: async (input, ctx) => {
      const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, input.compoundId);
      if (!compound) return failures.notFound('小区');
      if (!isPartyOrgOf(ctx.user, compound.communityId)) return failures.forbidden('只有本社区党组织可以任命楼栋职务');
      const report = await confirmedReport(ctx.store, input.userId, compound.communityId);
      if (!report) return fail('INVALID_STATE', '只能任命已确认报到的党员', 'NOT_CONFIRMED_MEMBER');
      const rejected = await checkTexts(ctx, [input.building]);
      if (rejected) return rejected;
      const nowIso = ctx.clock.now().toISOString();
      const post: BuildingPostDoc = {
        _id: buildingPostIdOf(compound._id, input.building, input.role),
        communityId: compound.communityId,
        compoundId: compound._id,
        building: input.building,
        role: input.role,
        userId: input.userId,
        name: report.name,
        appointedAt: nowIso,
        appointedBy: ctx.user._id,
      };
      // The post has one holder: appointing another replaces the one before (both kept in the audit log).
      const previous = await ctx.store.get<BuildingPostDoc>(BUILDING_POSTS, post._id);
      const appointed = (tx: DocumentOps) =>
        audit({ ...ctx, store: tx }, 'outreach.appointBuildingRole', 'building_post', post._id, {
          userId: post.userId,
          previous: previous?.userId ?? null,
        });
      // The appointment and its audit entry, in one transaction.
      try {
        await ctx.store.transaction(async (tx) => {
          if (previous) {
            const { _id: _omit, ...fields } = post;
            // Only over the holder read: a post vacated (or re-appointed) meanwhile is not silently recreated.
            const held = { userId: previous.userId, appointedAt: previous.appointedAt };
            const writes = new Writes();
            writes.add(mustUpdate(tx.update(BUILDING_POSTS, post._id, { $set: fields }, held), 'building post'), appointed(tx));
            await writes.settle();
            return;
          }
          await Promise.all([tx.insert(BUILDING_POSTS, post), appointed(tx)]);
          await bumpBackbone(tx, post.communityId, { buildingPosts: 1 }, compound.streetId);
        });
      } catch (err) {
        if (err instanceof DuplicateKeyError || err instanceof ConcurrentChange) return staleBuildingPost();
        throw err;
      }
      return ok({ ...buildingPostView(post), userId: post.userId, name: post.name });
    },
  }),
  vacateBuildingRole: defineAction({
    summary: '楼栋党小组长或楼栋长卸任（撤销楼栋职务）',
    access: 'active',
    input: vacateInput,
    // Read with the caller's record: the compound and the post, whose id the input names.
    load: (input, { store }) =>
      Promise.all([
        store.get<CompoundDoc>(COMPOUNDS, input.compoundId),
        store.get<BuildingPostDoc>(BUILDING_POSTS, buildingPostIdOf(input.compoundId, input.building, input.role)),
      ]),
    run: async (input, ctx) => {
      const [compound, post] = ctx.loaded;
      if (!compound) return failures.notFound('小区');
      if (!isPartyOrgOf(ctx.user, compound.communityId)) return failures.forbidden('只有本社区党组织可以撤销楼栋职务');
      const answer = buildingPostView({ compoundId: compound._id, building: input.building, role: input.role });
      // An empty post is vacated already: a retry after a lost answer succeeds, and changes nothing.
      if (!post) return ok<VacatedPost>({ ...answer, vacated: false, previousUserId: null });
      // The page names the holder it showed; someone else holds the post now.
      if (input.userId && post.userId !== input.userId) return staleBuildingPost();
      try {
        await ctx.store.transaction(async (tx) => {
          // Issued together; the removal is of the holder read above only, so a post re-appointed
          // meanwhile fails it and the counter and audit entry written beside it roll back.
          const writes = new Writes();
          writes.add(
            mustUpdate(tx.remove(BUILDING_POSTS, post._id, { userId: post.userId, appointedAt: post.appointedAt }), 'building post'),
            bumpBackbone(tx, post.communityId, { buildingPosts: -1 }, compound.streetId),
            audit({ ...ctx, store: tx }, 'outreach.vacateBuildingRole', 'building_post', post._id, { previous: post.userId }),
          );
          await writes.settle();
        });
      } catch (err) {
        if (err instanceof ConcurrentChange) return staleBuildingPost();
        throw err;
      }
      return ok<VacatedPost>({ ...answer, vacated: true, previousUserId: post.userId });
    },
  }),
};
