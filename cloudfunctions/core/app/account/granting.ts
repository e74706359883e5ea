import { GRANTED_BY, INVITABLE_ROLES, SCOPE_LEVEL, type InvitableRole, type ScopeLevel } from '../../domain/role-grants';
import type { Role } from '../../domain/roles';
import type { DocumentOps, Filter } from '../../ports/store';
import {
  COMMUNITIES,
  COMPOUNDS,
  FIRMS,
  STREETS,
  type CommunityDoc,
  type CompoundDoc,
  type FirmDoc,
  type StreetDoc,
} from '../community/community';
import type { AppContext } from '../context';
import { holdsInCommunity, isStreetAdminOf, streetsOf, type RoleGrant } from '../scope';
import type { UserDoc } from './user';

/** A role's scope, resolved from its id with the levels above it and a name to show. */
export interface ResolvedScope {
  level: ScopeLevel;
  scopeId: string;
  name: string;
  streetId?: string;
  communityId?: string;
  compoundId?: string;
  firmId?: string;
}

/** Finds the scope `scopeId` names for `role` (a street, community, compound or firm), or null. */
export async function resolveScope(ctx: { store: Pick<DocumentOps, 'get'> }, role: Role, scopeId: string): Promise<ResolvedScope | null> {
  const level = SCOPE_LEVEL[role];
  if (level === 'city') return scopeId === 'city' ? { level, scopeId, name: '全市' } : null;
  if (level === 'street') {
    const s = await ctx.store.get<StreetDoc>(STREETS, scopeId);
    return s ? { level, scopeId, name: s.name, streetId: s._id } : null;
  }
  if (level === 'community') {
    const c = await ctx.store.get<CommunityDoc>(COMMUNITIES, scopeId);
    return c ? { level, scopeId, name: c.name, streetId: c.streetId, communityId: c._id } : null;
  }
  if (level === 'compound') {
    const k = await ctx.store.get<CompoundDoc>(COMPOUNDS, scopeId);
    return k ? { level, scopeId, name: k.name, streetId: k.streetId, communityId: k.communityId, compoundId: k._id } : null;
  }
  const f = await ctx.store.get<FirmDoc>(FIRMS, scopeId);
  return f ? { level, scopeId, name: f.name, firmId: f._id } : null;
}

/** The grant a scope gives for `role`. */
export function grantFor(role: Role, scope: ResolvedScope): RoleGrant {
  const g: RoleGrant = { role, scopeId: scope.scopeId };
  if (scope.streetId) g.streetId = scope.streetId;
  if (scope.communityId) g.communityId = scope.communityId;
  if (scope.compoundId) g.compoundId = scope.compoundId;
  return g;
}

/**
 * Whether `user` may grant or revoke `role` in `scope`: they hold a role of the level above
 * (RULES.md §9) over that scope. A street_admin reaches a firm through the compounds it serves in
 * the street; party_org and rc_staff reach the compounds of their community.
 */
export async function mayGrantIn(ctx: Pick<AppContext, 'store'>, user: UserDoc | null, role: Role, scope: ResolvedScope): Promise<boolean> {
  if (!user || user.status !== 'active') return false;
  for (const granter of GRANTED_BY[role]) {
    if (!user.roles.includes(granter)) continue;
    if (granter === 'admin') return true;
    if (granter === 'street_admin') {
      if (scope.streetId && isStreetAdminOf(user, scope.streetId)) return true;
      if (scope.level === 'firm') {
        const filter: Filter = { firmId: scope.scopeId, streetId: { $in: streetsOf(user) } };
        if ((await ctx.store.count(COMPOUNDS, filter)) > 0) return true;
      }
      continue;
    }
    if (scope.communityId && holdsInCommunity(user, granter, scope.communityId)) return true;
  }
  return false;
}

/**
 * The roles `user` may revoke from holders within `place` (a street, community or compound and
 * everything under it): those granted by a role they hold over the place (RULES.md §9). An admin
 * every role; a street_admin of the place's street the roles below it (property staff of the firms
 * serving there); party_org/rc_staff of the place's community its compounds' roles.
 */
export function revocableIn(user: UserDoc | null, place: ResolvedScope): InvitableRole[] {
  if (!user || user.status !== 'active') return [];
  return INVITABLE_ROLES.filter((role) =>
    GRANTED_BY[role].some((granter) => {
      if (!user.roles.includes(granter)) return false;
      if (granter === 'admin') return true;
      if (granter === 'street_admin') return isStreetAdminOf(user, place.streetId);
      return !!place.communityId && holdsInCommunity(user, granter, place.communityId);
    }),
  );
}
