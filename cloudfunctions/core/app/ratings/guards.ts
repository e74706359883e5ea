import type { RaterRole } from '../../domain/credit';
import type { UserDoc } from '../account/user';
import { hasCommunityRole } from '../auth';
import type { CompoundDoc } from '../community/community';
import { fail, type Failure } from '../result';

export const notStarted = () => fail('INVALID_STATE', '该期评价尚未开始', 'PERIOD_NOT_STARTED');
export const closed = () => fail('INVALID_STATE', '该期评价已发布，不能再提交或修改评价表', 'PERIOD_PUBLISHED');

/**
 * The capacity in which `user` rates `compound`, or why they may not: the community party
 * organisation rates every compound of its community; an owners'-committee member only their own
 * compound; nobody rates the firm they work for. A person holding both roles rates as party_org.
 */
export function raterRoleFor(user: UserDoc, compound: CompoundDoc): RaterRole | Failure {
  if (user.roles.includes('property_staff') && user.firmId === compound.firmId) {
    return fail('FORBIDDEN', '物业服务企业工作人员不能评价本企业', 'RATED_FIRM_STAFF');
  }
  if (hasCommunityRole(user, 'party_org', compound.communityId)) return 'party_org';
  if (hasCommunityRole(user, 'oc_member', compound.communityId) && user.compoundId === compound._id) return 'oc_member';
  return fail('FORBIDDEN', '只有本小区业委会成员和社区党组织可以评价', 'NOT_A_RATER');
}

/** Thrown inside a transaction to roll it back with an expected failure. */
export class Abort extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
  }
}

/** The raters the staff expect for each compound: its owners'-committee members and the party organisation. */
export function expectedRaters(compound: CompoundDoc, people: UserDoc[]): Array<{ user: UserDoc; role: RaterRole }> {
  const out: Array<{ user: UserDoc; role: RaterRole }> = [];
  for (const u of people) {
    if (u.roles.includes('property_staff') && u.firmId === compound.firmId) continue;
    if (u.roles.includes('party_org')) out.push({ user: u, role: 'party_org' });
    else if (u.roles.includes('oc_member') && u.compoundId === compound._id) out.push({ user: u, role: 'oc_member' });
  }
  return out;
}
