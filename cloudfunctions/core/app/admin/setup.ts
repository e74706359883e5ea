/** What the admin's setup actions share: who may manage a street, today's date in China, a compound's service history. */
import { whole } from '../../ports/store';
import { isAdmin } from '../auth';
import { FIRM_ASSIGNMENTS, type FirmAssignmentDoc } from '../community/community';
import type { AppContext } from '../context';
import { isStreetAdminOf } from '../scope';

/** The admin, or the street_admin of the street. */
export function mayManageStreet(ctx: AppContext, streetId: string | undefined): boolean {
  return isAdmin(ctx.user) || isStreetAdminOf(ctx.user, streetId);
}

/** Today's date in China time, `YYYY-MM-DD`. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A compound's service history, oldest first. */
export function historyOf(ctx: Pick<AppContext, 'store'>, compoundId: string): Promise<FirmAssignmentDoc[]> {
  return ctx.store.find<FirmAssignmentDoc>(
    FIRM_ASSIGNMENTS,
    { compoundId },
    {
      orderBy: [
        ['compoundId', 'asc'],
        ['from', 'asc'],
      ],
      limit: whole(1000),
    },
  );
}
