import type { Store } from '../../ports/store';
import { TEAMS, type TeamDoc } from '../outreach/model';
import type { ActivityDoc } from './model';

/**
 * The team an activity is published for, as it is now: its current leader organises the activity
 * (app/scope.ts `organisesActivity`). Null, without a read, for an activity of no team.
 */
export function teamOf(store: Pick<Store, 'get'>, a: Pick<ActivityDoc, 'teamId'> | null): Promise<TeamDoc | null> {
  return a?.teamId ? store.get<TeamDoc>(TEAMS, a.teamId) : Promise.resolve(null);
}
