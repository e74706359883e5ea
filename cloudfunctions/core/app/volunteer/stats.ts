import { chinaPeriodStarts } from '../../domain/activity';
import type { AppContext } from '../context';
import { SIGNUPS, VOLUNTEERS, type SignupDoc } from './model';

/** Volunteer figures of a community for community.stats. */
export interface VolunteerStats {
  volunteers: number;
  hoursThisMonth: number;
  hoursThisYear: number;
  hoursByCategory: Record<string, number>;
}

const PAGE = 1000;

/**
 * Volunteer figures of a community: registered volunteers living there, and the hours served in
 * its activities this calendar month and year (China time), the year's by category.
 */
export async function volunteerStats(ctx: Pick<AppContext, 'store' | 'clock'>, communityId: string): Promise<VolunteerStats> {
  const { monthStart, yearStart, nextYearStart } = chinaPeriodStarts(ctx.clock.now());
  const filter = { communityId, attendance: 'attended', startAt: { $gte: yearStart, $lt: nextYearStart } };
  const [volunteers, first] = await Promise.all([
    ctx.store.count(VOLUNTEERS, { communityId }),
    ctx.store.find<SignupDoc>(SIGNUPS, filter, { orderBy: [['startAt', 'asc']], limit: PAGE }),
  ]);
  let rows = first;
  let hoursThisMonth = 0;
  let hoursThisYear = 0;
  const hoursByCategory: Record<string, number> = {};
  for (let skip = 0; ;) {
    for (const s of rows) {
      hoursThisYear += s.hours;
      if (s.startAt >= monthStart) hoursThisMonth += s.hours;
      hoursByCategory[s.category] = (hoursByCategory[s.category] ?? 0) + s.hours;
    }
    if (rows.length < PAGE) break;
    skip += PAGE;
    rows = await ctx.store.find<SignupDoc>(SIGNUPS, filter, { orderBy: [['startAt', 'asc']], limit: PAGE, skip });
  }
  return { volunteers, hoursThisMonth, hoursThisYear, hoursByCategory };
}
