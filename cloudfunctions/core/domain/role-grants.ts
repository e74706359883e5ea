import type { Role } from './roles';

/** The level of the city's structure a role's scope sits at (RULES.md §1). */
export type ScopeLevel = 'city' | 'street' | 'community' | 'compound' | 'firm';

/** Each role's scope level: an admin the city, a street_admin one street, and so on. */
export const SCOPE_LEVEL: Record<Role, ScopeLevel> = {
  admin: 'city',
  street_admin: 'street',
  party_org: 'community',
  rc_staff: 'community',
  compound_party: 'compound',
  oc_member: 'compound',
  resident: 'compound',
  property_staff: 'firm',
};

/**
 * Who grants (and revokes) each role: the level above (RULES.md §9). `admin` grants
 * `street_admin`; `street_admin` grants `party_org` and `rc_staff` in its communities;
 * `party_org`/`rc_staff` grant `compound_party` and `oc_member` in their compounds;
 * `admin`/`street_admin` grant `property_staff`. The admin, being the city, may grant any role
 * below it. Residents join by registration and approval, not by invitation; nobody invites an admin.
 */
export const GRANTED_BY: Record<Role, readonly Role[]> = {
  admin: [],
  street_admin: ['admin'],
  party_org: ['admin', 'street_admin'],
  rc_staff: ['admin', 'street_admin'],
  compound_party: ['admin', 'street_admin', 'party_org', 'rc_staff'],
  oc_member: ['admin', 'street_admin', 'party_org', 'rc_staff'],
  property_staff: ['admin', 'street_admin'],
  resident: [],
};

/** Roles given by invitation code (account.invite): every role someone may grant. */
export const INVITABLE_ROLES = [
  'street_admin',
  'party_org',
  'rc_staff',
  'compound_party',
  'oc_member',
  'property_staff',
] as const satisfies readonly Role[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Whether a holder of `granter` may grant `role` at all (scope aside). */
export function mayGrant(granter: Role, role: Role): boolean {
  return GRANTED_BY[role].includes(granter);
}

/** Days an invitation code stays valid. */
export const INVITATION_DAYS = 7;
