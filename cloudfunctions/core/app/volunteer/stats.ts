import { chinaPeriodStarts } from '../../domain/activity';
import { USERS } from '../account/user';
import type { Store } from '../../ports/store';
import type { AppContext } from '../context';
import { SIGNUPS, VOLUNTEERS, type SignupDoc } from './model';
import { whole } from '../../ports/store';

/** Volunteer hours of a community for community.stats (its volunteers are counted on write: app/admin/counters.ts). */
export interface VolunteerHours {
  hoursThisMonth: number;
  hoursThisYear: number;
  hoursByCategory: Record<string, number>;
}

const PAGE = 1000;

/**
 * The hours served in a community's activities this calendar month and year (China time), the
 * year's by category: one community's attended signups of the year, a page at a time.
 */
export async function volunteerHours(store: Pick<Store, 'find'>, communityId: string, now: Date): Promise<VolunteerHours> {
  const { monthStart, yearStart, nextYearStart } = chinaPeriodStarts(now);
  const filter = { communityId, attendance: 'attended', startAt: { $gte: yearStart, $lt: nextYearStart } };
  let hoursThisMonth = 0;
  let hoursThisYear = 0;
  const hoursByCategory: Record<string, number> = {};
  for (let skip = 0; ; skip += PAGE) {
    const rows = await store.find<SignupDoc>(SIGNUPS, filter, { orderBy: [['startAt', 'asc']], limit: whole(PAGE), skip: whole(skip) });
    for (const s of rows) {
      hoursThisYear += s.hours;
      if (s.startAt >= monthStart) hoursThisMonth += s.hours;
      hoursByCategory[s.category] = (hoursByCategory[s.category] ?? 0) + s.hours;
    }
    if (rows.length < PAGE) return { hoursThisMonth, hoursThisYear, hoursByCategory };
  }
}

/** Volunteer profiles of the community whose holder is an approved (active) resident there. */
export async function approvedVolunteers(ctx: Pick<AppContext, 'store'>, communityId: string): Promise<number> {
  let total = 0;
  for (let skip = 0; ; skip += PAGE) {
    const rows = await ctx.store.find<{ _id: string }>(
      VOLUNTEERS,
      { communityId },
      { orderBy: [['createdAt', 'asc']], limit: whole(PAGE), skip: whole(skip) },
    );
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
