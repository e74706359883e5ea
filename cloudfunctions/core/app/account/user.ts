import type { Doc } from '../../ports/store';
import type { Role, UserStatus } from '../../domain/roles';
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
}

/** What a user may see of themselves (whoami). */
export interface SelfView {
  userId: string;
  name: string;
  phone: string;
  status: UserStatus;
  roles: Role[];
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
    communityId: u.communityId,
    compoundId: u.compoundId,
    building: u.building,
    room: u.room,
    firmId: u.firmId ?? null,
    isPartyMember: u.isPartyMember,
    grants: grantsOf(u),
  };
}

export const USERS = 'users';
