// Which roles work for the community. The names of roles and statuses come with the server's
// views (`roleLabels`, `statusLabel`): no copy of the server's label tables lives here.
import type { Role } from '../../typings/api';

/** Roles that work for the community (staff pages, 社区统计). */
export const STAFF_ROLES: readonly Role[] = ['rc_staff', 'party_org', 'admin'];

/** Whether someone with these roles may use the community staff pages. */
export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}
