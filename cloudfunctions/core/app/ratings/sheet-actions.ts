import { sheetRating } from '../../domain/credit';
import { hasStarted, periodLabel, periodOf, type Period } from '../../domain/period';
import { defineAction, type ActionMap } from '../action';
import { hasCommunityRole, isCommunityStaff, isFailure } from '../auth';
import { grantsOf } from '../scope';
import { COMPOUNDS, type CompoundDoc } from '../community/community';
import { checkTexts } from '../content';
import { fail, failures, ok } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { aboutCompound, periodId, RATING_PERIODS, RATING_SHEETS, type RatingPeriodDoc, type RatingSheetDoc } from './rating';
import { mySheetsInput, sheetsInput, submitInput } from './schemas';
import { DIMENSION_OPTIONS, RATER_ROLE_LABELS } from '../../domain/credit';
import { sheetView, type MySheetItem, type MySheetsView } from './views';
import { hasCompoundParty, hasCompoundPartyFrom, readPartyFacts } from './city';
import { loadSheet, submitSheet } from './sheet-submit';
import { notStarted, raterRoleFor } from './guards';
import { whole } from '../../ports/store';

/** Filling rating sheets, and the sheets a rater or the staff see. */
export const sheetActions = {
  submit: defineAction({
    summary: '提交物业服务评价表（发布前可重新提交替换）',
    access: 'active',
    input: submitInput,
    load: (input, { store, callerId }) => loadSheet(store, input.compoundId, input.period, callerId ?? ''),
    run: async (input, ctx) => {
      const user = ctx.user;
      const { compound, existing, party } = ctx.loaded;
      if (!compound) return failures.notFound('小区');
      const role = raterRoleFor(user, compound, await hasCompoundPartyFrom(ctx.store, compound, party));
      if (typeof role !== 'string') return role;
      const now = ctx.clock.now();
      if (!hasStarted(input.period, now)) return notStarted();
      const comment = input.comment ? input.comment : null;
      if (comment) {
        const refused = await checkTexts(ctx, [comment]);
        if (refused) return refused;
      }
      const sheet = await submitSheet(
        ctx,
        {
          ...aboutCompound(compound, input.period),
          raterId: user._id,
          raterName: user.name,
          raterRole: role,
          scores: input.scores,
          comment,
          rating: sheetRating(input.scores),
          submittedAt: now.toISOString(),
        },
        existing,
      );
      if (isFailure(sheet)) return sheet;
      return ok({ ...sheetView(sheet), state: 'submitted' as const });
    },
  }),

  mySheets: defineAction({
    summary: '我的评价表（可评价的小区及提交状态）',
    access: 'active',
    input: mySheetsInput,
    // The caller's sheets of the period: by their user id, which derives from the OPENID.
    load: (input, { store, callerId, now }) =>
      store.find<RatingSheetDoc>(RATING_SHEETS, { raterId: callerId ?? '', period: input.period ?? periodOf(now) }, { limit: whole(100) }),
    run: async (input, ctx) => {
      const user = ctx.user;
      const isParty = hasCommunityRole(user, 'party_org', user.communityId);
      // A compound's raters hold their role for it, wherever they live (roles by invitation, RULES.md §9).
      const grants = grantsOf(user).filter((g) => (g.role === 'oc_member' || g.role === 'compound_party') && g.compoundId);
      const rated = [...new Set(grants.map((g) => g.compoundId as string))];
      if (!isParty && rated.length === 0)
        return fail('FORBIDDEN', '只有小区党组织成员、业委会成员和社区党组织可以评价物业服务', 'NOT_A_RATER');
      const now = ctx.clock.now();
      const period: Period = input.period ?? periodOf(now);
      const sheets = ctx.loaded;
      // One round for what the caller's record names: the compounds, their periods and their party holders.
      const named = [...new Set([user.communityId, ...grants.map((g) => g.communityId ?? '')].filter((id) => !!id))];
      const [community, granted, periodDocs, partyFacts] = await Promise.all([
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
        Promise.all(named.map((id) => ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, periodId(id, period)))),
        Promise.all(rated.map((id) => readPartyFacts(ctx.store, id))),
      ]);
      const compounds = [...community, ...granted.filter((c): c is CompoundDoc => !!c && !community.some((o) => o._id === c._id))];
      const periodOfCommunity = new Map(named.map((id, i) => [id, periodDocs[i]]));
      const facts = new Map(rated.map((id, i) => [id, partyFacts[i]]));
      // A second round only for what the first found: the community's other compounds, another community's period.
      const later = [...new Set(compounds.map((c) => c.communityId))].filter((id) => !periodOfCommunity.has(id));
      const [laterPeriods, parties] = await Promise.all([
        Promise.all(later.map((id) => ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, periodId(id, period)))),
        Promise.all(
          compounds.map((c) => (facts.has(c._id) ? hasCompoundPartyFrom(ctx.store, c, facts.get(c._id)!) : hasCompoundParty(ctx, c))),
        ),
      ]);
      later.forEach((id, i) => periodOfCommunity.set(id, laterPeriods[i]));
      const periodDoc = periodOfCommunity.get(user.communityId) ?? periodOfCommunity.get(compounds[0]?.communityId ?? '') ?? null;
      const items: MySheetItem[] = [];
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
