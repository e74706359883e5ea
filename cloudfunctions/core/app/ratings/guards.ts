import type { RaterRole } from '../../domain/credit';
import type { UserDoc } from '../account/user';
import { raterRoleOf } from '../../domain/raters';
import type { CompoundDoc } from '../community/community';
import { fail, type Failure } from '../result';

export const notStarted = () => fail('INVALID_STATE', '该期评价尚未开始', 'PERIOD_NOT_STARTED');
export const closed = () => fail('INVALID_STATE', '该期评价已发布，不能再提交或修改评价表', 'PERIOD_PUBLISHED');

/** The capacity in which `user` rates `compound` (domain/raters.ts), or the failure to answer. */
export function raterRoleFor(user: UserDoc, compound: CompoundDoc): RaterRole | Failure {
  const role = raterRoleOf(user, compound);
  if (role === 'RATED_FIRM_STAFF') return fail('FORBIDDEN', '物业服务企业工作人员不能评价本企业', role);
  if (role === 'NOT_A_RATER') return fail('FORBIDDEN', '只有本小区业委会成员和社区党组织可以评价', role);
  return role;
}

/** Thrown inside a transaction to roll it back with an expected failure. */
export class Abort extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
  }
}
