import type { Role } from '../domain/roles';
import type { UserDoc } from './account/user';
import type { AppContext } from './context';
import { failures, type Failure } from './result';

/** Whether the user holds `role` (status aside). */
export function hasRole(user: UserDoc | null, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

export function isAdmin(user: UserDoc | null): boolean {
  return !!user && user.status === 'active' && user.roles.includes('admin');
}

/** rc_staff or party_org of the community (active), or an admin. */
export function isCommunityStaff(user: UserDoc | null, communityId: string): boolean {
  if (!user || user.status !== 'active') return false;
  if (user.roles.includes('admin')) return true;
  return user.communityId === communityId && (user.roles.includes('rc_staff') || user.roles.includes('party_org'));
}

/** rc_staff or party_org of the community (active): those who organise its activities. Not admins. */
export function isCommunityOrganiser(user: UserDoc | null, communityId: string): boolean {
  return hasCommunityRole(user, 'rc_staff', communityId) || hasCommunityRole(user, 'party_org', communityId);
}

/** Active user holding `role`, scoped to the community. */
export function hasCommunityRole(user: UserDoc | null, role: Role, communityId: string): boolean {
  return !!user && user.status === 'active' && user.roles.includes(role) && user.communityId === communityId;
}

/** The caller's record when registered and active, or the failure to return. */
export function requireActive(ctx: AppContext): { user: UserDoc } | Failure {
  if (!ctx.openid) return failures.unauthenticated();
  if (!ctx.user) return failures.notRegistered();
  if (ctx.user.status !== 'active') return failures.notActive();
  return { user: ctx.user };
}

/** The caller's record when registered (any status), or the failure to return. */
export function requireRegistered(ctx: AppContext): { user: UserDoc } | Failure {
  if (!ctx.openid) return failures.unauthenticated();
  if (!ctx.user) return failures.notRegistered();
  return { user: ctx.user };
}

export function isFailure(v: object): v is Failure {
  return 'ok' in v && (v as Failure).ok === false;
}
