import { sheetRating } from '../../domain/credit';
import { hasStarted, periodLabel, periodOf, type Period } from '../../domain/period';
import { defineAction, type ActionMap } from '../action';
import { audit } from '../audit';
import { hasCommunityRole, isCommunityStaff } from '../auth';
import { grantsOf } from '../scope';
import { COMPOUNDS, type CompoundDoc } from '../community/community';
import { checkTexts } from '../content';
import { fail, failures, ok } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { periodId, RATING_PERIODS, RATING_SHEETS, sheetId, type RatingPeriodDoc, type RatingSheetDoc } from './rating';
import { mySheetsInput, sheetsInput, submitInput } from './schemas';
import { DIMENSION_OPTIONS, RATER_ROLE_LABELS } from '../../domain/credit';
import { sheetView, type MySheetItem, type MySheetsView } from './views';
import { hasCompoundParty } from './city';
import { closed, notStarted, raterRoleFor } from './guards';
import { whole } from '../../ports/store';

/** Filling rating sheets, and the sheets a rater or the staff see. */
export const sheetActions = {
  submit: defineAction({
    summary: '提交物业服务评价表（发布前可重新提交替换）',
    access: 'active',
    input: submitInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, input.compoundId);
      if (!compound) return failures.notFound('小区');
      const role = raterRoleFor(user, compound, await hasCompoundParty(ctx, compound));
      if (typeof role !== 'string') return role;
      const now = ctx.clock.now();
      if (!hasStarted(input.period, now)) return notStarted();
      const comment = input.comment ? input.comment : null;
      if (comment) {
        const refused = await checkTexts(ctx, [comment]);
        if (refused) return refused;
      }
      const at = now.toISOString();
      const sid = sheetId(input.period, compound._id, user._id);
      const pid = periodId(compound.communityId, input.period);
      const fields = {
        communityId: compound.communityId,
        compoundId: compound._id,
        compoundName: compound.name,
        firmId: compound.firmId,
        firmName: compound.firmName,
        period: input.period,
        raterId: user._id,
        raterName: user.name,
        raterRole: role,
        scores: input.scores,
        comment,
        rating: sheetRating(input.scores),
        submittedAt: at,
      };
      const sheet = await ctx.store.transaction(async (tx): Promise<RatingSheetDoc | null> => {
        const [p, existing] = await Promise.all([tx.get<RatingPeriodDoc>(RATING_PERIODS, pid), tx.get<RatingSheetDoc>(RATING_SHEETS, sid)]);
        if (p && p.state !== 'open') return null;
        const doc: RatingSheetDoc = { _id: sid, ...fields, version: (existing?.version ?? 0) + 1, createdAt: existing?.createdAt ?? at };
        // Every version, in full, goes to the append-only audit log, in the transaction that stores it.
        await Promise.all([
          existing ? tx.update(RATING_SHEETS, sid, { $set: { ...fields, version: doc.version } }) : tx.insert(RATING_SHEETS, doc),
          audit({ ...ctx, store: tx }, 'ratings.submit', 'rating_sheet', sid, {
            version: doc.version,
            period: doc.period,
            compoundId: doc.compoundId,
            raterRole: role,
            scores: doc.scores,
            comment: doc.comment,
            rating: doc.rating,
          }),
        ]);
        if (p) await tx.update(RATING_PERIODS, pid, { $inc: { version: 1, sheetCount: existing ? 0 : 1 }, $set: { updatedAt: at } });
        else {
          const fresh: RatingPeriodDoc = {
            _id: pid,
            communityId: compound.communityId,
            period: input.period,
            state: 'open',
            version: 1,
            sheetCount: 1,
            publicationCount: 0,
            current: null,
            noticesPending: false,
            createdAt: at,
            updatedAt: at,
          };
          await tx.insert(RATING_PERIODS, fresh);
        }
        return doc;
      });
      if (!sheet) return closed();
      return ok({ ...sheetView(sheet), state: 'submitted' as const });
    },
  }),

  mySheets: defineAction({
    summary: '我的评价表（可评价的小区及提交状态）',
    access: 'active',
    input: mySheetsInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const isParty = hasCommunityRole(user, 'party_org', user.communityId);
      // A compound's raters hold their role for it, wherever they live (roles by invitation, RULES.md §9).
      const rated = [
        ...new Set(
          grantsOf(user)
            .filter((g) => (g.role === 'oc_member' || g.role === 'compound_party') && g.compoundId)
            .map((g) => g.compoundId as string),
        ),
      ];
      if (!isParty && rated.length === 0)
        return fail('FORBIDDEN', '只有小区党组织成员、业委会成员和社区党组织可以评价物业服务', 'NOT_A_RATER');
      const now = ctx.clock.now();
      const period: Period = input.period ?? periodOf(now);
      const [community, granted, sheets] = await Promise.all([
        isParty
          ? ctx.store.find<CompoundDoc>(
              COMPOUNDS,
              { communityId: user.communityId },
              {
                orderBy: [
                  ['communityId', 'asc'],
                  ['name', 'asc'],
                ],
              },
            )
          : Promise.resolve([]),
        Promise.all(rated.map((id) => ctx.store.get<CompoundDoc>(COMPOUNDS, id))),
        ctx.store.find<RatingSheetDoc>(RATING_SHEETS, { raterId: user._id, period }, { limit: whole(100) }),
      ]);
      const compounds = [...community, ...granted.filter((c): c is CompoundDoc => !!c && !community.some((o) => o._id === c._id))];
      const communityIds = [...new Set([user.communityId, ...compounds.map((c) => c.communityId)])];
      const periodDocs = await Promise.all(communityIds.map((id) => ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, periodId(id, period))));
      const periodOfCommunity = new Map(communityIds.map((id, i) => [id, periodDocs[i]]));
      const periodDoc = periodOfCommunity.get(user.communityId) ?? periodOfCommunity.get(compounds[0]?.communityId ?? '') ?? null;
      const items: MySheetItem[] = [];
      const parties = await Promise.all(compounds.map((c) => hasCompoundParty(ctx, c)));
      for (const [i, c] of compounds.entries()) {
        const role = raterRoleFor(user, c, parties[i]);
        if (typeof role !== 'string') continue;
        const sheet = sheets.find((s) => s.compoundId === c._id);
        const published = periodOfCommunity.get(c.communityId)?.state === 'published';
        items.push({
          compoundId: c._id,
          compoundName: c.name,
          firmId: c.firmId,
          firmName: c.firmName,
          raterRole: role,
          raterRoleLabel: RATER_ROLE_LABELS[role],
          state: published || !hasStarted(period, now) ? 'closed' : sheet ? 'submitted' : 'draft',
          sheet: sheet ? sheetView(sheet) : null,
        });
      }
      const view: MySheetsView = {
        period,
        label: periodLabel(period),
        periodState: !hasStarted(period, now) ? 'not_started' : (periodDoc?.state ?? 'open'),
        items,
        dimensions: DIMENSION_OPTIONS,
      };
      return ok(view);
    },
  }),

  sheets: defineAction({
    summary: '本期评价表列表（社区工作人员）',
    access: 'active',
    input: sheetsInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const communityId = input.communityId ?? user.communityId;
      if (!isCommunityStaff(user, communityId)) return failures.forbidden('只有本社区工作人员可以查看评价表');
      const limit = input.limit ?? 20;
      const offset = decodeCursor(input.cursor);
      const rows = input.compoundId
        ? await ctx.store.find<RatingSheetDoc>(
            RATING_SHEETS,
            { compoundId: input.compoundId, period: input.period, communityId },
            {
              orderBy: [
                ['compoundId', 'asc'],
                ['period', 'asc'],
                ['submittedAt', 'desc'],
              ],
              limit: whole(limit + 1),
              skip: whole(offset),
            },
          )
        : await ctx.store.find<RatingSheetDoc>(
            RATING_SHEETS,
            { communityId, period: input.period },
            {
              orderBy: [
                ['communityId', 'asc'],
                ['period', 'asc'],
                ['submittedAt', 'desc'],
              ],
              limit: whole(limit + 1),
              skip: whole(offset),
            },
          );
      return ok(pageOf(rows.map(sheetView), offset, limit));
    },
  }),
} satisfies ActionMap;
