/**
 * Who rates a compound's property service (RULES.md §4, raters): the members of the compound's
 * own party organisation (小区党组织) and of its owners' committee; the community party
 * organisation only where the compound has no compound party organisation yet; nobody rates the
 * firm they work for. A person holding several of these roles rates once, in the first that
 * applies: compound party, community party, owners' committee. Only active accounts rate.
 */
import type { RaterRole } from './credit';
import type { Role, UserStatus } from './roles';

/** A role as held, with where it applies (app/scope.ts grantsOf lists a user's). */
export interface HeldRole {
  role: Role;
  /** The id at the role's level: a community, compound or firm id. */
  scopeId: string;
  communityId?: string;
  compoundId?: string;
}

/** The facts of a person the rule reads. */
export interface RaterCandidate {
  status: UserStatus;
  held: readonly HeldRole[];
}

/** The facts of a compound the rule reads. */
export interface RatedCompound {
  _id: string;
  communityId: string;
  firmId: string;
}

/** Why a person does not rate a compound. */
export type RaterRefusal = 'RATED_FIRM_STAFF' | 'NOT_A_RATER';

const holds = (p: RaterCandidate, role: Role, where: (g: HeldRole) => boolean) => p.held.some((g) => g.role === role && where(g));

/** Whether a person is an active member of the compound's party organisation. */
export function isCompoundPartyMember(p: RaterCandidate, compound: RatedCompound): boolean {
  return p.status === 'active' && holds(p, 'compound_party', (g) => g.compoundId === compound._id);
}

/**
 * The capacity in which `p` rates `compound`, or why they do not. `compoundHasParty`: whether the
 * compound has a compound party organisation (an active member), which displaces the community's.
 */
export function raterRoleOf(p: RaterCandidate, compound: RatedCompound, compoundHasParty: boolean): RaterRole | RaterRefusal {
  if (holds(p, 'property_staff', (g) => g.scopeId === compound.firmId)) return 'RATED_FIRM_STAFF';
  if (p.status !== 'active') return 'NOT_A_RATER';
  if (isCompoundPartyMember(p, compound)) return 'compound_party';
  if (!compoundHasParty && holds(p, 'party_org', (g) => g.communityId === compound.communityId)) return 'party_org';
  if (holds(p, 'oc_member', (g) => g.compoundId === compound._id)) return 'oc_member';
  return 'NOT_A_RATER';
}

/**
 * The raters expected for a compound among `people`, each with the capacity they rate in. Whether
 * the compound has a party organisation is read from `people` unless given.
 */
export function expectedRaters<P extends RaterCandidate>(
  compound: RatedCompound,
  people: readonly P[],
  compoundHasParty = people.some((p) => isCompoundPartyMember(p, compound)),
): Array<{ user: P; role: RaterRole }> {
  const out: Array<{ user: P; role: RaterRole }> = [];
  for (const user of people) {
    const role = raterRoleOf(user, compound, compoundHasParty);
    if (role !== 'RATED_FIRM_STAFF' && role !== 'NOT_A_RATER') out.push({ user, role });
  }
  return out;
}
