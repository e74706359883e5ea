import type { Doc } from '../../ports/store';
import { MEMBER_STATUS_LABELS, ROLE_LABELS, type Role, type UserStatus } from '../../domain/roles';
import { optionsOf } from '../../domain/options';
import { GRANTED_BY, INVITABLE_ROLES, SCOPE_LEVEL, type InvitableRole, type ScopeLevel } from '../../domain/role-grants';
import { grantsOf, type RoleGrant } from '../scope';

/** A user record in the `users` collection; `_id` is derived from the OPENID (ids.ts). */
export interface UserDoc extends Doc {
  openid: string;
  name: string;
  phone: string;
  communityId: string;
  compoundId: string;
  building: string;
  room: string;
  status: UserStatus;
  roles: Role[];
  /** The firm a `property_staff` member works for. */
  firmId?: string;
  /** Roles granted with an explicit scope (by invitation); see scope.ts grantsOf. */
  grants?: RoleGrant[];
  isPartyMember: boolean;
  createdAt: string;
  updatedAt: string;
  /** Moved by every change to the record (account/user-change.ts): what such a change is guarded by. */
  rev?: number;
}

/** A role someone may hand out by invitation, its name and the level of the scope it is given for. */
export interface InvitableView {
  role: InvitableRole;
  label: string;
  scopeLevel: ScopeLevel;
}

/** What a user may see of themselves (whoami). */
export interface SelfView {
  userId: string;
  name: string;
  phone: string;
  status: UserStatus;
  roles: Role[];
  /** The roles' names, in the order of `roles`. */
  roleLabels: string[];
  /** The roles an active user may hand out by invitation (RULES.md §9: the level above grants), in a fixed order. */
  invitable: InvitableView[];
  communityId: string;
  compoundId: string;
  building: string;
  room: string;
  firmId: string | null;
  isPartyMember: boolean;
  /** Every role with its scope; more than one community here calls for a community picker. */
  grants: RoleGrant[];
}

export function selfView(u: UserDoc): SelfView {
  return {
    userId: u._id,
    name: u.name,
    phone: u.phone,
    status: u.status,
    roles: u.roles,
    roleLabels: roleLabels(u.roles),
    invitable: u.status === 'active' ? invitableBy(u.roles) : [],
    communityId: u.communityId,
    compoundId: u.compoundId,
    building: u.building,
    room: u.room,
    firmId: u.firmId ?? null,
    isPartyMember: u.isPartyMember,
    grants: grantsOf(u),
  };
}

/** The names of some roles, in the order given. */
export const roleLabels = (roles: readonly Role[]): string[] => roles.map((r) => ROLE_LABELS[r]);

/** The roles a holder of `roles` may give by invitation, each with its name and scope level. */
export function invitableBy(roles: readonly Role[]): InvitableView[] {
  return INVITABLE_ROLES.filter((r) => GRANTED_BY[r].some((g) => roles.includes(g))).map((role) => ({
    role,
    label: ROLE_LABELS[role],
    scopeLevel: SCOPE_LEVEL[role],
  }));
}

/** The roles staff may filter members by, with their names: everyone but the street and compound party levels. */
export const MEMBER_ROLE_FILTERS: ReadonlyArray<{ role: Role; label: string }> = (
  ['resident', 'oc_member', 'property_staff', 'rc_staff', 'party_org', 'admin'] as const
).map((role) => ({ role, label: ROLE_LABELS[role] }));

/** The member lists by status (listMembers' tabs). */
export const MEMBER_STATUS_TABS: ReadonlyArray<{ value: 'pending' | 'active'; label: string }> = optionsOf(
  ['pending', 'active'] as const,
  MEMBER_STATUS_LABELS,
);

export const USERS = 'users';
