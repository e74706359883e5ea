import type { RaterRole } from '../../domain/credit';
import type { UserDoc } from '../account/user';
import { raterRoleOf } from '../../domain/raters';
import type { CompoundDoc } from '../community/community';
import { fail, type Failure } from '../result';
import { grantsOf } from '../scope';

export const notStarted = () => fail('INVALID_STATE', '该期评价尚未开始', 'PERIOD_NOT_STARTED');
export const closed = () => fail('INVALID_STATE', '该期评价已发布，不能再提交或修改评价表', 'PERIOD_PUBLISHED');

/** A user as the raters rule reads them: status and every role held with its scope. */
export const raterFacts = (user: UserDoc) => ({ status: user.status, held: grantsOf(user) });

/**
 * The capacity in which `user` rates `compound` (domain/raters.ts), or the failure to answer.
 * `compoundHasParty`: whether the compound has a compound party organisation (city.ts).
 */
export function raterRoleFor(user: UserDoc, compound: CompoundDoc, compoundHasParty: boolean): RaterRole | Failure {
  const role = raterRoleOf(raterFacts(user), compound, compoundHasParty);
  if (role === 'RATED_FIRM_STAFF') return fail('FORBIDDEN', '物业服务企业工作人员不能评价本企业', role);
  if (role === 'NOT_A_RATER') return fail('FORBIDDEN', '只有本小区党组织成员、业委会成员（小区未建党组织时为社区党组织）可以评价', role);
  return role;
}
