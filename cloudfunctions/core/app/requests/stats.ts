import { requestKpis, SATISFIED_MIN_SCORE, type RequestKpis } from '../../domain/request-kpis';
import { PARTIES, type Party } from '../../domain/roles';
import { MAX_FIND_LIMIT } from '../../ports/store';
import type { AppContext } from '../context';
import { REQUESTS, type RequestDoc } from './request';

/** Request KPIs of a community for community.stats. */
export type RequestStats = RequestKpis;

/** The community's KPIs with the breakdowns by lead party and by property firm (RULES.md §2). */
export interface RequestStatsDetail extends RequestStats {
  byParty: Record<Party, RequestKpis>;
  byFirm: Array<RequestKpis & { firmId: string; firmName: string }>;
}

/** Request KPIs of a community, overall, per lead party and per firm serving its compounds. */
export async function requestStats(ctx: Pick<AppContext, 'store' | 'clock'>, communityId: string): Promise<RequestStatsDetail> {
  const docs: RequestDoc[] = [];
  // Paged by the community index; a community files hundreds of requests a year, not millions.
  for (let skip = 0; ; skip += MAX_FIND_LIMIT) {
    const page = await ctx.store.find<RequestDoc>(
      REQUESTS,
      { communityId },
      { orderBy: [['createdAt', 'asc']], limit: MAX_FIND_LIMIT, skip },
    );
    docs.push(...page);
    if (page.length < MAX_FIND_LIMIT) break;
  }
  const now = ctx.clock.now();
  const byParty = Object.fromEntries(
    PARTIES.map((p) => [
      p,
      requestKpis(
        docs.filter((d) => d.leadParty === p),
        now,
      ),
    ]),
  ) as Record<Party, RequestKpis>;
  const firms = new Map<string, string>();
  for (const d of docs) firms.set(d.firmId, d.firmName);
  const byFirm = [...firms].map(([firmId, firmName]) => ({
    firmId,
    firmName,
    ...requestKpis(
      docs.filter((d) => d.firmId === firmId),
      now,
    ),
  }));
  return { ...requestKpis(docs, now), byParty, byFirm };
}

/** Rated requests of a compound rated in [from, to): the owner-satisfaction input of the quality score. */
export interface CompoundSatisfaction {
  rated: number;
  /** Rated with a score of 4 or 5. */
  satisfied: number;
}

/**
 * Owner satisfaction of a compound over a period (RULES.md §4): its requests whose (latest)
 * rating falls in [fromIso, toIso); satisfied means a score ≥ 4. Requests closed without
 * feedback carry no rating and are not counted.
 */
export async function compoundSatisfaction(
  deps: Pick<AppContext, 'store'>,
  compoundId: string,
  fromIso: string,
  toIso: string,
): Promise<CompoundSatisfaction> {
  const inPeriod = { compoundId, ratedAt: { $gte: new Date(fromIso).toISOString(), $lt: new Date(toIso).toISOString() } };
  const [rated, satisfied] = await Promise.all([
    deps.store.count(REQUESTS, inPeriod),
    deps.store.count(REQUESTS, { $and: [inPeriod, { 'rating.score': { $gte: SATISFIED_MIN_SCORE } }] }),
  ]);
  return { rated, satisfied };
}
