/** Who a reported member is to a community: shared by the report, need and team actions. */
import { REPORT_KINDS } from '../../domain/outreach-report';
import type { Store } from '../../ports/store';
import type { UserDoc } from '../account/user';
import { hasCommunityRole } from '../auth';
import { REPORTS, reportIdOf, type ReportDoc } from './model';

/** The member's confirmed report to the community (either kind), or null. */
export async function confirmedReport(store: Store, userId: string, communityId: string): Promise<ReportDoc | null> {
  const reports = await Promise.all(REPORT_KINDS.map((k) => store.get<ReportDoc>(REPORTS, reportIdOf(userId, k))));
  return reports.find((r) => r && r.communityId === communityId && r.status === 'confirmed') ?? null;
}

/** party_org of the community (active): confirms reports and names building roles. */
export const isPartyOrgOf = (user: UserDoc | null, communityId: string): boolean => hasCommunityRole(user, 'party_org', communityId);
