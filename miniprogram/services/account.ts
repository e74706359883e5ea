// account: registration, approval, roles and members (API.md §5).
import type { AccountReason } from '../../cloudfunctions/core/app/account/reasons';
import type {
  ApiResult,
  GrantRoleInput,
  ListMembersInput,
  MemberPage,
  MemberView,
  RegisterInput,
  SelfView,
  WhoAmI,
} from '../../typings/api';
import { functionCaller } from './transport';

/** An answer of the account function. */
export type Result<T> = ApiResult<T, AccountReason>;

const accountCall = functionCaller<AccountReason>('account');

/** 获取当前用户（未注册时 user 为 null） */
export function whoami(): Promise<Result<WhoAmI>> {
  return accountCall('whoami');
}

/** 居民注册，提交后待社区审核 */
export function register(input: RegisterInput): Promise<Result<SelfView>> {
  return accountCall('register', input);
}

/** 审核通过居民注册 */
export function approve(userId: string): Promise<Result<MemberView>> {
  return accountCall('approve', { userId });
}

/** 授予角色（物业工作人员须指定物业企业） */
export function grantRole(input: GrantRoleInput): Promise<Result<MemberView>> {
  return accountCall('grantRole', input);
}

/** 获取社区成员列表（手机号脱敏） */
export function listMembers(input: ListMembersInput): Promise<Result<MemberPage>> {
  return accountCall('listMembers', input);
}
