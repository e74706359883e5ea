import { DIMENSIONS, type DimensionMeans, type FirmResult, type ListEntry } from '../../domain/credit';
import { periodLabel, type Period } from '../../domain/period';
import { rulesFor } from '../../domain/rules-config';
import { USERS, type UserDoc } from '../account/user';
import { COMMUNITIES, type CommunityDoc } from '../community/community';
import type { AppContext } from '../context';
import { fail, failures, ok, type Result } from '../result';
import { communitiesOf } from '../scope';
import { CITY_RESULTS, type CityResultDoc } from './city';
import { periodId, RATING_PERIODS, type RatingPeriodDoc } from './rating';
import type { BoardInput } from './schemas';
import { boardLists, boardView, periodOption, ratingRulesView, type BoardView } from './views';
import { whole } from '../../ports/store';
import { compareZh } from '../../domain/collation';

const NO_DIMENSIONS = Object.fromEntries(DIMENSIONS.map((d) => [d, null])) as DimensionMeans;

/** The city-wide ranking of a period (latest with results by default): every firm, best first. */
export async function cityBoardView(ctx: Pick<AppContext, 'store'>, period?: Period): Promise<BoardView | null> {
  const recent = await ctx.store.find<CityResultDoc>(
    CITY_RESULTS,
    {},
    {
      orderBy: [
        ['period', 'desc'],
        ['creditScore', 'desc'],
      ],
      limit: whole(1000),
    },
  );
  const periods = [...new Set(recent.map((r) => r.period))];
  const chosen = period ?? periods[0];
  if (period && !periods.includes(period)) return null;
  const rows = recent.filter((r) => r.period === chosen && r.communityCount > 0);
  const firms: FirmResult[] = rows.map((r) => ({
    firmId: r.firmId,
    firmName: r.firmName,
    creditScore: r.creditScore,
    grade: r.grade,
    list: r.list,
    seriousItems: r.seriousItems,
    sheetCount: 0,
    dimensions: NO_DIMENSIONS,
    compounds: [],
  }));
  firms.sort((a, b) => (b.creditScore ?? -1) - (a.creditScore ?? -1) || compareZh(a.firmName, b.firmName));
  const entry = (f: FirmResult): ListEntry => ({
    firmId: f.firmId,
    firmName: f.firmName,
    grade: f.grade,
    creditScore: f.creditScore,
    seriousItems: f.seriousItems,
  });
  return {
    // The city ranking explains the city's default rules; a community's board its own.
    rules: ratingRulesView(rulesFor(null)),
    scope: 'city',
    communityId: null,
    communityName: null,
    period: chosen ?? null,
    label: chosen ? periodLabel(chosen) : null,
    n: null,
    reason: null,
    publishedAt: rows.reduce<string | null>((at, r) => (at && at > r.updatedAt ? at : r.updatedAt), null),
    ...boardLists({
      red: firms.filter((f) => f.list === 'red').map(entry),
      black: firms
        .filter((f) => f.list === 'black')
        .map(entry)
        .reverse(),
      firms,
    }),
    periods: periods.map(periodOption),
  };
}

/**
 * ratings.board (RULES.md §4, "whose board"): a community's frozen publication — the one asked
 * for, else the caller's own community's — or, with `scope: "city"` or for a caller without a
 * community, the city-wide ranking, labelled as such. Never another community's lists as one's own.
 */
export async function boardOf(input: BoardInput, ctx: AppContext): Promise<Result<BoardView>> {
  let communityId = input.communityId ?? null;
  if (!communityId && input.scope !== 'city' && ctx.callerId) {
    const user = await ctx.store.get<UserDoc>(USERS, ctx.callerId);
    communityId = (user?.communityId || communitiesOf(user)[0]) ?? null;
  }
  if (input.scope === 'city' || !communityId) {
    const view = await cityBoardView(ctx, input.period);
    return view ? ok(view) : fail('NOT_FOUND', '该期红黑榜尚未发布', 'NOT_PUBLISHED');
  }
  const [rows, community] = await Promise.all([
    ctx.store.find<RatingPeriodDoc>(
      RATING_PERIODS,
      { communityId, state: 'published' },
      {
        orderBy: [
          ['communityId', 'asc'],
          ['state', 'asc'],
          ['period', 'desc'],
        ],
        limit: whole(50),
      },
    ),
    ctx.store.get<CommunityDoc>(COMMUNITIES, communityId),
  ]);
  if (!community) return failures.notFound('社区');
  const rules = rulesFor(community.rules);
  const periods = rows.map((r) => r.period);
  if (!input.period) return ok(boardView(rows[0]?.current ?? null, periods, community, rules));
  const chosen =
    rows.find((r) => r.period === input.period) ??
    (await ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, periodId(communityId, input.period)));
  if (!chosen?.current) return fail('NOT_FOUND', '该期红黑榜尚未发布', 'NOT_PUBLISHED');
  return ok(boardView(chosen.current, periods, community, rules));
}
