import { evaluatePeriod } from '../../domain/credit';
import { hasStarted } from '../../domain/period';
import { rulesFor } from '../../domain/rules-config';
import { defineAction, type ActionMap } from '../action';
import { audit } from '../audit';
import { hasCommunityRole, isAdmin } from '../auth';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from '../community/community';
import { checkTexts } from '../content';
import { newId } from '../ids';
import { fail, failures, ok, type Failure } from '../result';
import type { AppContext } from '../context';
import type { UserDoc } from '../account/user';
import { guardedChange } from '../guarded-change';
import { mustInsert, Writes } from '../volunteer/seat-writes';
import { attributedInputs } from './attribution';
import { CITY_ATTEMPTS, cityWrites, mergeCityState, readCityState, type CityState } from './city-state';
import { blackListNotices, sendBlackListNotices } from './notices';
import { droppedFirms, firmResultsOf, publicationOf, publicationWrites } from './publication';
import {
  aboutCompound,
  freshPeriod,
  periodId,
  RATING_PERIODS,
  RATING_PUBLICATIONS,
  RATING_SHEETS,
  SERIOUS_ITEMS,
  type FirmResultDoc,
  type PublicationResults,
  type RatingPeriodDoc,
  type RatingSheetDoc,
  type SeriousItemDoc,
} from './rating';
import { publishInput, recordSeriousItemInput } from './schemas';
import { boardView, seriousItemView } from './views';
import { notStarted } from './guards';
import { whole } from '../../ports/store';

const periodChanged = () => fail('CONFLICT', '评价数据刚有变化，请刷新后重新发布', 'PERIOD_CHANGED');

/**
 * Stores the publication, its audit entry, its firms' results, their city-wide results and the
 * latest grades in one transaction (all or nothing), every write issued together and guarded by
 * what it was decided on. The period moved (a sheet, an item or another publication since it was
 * read): PERIOD_CHANGED. Another community's publication moved a firm's city-wide result: decided
 * again on fresh reads. Null once stored.
 */
async function storeAll(
  ctx: AppContext & { user: UserDoc },
  results: PublicationResults,
  period: RatingPeriodDoc,
  first: CityState,
  firmIds: string[],
  penalty: number,
): Promise<Failure | null> {
  const replaced = { communityId: results.communityId, penalty, rows: new Map<string, FirmResultDoc | null>(firmResultsOf(results)) };
  return guardedChange({
    first,
    reread: () => readCityState(ctx.store, results.period, firmIds),
    attempts: CITY_ATTEMPTS,
    // Only another community's publication moving a firm's city-wide result is decided again.
    retried: (what) => what !== RATING_PERIODS && what !== RATING_PUBLICATIONS,
    busy: periodChanged,
    attempt: async (state) => {
      const existing = new Set(
        [...state.rows.values()]
          .flat()
          .filter((r) => r.communityId === results.communityId)
          .map((r) => r._id),
      );
      await ctx.store.transaction(async (tx) => {
        const writes = new Writes();
        publicationWrites(tx, writes, results, period, existing);
        cityWrites(tx, writes, state, firmIds, results.publishedAt, replaced);
        writes.add(
          audit({ ...ctx, store: tx }, 'ratings.publish', 'rating_period', period._id, {
            n: results.n,
            reason: results.reason,
            red: results.red.map((f) => f.firmId),
            black: results.black.map((f) => f.firmId),
          }),
        );
        await writes.settle();
      });
      return null;
    },
  });
}

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
      // One round: the community, the period, its compounds, sheets and serious items, and the reason's check.
      const [community, period, compounds, sheets, items, refused] = await Promise.all([
        ctx.store.get<CommunityDoc>(COMMUNITIES, communityId),
        ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, pid),
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
        input.reason ? checkTexts(ctx, [input.reason]) : Promise.resolve(null),
      ]);
      if (!community) return failures.notFound('社区');
      if (!period || period.sheetCount === 0) return fail('INVALID_STATE', '该期还没有任何评价表，不能发布', 'EMPTY_PERIOD');
      if (period.state === 'published' && !input.reason) return fail('INVALID_STATE', '该期已发布；重新发布须说明理由', 'REASON_REQUIRED');
      if (refused) return refused;
      // The firms' city-wide state is read beside the attribution, for the firms known so far.
      const known = [...compounds.map((c) => c.firmId), ...(period.current?.firms ?? []).map((f) => f.firmId)];
      // Each sheet and the owner satisfaction count for the firm that served the compound then.
      const [{ inputs, sheets: counted }, state] = await Promise.all([
        attributedInputs(ctx, compounds, sheets, input.period),
        readCityState(ctx.store, input.period, known, [community]),
      ]);
      const rules = rulesFor(community.rules);
      const evaluation = evaluatePeriod(inputs, counted, items, rules);
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
      // The firms' city-wide credit now includes this community's compounds (and drops a firm no longer here).
      const firmIds = [...new Set([...results.firms.map((f) => f.firmId), ...droppedFirms(results, period)])];
      const later = firmIds.filter((f) => !state.rows.has(f));
      if (later.length > 0) mergeCityState(state, await readCityState(ctx.store, input.period, later, [community]));
      const notices = results.black.length > 0 ? blackListNotices(ctx, results) : Promise.resolve([]);
      notices.catch(() => undefined);
      const stored = await storeAll(ctx, results, period, state, firmIds, rules.seriousItemPenalty);
      if (stored) return stored;
      if (results.black.length > 0) await sendBlackListNotices(ctx, results, await notices);
      return ok(boardView(results, [], community, rules));
    },
  }),

  recordSeriousItem: defineAction({
    summary: '记录物业企业重大事项（附证据，计入信用扣分并列入黑榜）',
    access: 'active',
    input: recordSeriousItemInput,
    load: (input, { store }) => store.get<CompoundDoc>(COMPOUNDS, input.compoundId),
    run: async (input, ctx) => {
      const user = ctx.user;
      const compound = ctx.loaded;
      if (!compound) return failures.notFound('小区');
      if (!hasCommunityRole(user, 'party_org', compound.communityId)) return failures.forbidden('只有本社区党组织可以记录重大事项');
      const now = ctx.clock.now();
      if (!hasStarted(input.period, now)) return notStarted();
      const refused = await checkTexts(ctx, [input.description]);
      if (refused) return refused;
      const at = now.toISOString();
      const item: SeriousItemDoc = {
        _id: newId('si', now),
        ...aboutCompound(compound, input.period),
        description: input.description,
        evidence: input.evidence,
        recordedBy: user._id,
        recordedByName: user.name,
        recordedAt: at,
      };
      const pid = periodId(compound.communityId, input.period);
      const fresh = freshPeriod(compound.communityId, input.period, at, 0);
      // The item, its audit entry and the period's version, issued together; the period is made
      // after them (same transaction) when this is its first record.
      await guardedChange({
        first: null,
        attempts: 3,
        // Another record made the period first: this one bumps it instead. Made and moved at every attempt: thrown.
        busy: (_what, err): never => {
          throw err;
        },
        attempt: () =>
          ctx.store.transaction(async (tx) => {
            const writes = new Writes();
            writes.add(
              tx.insert(SERIOUS_ITEMS, item),
              audit({ ...ctx, store: tx }, 'ratings.recordSeriousItem', 'rating_serious_item', item._id, {
                firmId: item.firmId,
                period: item.period,
                compoundId: item.compoundId,
              }),
            );
            // Moving the period's version makes a publication computed without this item fail and retry.
            const bumped = tx.update(RATING_PERIODS, pid, { $inc: { version: 1 }, $set: { updatedAt: at } });
            writes.add(bumped);
            await writes.settle();
            if (!(await bumped)) await mustInsert(tx.insert(RATING_PERIODS, fresh), RATING_PERIODS);
          }),
      });
      return ok(seriousItemView(item));
    },
  }),
} satisfies ActionMap;
