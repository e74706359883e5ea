import { SCOPE_LEVEL } from '../domain/role-grants';
import type { Role } from '../domain/roles';
import type { UserDoc } from './account/user';
import { COMMUNITIES, type CommunityDoc } from './community/community';
import type { AppContext } from './context';

/**
 * One role a person holds with its scope (RULES.md §1): `scopeId` is the id at the role's level
 * (`city`, a street, community, compound or firm id), and the levels above it are kept beside it
 * so a check never needs another read.
 */
export interface RoleGrant {
  role: Role;
  scopeId: string;
  streetId?: string;
  communityId?: string;
  compoundId?: string;
}

/**
 * Every role the user holds with its scope. Roles granted by invitation carry their scope in
 * `user.grants`; a role held without one (a registered resident, the demo's staff) is scoped by the
 * user's own community, compound or firm, as before the city features.
 */
export function grantsOf(user: UserDoc | null): RoleGrant[] {
  if (!user) return [];
  const explicit = user.grants ?? [];
  const out: RoleGrant[] = explicit.filter((g) => user.roles.includes(g.role));
  for (const role of user.roles) {
    if (explicit.some((g) => g.role === role)) continue;
    const level = SCOPE_LEVEL[role];
    if (level === 'city') out.push({ role, scopeId: 'city' });
    else if (level === 'community' && user.communityId) out.push({ role, scopeId: user.communityId, communityId: user.communityId });
    else if (level === 'compound' && user.compoundId)
      out.push({ role, scopeId: user.compoundId, communityId: user.communityId, compoundId: user.compoundId });
    else if (level === 'firm' && user.firmId) out.push({ role, scopeId: user.firmId });
  }
  return out;
}

const isActive = (user: UserDoc | null): user is UserDoc => !!user && user.status === 'active';

/** Active user holding `role` in (or below) the community. */
export function holdsInCommunity(user: UserDoc | null, role: Role, communityId: string): boolean {
  return isActive(user) && grantsOf(user).some((g) => g.role === role && g.communityId === communityId);
}

/** rc_staff or party_org of the community (active): those who organise its activities. Not admins. */
export function isCommunityOrganiser(user: UserDoc | null, communityId: string): boolean {
  return holdsInCommunity(user, 'rc_staff', communityId) || holdsInCommunity(user, 'party_org', communityId);
}

/** What the activity scope rule reads of a team (app/outreach/model.ts `TeamDoc`). */
export interface TeamScope {
  _id: string;
  communityId: string;
  leaderUserId: string;
}

/**
 * Who organises an activity (RULES.md §3, §7) — publishes it, reads its roster, reveals phones,
 * checks volunteers in and out, sets a missing check-out, cancels it: the community's residents'
 * committee or party organisation, or the leader of the team it is published for. `team` is the
 * activity's team as read now (null when it has none), so a former leader holds nothing; a team
 * of another community, or another team than the activity's, gives nothing either.
 */
export function organisesActivity(
  user: UserDoc | null,
  activity: { communityId: string; teamId?: string },
  team: TeamScope | null,
): boolean {
  if (isCommunityOrganiser(user, activity.communityId)) return true;
  return (
    isActive(user) &&
    !!activity.teamId &&
    team?._id === activity.teamId &&
    team.communityId === activity.communityId &&
    team.leaderUserId === user._id
  );
}

/** Active user holding `role` (a compound-level role) for the compound. */
export function holdsInCompound(user: UserDoc | null, role: Role, compoundId: string): boolean {
  return isActive(user) && grantsOf(user).some((g) => g.role === role && g.compoundId === compoundId);
}

/** Active street_admin of the street. */
export function isStreetAdminOf(user: UserDoc | null, streetId: string | null | undefined): boolean {
  return !!streetId && isActive(user) && grantsOf(user).some((g) => g.role === 'street_admin' && g.streetId === streetId);
}

/** The streets the user administers (active street_admin only). */
export function streetsOf(user: UserDoc | null): string[] {
  if (!isActive(user)) return [];
  return grantsOf(user)
    .filter((g) => g.role === 'street_admin' && g.streetId)
    .map((g) => g.streetId as string);
}

/** Every community the user's roles reach directly (for the community picker); street roles aside. */
export function communitiesOf(user: UserDoc | null): string[] {
  return [...new Set(grantsOf(user).flatMap((g) => (g.communityId ? [g.communityId] : [])))];
}

/** Whether the user is street_admin of the street the community belongs to (one read). */
export async function isStreetAdminOfCommunity(
  ctx: Pick<AppContext, 'store'>,
  user: UserDoc | null,
  communityId: string,
): Promise<boolean> {
  if (streetsOf(user).length === 0) return false;
  const community = await ctx.store.get<CommunityDoc>(COMMUNITIES, communityId);
  return isStreetAdminOf(user, community?.streetId);
}
