// Which roles a person may hand out by invitation, and at which level their scope sits (RULES.md
// §9: the level above grants). The server decides (account.invite); this only offers the choices.
// test/miniprogram/admin/invitable.test.ts checks these tables equal domain/role-grants.ts.
import type { InvitableRole, StructureView } from '../../typings/admin';
import type { Role } from '../../typings/api';
import { ROLE_LABELS } from '../utils/labels';

export type ScopeLevel = 'street' | 'community' | 'compound' | 'firm';

/** Who grants each role given by invitation. */
export const INVITED_BY: Record<InvitableRole, readonly Role[]> = {
  street_admin: ['admin'],
  party_org: ['admin', 'street_admin'],
  rc_staff: ['admin', 'street_admin'],
  compound_party: ['admin', 'street_admin', 'party_org', 'rc_staff'],
  oc_member: ['admin', 'street_admin', 'party_org', 'rc_staff'],
  property_staff: ['admin', 'street_admin'],
};

/** The level of each role's scope. */
export const SCOPE_OF: Record<InvitableRole, ScopeLevel> = {
  street_admin: 'street',
  party_org: 'community',
  rc_staff: 'community',
  compound_party: 'compound',
  oc_member: 'compound',
  property_staff: 'firm',
};

/** What the scope of a level is called on the page. */
export const SCOPE_LABELS: Record<ScopeLevel, string> = { street: '街道', community: '社区', compound: '小区', firm: '物业企业' };

export interface Option {
  label: string;
  value: string;
}

/** The roles someone holding `roles` may invite, in the order of the table. */
export function invitableRoles(roles: readonly Role[]): Option[] {
  return (Object.keys(INVITED_BY) as InvitableRole[])
    .filter((r) => INVITED_BY[r].some((g) => roles.includes(g)))
    .map((r) => ({ label: ROLE_LABELS[r], value: r }));
}

/** The scopes of a level within what the caller reaches (their structure). */
export function scopeOptions(level: ScopeLevel, view: StructureView): Option[] {
  const manyStreets = view.streets.length > 1;
  const communities = view.streets.flatMap((s) => s.communities.map((c) => ({ c, prefix: manyStreets ? `${s.name} · ` : '' })));
  if (level === 'street') return view.streets.map((s) => ({ label: s.name, value: s.streetId }));
  if (level === 'community') return communities.map(({ c, prefix }) => ({ label: `${prefix}${c.name}`, value: c.communityId }));
  if (level === 'compound')
    return communities.flatMap(({ c }) => c.compounds.map((k) => ({ label: `${c.name} · ${k.name}`, value: k.compoundId })));
  return view.firms.map((f) => ({ label: f.name, value: f.firmId }));
}
