import type { Role } from '../domain/roles';
import type { UserDoc } from './account/user';
import type { Failure } from './result';
import { holdsInCommunity } from './scope';

export function isAdmin(user: UserDoc | null): boolean {
  return !!user && user.status === 'active' && user.roles.includes('admin');
}

/** rc_staff or party_org of the community (active), or an admin. */
export function isCommunityStaff(user: UserDoc | null, communityId: string): boolean {
  if (!user || user.status !== 'active') return false;
  if (user.roles.includes('admin')) return true;
  return holdsInCommunity(user, 'rc_staff', communityId) || holdsInCommunity(user, 'party_org', communityId);
}

export { isCommunityOrganiser } from './scope';

/** Active user holding `role`, scoped to the community (or to one of its compounds). */
export function hasCommunityRole(user: UserDoc | null, role: Role, communityId: string): boolean {
  return holdsInCommunity(user, role, communityId);
}

export function isFailure(v: object): v is Failure {
  return 'ok' in v && (v as Failure).ok === false;
}
