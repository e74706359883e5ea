/** Who a reported member is to a community: shared by the report, need and team actions. */
import { REPORT_KINDS } from '../../domain/outreach-report';
import type { StoreReads } from '../pool';
import type { UserDoc } from '../account/user';
import { hasCommunityRole } from '../auth';
import { REPORTS, reportIdOf, type ReportDoc } from './model';

/** The member's reports, one of each kind (null where none): their ids come from the user id alone. */
export function readReports(store: Pick<StoreReads, 'get'>, userId: string): Promise<Array<ReportDoc | null>> {
  return Promise.all(REPORT_KINDS.map((k) => store.get<ReportDoc>(REPORTS, reportIdOf(userId, k))));
}

/** Of the member's reports, the one confirmed by the community (either kind), or null. */
export const confirmedIn = (reports: ReadonlyArray<ReportDoc | null>, communityId: string): ReportDoc | null =>
  reports.find((r) => r && r.communityId === communityId && r.status === 'confirmed') ?? null;

/** The member's confirmed report to the community (either kind), or null. */
export async function confirmedReport(store: Pick<StoreReads, 'get'>, userId: string, communityId: string): Promise<ReportDoc | null> {
  return confirmedIn(await readReports(store, userId), communityId);
}

/** party_org of the community (active): confirms reports and names building roles. */
export const isPartyOrgOf = (user: UserDoc | null, communityId: string): boolean => hasCommunityRole(user, 'party_org', communityId);
