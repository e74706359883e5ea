// A member as the revoke page shows them: each role the caller may take back, with its scope.
import type { InvitableRole } from '../../../typings/admin';
import type { MemberView, Role } from '../../../typings/api';
import { ROLE_LABELS } from '../../utils/labels';
import { INVITED_BY, SCOPE_OF } from '../invitable';

export interface RevocableRole {
  role: Role;
  label: string;
  scopeId: string;
}

export interface RevokeRow {
  userId: string;
  name: string;
  phoneMasked: string;
  rolesText: string;
  revocable: RevocableRole[];
}

/**
 * The row of a member of `communityId`: the roles someone holding `callerRoles` may revoke
 * (granted by their level, RULES.md §9) with the scope each is held in — the community, the
 * member's compound or firm. A street's role is not held in a community and is not listed here.
 */
export function revokeRowOf(m: MemberView, communityId: string, callerRoles: readonly Role[]): RevokeRow {
  const revocable: RevocableRole[] = [];
  for (const role of m.roles) {
    if (!(role in INVITED_BY)) continue;
    const r = role as InvitableRole;
    if (!INVITED_BY[r].some((g) => callerRoles.includes(g))) continue;
    const level = SCOPE_OF[r];
    const scopeId = level === 'community' ? communityId : level === 'compound' ? m.compoundId : level === 'firm' ? (m.firmId ?? '') : '';
    if (scopeId) revocable.push({ role, label: ROLE_LABELS[role], scopeId });
  }
  return {
    userId: m.userId,
    name: m.name,
    phoneMasked: m.phoneMasked,
    rolesText: m.roles.map((r) => ROLE_LABELS[r] ?? r).join('、'),
    revocable,
  };
}
