import { claimRefusal, completeRefusal, confirmRefusal, reviewRefusal, thankRefusal } from '../../domain/outreach-need';
import type { UserDoc } from '../account/user';
import { isCommunityOrganiser, isCommunityStaff } from '../auth';
import type { StoreReads } from '../pool';
import { confirmedIn, readReports } from './members';
import { CLAIMS, NEEDS, type ClaimDoc, type NeedDoc, type ReportDoc } from './model';
import { claimView, needSummary, type NeedDetail } from './views';
import { whole } from '../../ports/store';

/** What a need's detail is made of: the need, its claims (first 100, oldest first) and the caller's reports. */
export interface NeedState {
  need: NeedDoc | null;
  claims: ClaimDoc[];
  reports: Array<ReportDoc | null>;
}

/** The need's claims, oldest first (a need has at most 50 slots). */
export const claimsOf = (store: Pick<StoreReads, 'find'>, needId: string): Promise<ClaimDoc[]> =>
  store.find<ClaimDoc>(CLAIMS, { needId }, { orderBy: [['claimedAt', 'asc']], limit: whole(100) });

/**
 * Reads a need's state in one round: every id comes from the input and the caller's id (derived
 * from the OPENID), so an action issues it beside the caller's record (ActionDef.load).
 */
export function readNeedState(store: StoreReads, needId: string, callerId: string | null): Promise<NeedState> {
  // Not `async` (see claim.ts readClaimState): a store failing at once leaves no read rejected unhandled.
  return Promise.all([store.get<NeedDoc>(NEEDS, needId), claimsOf(store, needId), callerId ? readReports(store, callerId) : []]).then(
    ([need, claims, reports]) => ({ need, claims, reports }),
  );
}

/** A need as `user` sees it, from its state: staff see every claim, a member their own; what each may do now. */
export function needDetailOf(
  need: NeedDoc,
  claims: readonly ClaimDoc[],
  reports: ReadonlyArray<ReportDoc | null>,
  user: UserDoc,
): NeedDetail {
  const member = confirmedIn(reports, need.communityId);
  const staff = isCommunityStaff(user, need.communityId);
  const organiser = isCommunityOrganiser(user, need.communityId);
  const mine = claims.find((c) => c.userId === user._id) ?? null;
  return {
    ...needSummary(need),
    reviewNote: need.reviewNote ?? null,
    thanks: need.thanks ? { score: need.thanks.score, message: need.thanks.message ?? null, at: need.thanks.at } : null,
    claims: staff ? claims.map(claimView) : [],
    myClaim: mine ? claimView(mine) : null,
    isRequester: need.requesterId === user._id,
    can: {
      claim: !!member && !mine && !claimRefusal(need),
      complete: !!mine && !completeRefusal(mine),
      confirm: organiser && claims.some((c) => !confirmRefusal(c)),
      review: organiser && !reviewRefusal(need),
      thank: !thankRefusal({ ...need, thanked: !!need.thanks }, user._id),
    },
  };
}

/** A need as `user` sees it, its claims and the user's reports read now. */
export async function needDetail(ctx: { store: StoreReads }, need: NeedDoc, user: UserDoc): Promise<NeedDetail> {
  const [claims, reports] = await Promise.all([claimsOf(ctx.store, need._id), readReports(ctx.store, user._id)]);
  return needDetailOf(need, claims, reports, user);
}
