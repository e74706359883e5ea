/**
 * Who rates a compound's property service (RULES.md §4, raters): the community party
 * organisation rates every compound of its community, an owners'-committee member only their own
 * compound, and nobody rates the firm they work for. A person holding both roles rates as the
 * party organisation. Only active accounts rate.
 */
import type { RaterRole } from './credit';
import type { Role, UserStatus } from './roles';

/** The facts of a person the rule reads. */
export interface RaterCandidate {
  status: UserStatus;
  roles: readonly Role[];
  communityId: string;
  compoundId: string;
  firmId?: string;
}

/** The facts of a compound the rule reads. */
export interface RatedCompound {
  _id: string;
  communityId: string;
  firmId: string;
}

/** Why a person does not rate a compound. */
export type RaterRefusal = 'RATED_FIRM_STAFF' | 'NOT_A_RATER';

/** The capacity in which `p` rates `compound`, or why they do not. */
export function raterRoleOf(p: RaterCandidate, compound: RatedCompound): RaterRole | RaterRefusal {
  if (p.roles.includes('property_staff') && p.firmId === compound.firmId) return 'RATED_FIRM_STAFF';
  const active = p.status === 'active' && p.communityId === compound.communityId;
  if (active && p.roles.includes('party_org')) return 'party_org';
  if (active && p.roles.includes('oc_member') && p.compoundId === compound._id) return 'oc_member';
  return 'NOT_A_RATER';
}

/** The raters expected for a compound among `people`, each with the capacity they rate in. */
export function expectedRaters<P extends RaterCandidate>(
  compound: RatedCompound,
  people: readonly P[],
): Array<{ user: P; role: RaterRole }> {
  const out: Array<{ user: P; role: RaterRole }> = [];
  for (const user of people) {
    const role = raterRoleOf(user, compound);
    if (role === 'party_org' || role === 'oc_member') out.push({ user, role });
  }
  return out;
}
