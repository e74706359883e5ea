import { SATISFIED_MIN_SCORE, type RequestKpis } from '../../domain/request-kpis';
import type { AppContext } from '../context';
import { REQUESTS } from './request';

/** Request KPIs of a community for community.stats. */
export type RequestStats = RequestKpis;

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
