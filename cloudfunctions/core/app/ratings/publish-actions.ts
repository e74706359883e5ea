import { evaluatePeriod } from '../../domain/credit';
import { hasStarted } from '../../domain/period';
import { rulesFor } from '../../domain/rules-config';
import { defineAction, type ActionMap } from '../action';
import { audit } from '../audit';
import { hasCommunityRole, isAdmin } from '../auth';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from '../community/community';
import { checkTexts } from '../content';
import { newId } from '../ids';
import { fail, failures, ok } from '../result';
import { attributedInputs } from './attribution';
import { recomputeCityResults } from './city';
import { sendBlackListNotices } from './notices';
import { publicationOf, storePublication } from './publication';
import {
  periodId,
  RATING_PERIODS,
  RATING_SHEETS,
  SERIOUS_ITEMS,
  type RatingPeriodDoc,
  type RatingSheetDoc,
  type SeriousItemDoc,
} from './rating';
import { publishInput, recordSeriousItemInput } from './schemas';
import { boardView, seriousItemView } from './views';
import { Abort, notStarted } from './guards';
import { whole } from '../../ports/store';

/** Publishing a period's 红黑榜 and recording serious items against a firm. */
export const publishActions = {
  publish: defineAction({
    summary: '发布红黑榜（计算并冻结本期结果；重新发布须说明理由）',
    access: 'active',
    input: publishInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const communityId = input.communityId ?? user.communityId;
      if (!isAdmin(user) && !hasCommunityRole(user, 'party_org', communityId))
        return failures.forbidden('只有社区党组织或平台管理员可以发布红黑榜');
      const pid = periodId(communityId, input.period);
      const [community, period] = await Promise.all([
        ctx.store.get<CommunityDoc>(COMMUNITIES, communityId),
        ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, pid),
      ]);
      if (!community) return failures.notFound('社区');
      if (!period || period.sheetCount === 0) return fail('INVALID_STATE', '该期还没有任何评价表，不能发布', 'EMPTY_PERIOD');
      if (period.state === 'published' && !input.reason) return fail('INVALID_STATE', '该期已发布；重新发布须说明理由', 'REASON_REQUIRED');
      if (input.reason) {
        const refused = await checkTexts(ctx, [input.reason]);
        if (refused) return refused;
      }
      const [compounds, sheets, items] = await Promise.all([
        ctx.store.find<CompoundDoc>(
          COMPOUNDS,
          { communityId },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['name', 'asc'],
            ],
          },
        ),
        ctx.store.find<RatingSheetDoc>(RATING_SHEETS, { communityId, period: input.period }, { limit: whole(1000) }),
        ctx.store.find<SeriousItemDoc>(SERIOUS_ITEMS, { communityId, period: input.period }, { limit: whole(1000) }),
      ]);
      // Each sheet and the owner satisfaction count for the firm that served the compound then.
      const { inputs, sheets: counted } = await attributedInputs(ctx, compounds, sheets, input.period);
      const evaluation = evaluatePeriod(inputs, counted, items, rulesFor(community.rules));
      const results = publicationOf(evaluation, {
        communityId,
        period: input.period,
        n: period.publicationCount + 1,
        reason: input.reason ?? null,
        publishedAt: ctx.clock.now().toISOString(),
        publishedBy: user._id,
        publishedByName: user.name,
        sheetCount: counted.length,
      });
      let stored: boolean;
      try {
        stored = await ctx.store.transaction(async (tx) => {
          // The publication and its audit entry, together: an aborted one rolls both back.
          const [published] = await Promise.all([
            storePublication(tx, results, period),
            audit({ ...ctx, store: tx }, 'ratings.publish', 'rating_period', pid, {
              n: results.n,
              reason: results.reason,
              red: results.red.map((f) => f.firmId),
              black: results.black.map((f) => f.firmId),
            }),
          ]);
          if (!published) throw new Abort(fail('CONFLICT', '评价数据刚有变化，请刷新后重新发布', 'PERIOD_CHANGED'));
          return true;
        });
      } catch (err) {
        if (err instanceof Abort) return err.failure;
        throw err;
      }
      if (!stored) return failures.internal();
      // The firms' city-wide credit now includes this community's compounds (and drops a firm no longer here).
      await recomputeCityResults(
        ctx,
        input.period,
        [...results.firms, ...(period.current?.firms ?? [])].map((f) => f.firmId),
      );
      if (results.black.length > 0) await sendBlackListNotices(ctx, results);
      return ok(boardView(results, [], community, rulesFor(community.rules)));
    },
  }),

  recordSeriousItem: defineAction({
    summary: '记录物业企业重大事项（附证据，计入信用扣分并列入黑榜）',
    access: 'active',
    input: recordSeriousItemInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, input.compoundId);
      if (!compound) return failures.notFound('小区');
      if (!hasCommunityRole(user, 'party_org', compound.communityId)) return failures.forbidden('只有本社区党组织可以记录重大事项');
      const now = ctx.clock.now();
      if (!hasStarted(input.period, now)) return notStarted();
      const refused = await checkTexts(ctx, [input.description]);
      if (refused) return refused;
      const at = now.toISOString();
      const item: SeriousItemDoc = {
        _id: newId('si', now),
        communityId: compound.communityId,
        compoundId: compound._id,
        compoundName: compound.name,
        firmId: compound.firmId,
        firmName: compound.firmName,
        period: input.period,
        description: input.description,
        evidence: input.evidence,
        recordedBy: user._id,
        recordedByName: user.name,
        recordedAt: at,
      };
      const pid = periodId(compound.communityId, input.period);
      await ctx.store.transaction(async (tx) => {
        await Promise.all([
          tx.insert(SERIOUS_ITEMS, item),
          audit({ ...ctx, store: tx }, 'ratings.recordSeriousItem', 'rating_serious_item', item._id, {
            firmId: item.firmId,
            period: item.period,
            compoundId: item.compoundId,
          }),
        ]);
        // Moving the period's version makes a publication computed without this item fail and retry.
        if (!(await tx.update(RATING_PERIODS, pid, { $inc: { version: 1 }, $set: { updatedAt: at } }))) {
          const fresh: RatingPeriodDoc = {
            _id: pid,
            communityId: compound.communityId,
            period: input.period,
            state: 'open',
            version: 1,
            sheetCount: 0,
            publicationCount: 0,
            current: null,
            noticesPending: false,
            createdAt: at,
            updatedAt: at,
          };
          await tx.insert(RATING_PERIODS, fresh);
        }
      });
      return ok(seriousItemView(item));
    },
  }),
} satisfies ActionMap;
