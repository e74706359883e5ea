import type { AppContext } from '../context';

/** Request KPIs of a community for community.stats (filled in by the requests feature). */
export interface RequestStats {
  total: number;
  open: number;
  overdue: number;
  /** Accepted within 24 h, among submitted. */
  responseRate: number | null;
  /** Resolved or closed, among accepted. */
  resolutionRate: number | null;
  /** Scores ≥ 4 among rated. */
  satisfactionRate: number | null;
}

/** Request KPIs of a community. */
export async function requestStats(_ctx: AppContext, _communityId: string): Promise<RequestStats> {
  return { total: 0, open: 0, overdue: 0, responseRate: null, resolutionRate: null, satisfactionRate: null };
}

/** Rated requests of a compound resolved in [from, to): the owner-satisfaction input of the quality score. */
export interface CompoundSatisfaction {
  rated: number;
  /** Rated with a score of 4 or 5. */
  satisfied: number;
}

/** Owner satisfaction of a compound over a period (RULES.md §4); filled in by the requests feature. */
export async function compoundSatisfaction(_deps: Pick<AppContext, 'store'>, _compoundId: string, _fromIso: string, _toIso: string): Promise<CompoundSatisfaction> {
  return { rated: 0, satisfied: 0 };
}
