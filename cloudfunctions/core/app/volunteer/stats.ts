import { chinaPeriodStarts } from '../../domain/activity';
import { USERS } from '../account/user';
import type { AppContext } from '../context';
import { SIGNUPS, VOLUNTEERS, type SignupDoc } from './model';

/** Volunteer figures of a community for community.stats. */
export interface VolunteerStats {
  /** Volunteers who are approved residents of the community (RULES.md §1: approved residents only). */
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
    approvedVolunteers(ctx, communityId),
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

/** Volunteer profiles of the community whose holder is an approved (active) resident there. */
export async function approvedVolunteers(ctx: Pick<AppContext, 'store'>, communityId: string): Promise<number> {
  let total = 0;
  for (let skip = 0; ; skip += PAGE) {
    const rows = await ctx.store.find<{ _id: string }>(VOLUNTEERS, { communityId }, { orderBy: [['createdAt', 'asc']], limit: PAGE, skip });
    if (rows.length > 0) {
      total += await ctx.store.count(USERS, {
        _id: { $in: rows.map((r) => r._id) },
        communityId,
        status: 'active',
        roles: { $contains: 'resident' },
      });
    }
    if (rows.length < PAGE) return total;
  }
}
