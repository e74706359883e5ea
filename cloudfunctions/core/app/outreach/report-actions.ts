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
import { confirmedIn, isPartyOrgOf, readReports } from './members';
import { bumpBackbone } from './stats';
import { BUILDING_POSTS, buildingPostIdOf, REPORTS, reportIdOf, type BuildingPostDoc, type ReportDoc } from './model';
import { appointInput, listReportsInput, myReportsInput, reportIdInput, reportInput, vacateInput } from './schemas';
import { BUILDING_ROLE_OPTIONS, buildingPostView, reportView, type VacatedPost } from './views';

/** The member a report's id names (`<userId>:<kind>`, model.ts reportIdOf); the report's own userId decides. */
const memberIdOf = (reportId: string): string => reportId.slice(0, Math.max(0, reportId.lastIndexOf(':')));

/** The post changed between its read and the write (appointed or vacated by someone else at the same moment). */
const staleBuildingPost = () => fail('CONFLICT', '该职务刚有变动，请刷新后重试', 'STALE');

/** 报到: a party member reports in; the community's party organisation confirms and names building roles. */
export const reportActions: ActionMap = {
  report: defineAction({
    summary: '党员到社区报到（居住地 / 单位结对）',
    access: 'registered',
    input: reportInput,
    // Read with the caller's record: the community the input names, the caller's profile and other report.
    load: (input, { store, callerId }) =>
      Promise.all([
        store.get<CommunityDoc>(COMMUNITIES, input.communityId),
        store.get<VolunteerDoc>(VOLUNTEERS, callerId ?? ''),
        store.get<ReportDoc>(REPORTS, reportIdOf(callerId ?? '', input.kind === 'residence' ? 'paired' : 'residence')),
      ]),
    run: async (input, ctx) => {
      const user = ctx.user;
      const [community, volunteer, other] = ctx.loaded;
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
        streetId: community.streetId ?? null,
        kind: input.kind,
        unitName: input.unitName,
        branchName: input.branchName,
        name: user.name,
        status: 'pending',
        reportedAt: nowIso,
        updatedAt: nowIso,
      };
      try {
        // Issued together: a second report of the kind (its id is taken) rolls the rest back.
        await ctx.store.transaction(async (tx) => {
          const writes = new Writes();
          writes.add(
            tx.insert(REPORTS, doc),
            audit({ ...ctx, store: tx }, 'outreach.report', 'report', doc._id, { communityId: doc.communityId, kind: doc.kind }),
            bumpBackbone(tx, doc.communityId, { pendingReports: 1 }, doc.streetId),
          );
          await writes.settle();
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
    // Read with the caller's record: their filter is the caller's id.
    load: (_input, { store, callerId }) =>
      Promise.all([
        store.find<ReportDoc>(REPORTS, { userId: callerId ?? '' }, { limit: whole(10) }),
        store.find<BuildingPostDoc>(BUILDING_POSTS, { userId: callerId ?? '' }, { limit: whole(50) }),
      ]),
    run: async (_input, ctx) => {
      const [reports, posts] = ctx.loaded;
      return ok(reports.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt)).map((r) => reportView(r, posts)));
    },
  }),

  listReports: defineAction({
    summary: '本社区的报到党员（待确认 / 已确认）',
    access: 'active',
    input: listReportsInput,
    // The page is read with the caller's record (its filter comes from the input); a caller who may
    // not see it gets the refusal, never the rows.
    load: (input, { store }) => {
      const filter: Filter = { communityId: input.communityId, status: input.status ?? 'pending' };
      const after = decodeKeyset(input.cursor);
      return store.find<ReportDoc>(REPORTS, after ? { $and: [filter, keysetAfter('reportedAt', after, 'asc')] } : filter, {
        orderBy: [
          ['reportedAt', 'asc'],
          ['_id', 'asc'],
        ],
        limit: whole((input.limit ?? 20) + 1),
      });
    },
    run: async (input, ctx) => {
      const limit = input.limit ?? 20;
      const rows = ctx.loaded;
      // The building posts of the page's members, read beside the street office's scope check.
      const [posts, allowed] = await Promise.all([
        rows.length
          ? ctx.store.find<BuildingPostDoc>(BUILDING_POSTS, { communityId: input.communityId, userId: { $in: rows.map((r) => r.userId) } })
          : [],
        isCommunityStaff(ctx.user, input.communityId) || isStreetAdminOfCommunity(ctx, ctx.user, input.communityId),
      ]);
      if (!allowed) return failures.forbidden('只能查看本社区（或本街道所辖社区）的报到党员');
      return ok({ ...keysetPage(rows, limit, 'reportedAt', (r) => reportView(r, posts)), buildingRoles: BUILDING_ROLE_OPTIONS });
    },
  }),

  confirmReport: defineAction({
    summary: '社区党组织确认党员报到（确认后即为志愿者）',
    access: 'active',
    input: reportIdInput,
    // Read with the caller's record: the report, its member and their volunteer profile (a report's id begins with its member's).
    load: (input, { store }) => {
      const memberId = memberIdOf(input.reportId);
      return Promise.all([
        store.get<ReportDoc>(REPORTS, input.reportId),
        memberId ? store.get<UserDoc>(USERS, memberId) : null,
        memberId ? store.get<VolunteerDoc>(VOLUNTEERS, memberId) : null,
      ]);
    },
    run: async (input, ctx) => {
      const [report, loadedMember, loadedProfile] = ctx.loaded;
      if (!report) return failures.notFound('报到记录');
      if (!isPartyOrgOf(ctx.user, report.communityId)) return failures.forbidden('只有本社区党组织可以确认报到');
      if (report.status !== 'pending') return fail('INVALID_STATE', '该报到已确认', 'ALREADY_CONFIRMED');
      const member = loadedMember?._id === report.userId ? loadedMember : await ctx.store.get<UserDoc>(USERS, report.userId);
      if (!member) return failures.notFound('用户');
      const nowIso = ctx.clock.now().toISOString();
      const set = { status: 'confirmed', confirmedAt: nowIso, confirmedBy: ctx.user._id, updatedAt: nowIso };
      // One transaction: the report is confirmed and its member is (or becomes) a volunteer flagged
      // as reported. Issued together: a report confirmed meanwhile fails its guard and rolls it all back.
      const memberIsVolunteer = async (tx: DocumentOps): Promise<void> => {
        const flag = { $set: { reportedMember: true, isPartyMember: true, updatedAt: nowIso } };
        // A profile counted among the party members already (as loaded, and still): flagged, nothing to count.
        if (
          loadedProfile?._id === member._id &&
          loadedProfile.isPartyMember &&
          (await tx.update(VOLUNTEERS, member._id, flag, { isPartyMember: true }))
        )
          return;
        const profile = await issueProfile(
          tx,
          member,
          { realName: member.name, phone: member.phone, skills: [], isPartyMember: true, reportedMember: true },
          nowIso,
        );
        if (profile) return;
        // An existing profile is flagged; it joins the party share only if it was not counted there.
        if (await tx.update(VOLUNTEERS, member._id, flag, { isPartyMember: { $ne: true } })) {
          await bumpBackbone(tx, member.communityId, { partyVolunteers: 1 });
        } else {
          await tx.update(VOLUNTEERS, member._id, flag);
        }
      };
      try {
        await ctx.store.transaction(async (tx) => {
          const writes = new Writes();
          writes.add(
            mustUpdate(tx.update(REPORTS, report._id, { $set: set }, { status: 'pending' }), REPORTS),
            bumpBackbone(tx, report.communityId, { pendingReports: -1, reportedMembers: 1 }, report.streetId),
            audit({ ...ctx, store: tx }, 'outreach.confirmReport', 'report', report._id, { userId: report.userId }),
            memberIsVolunteer(tx),
          );
          await writes.settle();
        });
      } catch (err) {
        if (err instanceof ConcurrentChange) return fail('INVALID_STATE', '该报到已确认', 'ALREADY_CONFIRMED');
        throw err;
      }
      return ok(reportView({ ...report, ...set, status: 'confirmed' }));
    },
  }),

  appointBuildingRole: defineAction({
    summary: '任命报到党员为楼栋党小组长或楼栋长',
    access: 'active',
    input: appointInput,
    // Read with the caller's record: the compound, the member's reports and the post, all named by the input.
    load: (input, { store }) =>
      Promise.all([
        store.get<CompoundDoc>(COMPOUNDS, input.compoundId),
        readReports(store, input.userId),
        store.get<BuildingPostDoc>(BUILDING_POSTS, buildingPostIdOf(input.compoundId, input.building, input.role)),
      ]),
    run: async (input, ctx) => {
      const [compound, reports, previous] = ctx.loaded;
      if (!compound) return failures.notFound('小区');
      if (!isPartyOrgOf(ctx.user, compound.communityId)) return failures.forbidden('只有本社区党组织可以任命楼栋职务');
      const report = confirmedIn(reports, compound.communityId);
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
          // Issued together: a post filled meanwhile fails the insert (its id) and rolls the rest back.
          const writes = new Writes();
          writes.add(
            tx.insert(BUILDING_POSTS, post),
            appointed(tx),
            bumpBackbone(tx, post.communityId, { buildingPosts: 1 }, compound.streetId),
          );
          await writes.settle();
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
