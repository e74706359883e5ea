import { claimRefusal, completeRefusal, confirmRefusal, reviewRefusal, thankRefusal } from '../../domain/outreach-need';
import type { UserDoc } from '../account/user';
import { isCommunityOrganiser, isCommunityStaff } from '../auth';
import type { AppContext } from '../context';
import { confirmedReport } from './members';
import { CLAIMS, type ClaimDoc, type NeedDoc } from './model';
import { claimView, needSummary, type NeedDetail } from './views';
import { whole } from '../../ports/store';

/** A need as `user` sees it: staff see every claim, a member their own; what each may do now. */
export async function needDetail(ctx: Pick<AppContext, 'store'>, need: NeedDoc, user: UserDoc): Promise<NeedDetail> {
  const [claims, member] = await Promise.all([
    ctx.store.find<ClaimDoc>(CLAIMS, { needId: need._id }, { orderBy: [['claimedAt', 'asc']], limit: whole(100) }),
    confirmedReport(ctx.store, user._id, need.communityId),
  ]);
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
