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
