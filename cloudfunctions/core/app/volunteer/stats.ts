import type { AppContext } from '../context';

/** Volunteer figures of a community for community.stats (filled in by the volunteer feature). */
export interface VolunteerStats {
  volunteers: number;
  hoursThisMonth: number;
  hoursThisYear: number;
  hoursByCategory: Record<string, number>;
}

/** Volunteer figures of a community. */
export async function volunteerStats(_ctx: AppContext, _communityId: string): Promise<VolunteerStats> {
  return { volunteers: 0, hoursThisMonth: 0, hoursThisYear: 0, hoursByCategory: {} };
}
