// Who may use an outreach page: the refusals its `caller` check takes (the server decides again on every call).
import type { Role } from '../../typings/api';
import type { Refusal } from '../behaviors/page';
import { isStaff } from '../utils/labels';

/** Only active community staff (居委会 / 社区党组织 / 管理员); the server decides again on every call. */
export const staffOnly =
  (why: string): Refusal =>
  (user) =>
    user && user.status === 'active' && isStaff(user.roles) ? '' : why;

/** Only active holders of one of these roles. */
export const rolesOnly =
  (roles: readonly Role[], why: string): Refusal =>
  (user) =>
    user && user.status === 'active' && user.roles.some((r) => roles.includes(r)) ? '' : why;
