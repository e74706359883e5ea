import type { Actor } from '../../domain/request-state';
import type { Party } from '../../domain/roles';
import type { UserDoc } from '../account/user';
import { holdsInCommunity, holdsInCompound } from '../scope';
import type { RequestDoc } from './request';

/**
 * How the caller stands to a request, from their user record (never the payload): the parties
 * they belong to for its compound, and whether they filed it, accept for its community or are
 * its party organisation. Inactive accounts hold nothing.
 */
export function actorFor(user: UserDoc | null, req: Pick<RequestDoc, 'communityId' | 'compoundId' | 'firmId' | 'submitterId'>): Actor {
  const active = !!user && user.status === 'active';
  const isRcStaff = holdsInCommunity(user, 'rc_staff', req.communityId);
  const parties: Party[] = [];
  if (isRcStaff) parties.push('residents_committee');
  if (holdsInCompound(user, 'oc_member', req.compoundId)) parties.push('owners_committee');
  if (active && user.roles.includes('property_staff') && user.firmId === req.firmId) parties.push('property');
  return {
    userId: user?._id ?? null,
    name: user?.name ?? null,
    isSubmitter: active && user._id === req.submitterId,
    isRcStaff,
    isPartyOrg: holdsInCommunity(user, 'party_org', req.communityId),
    parties,
  };
}

/** The scheduler as an actor. */
export const SYSTEM_ACTOR: Actor = {
  userId: null,
  name: '系统',
  isSubmitter: false,
  isRcStaff: false,
  isPartyOrg: false,
  parties: [],
  isSystem: true,
};

/** How much of a request a viewer may see: all of it, or the public board's view (no personal data). */
export type Visibility = 'full' | 'public' | 'none';

/**
 * The submitter, the community's staff, the parties handling it (every party on a major matter),
 * and admins see it in full; anyone else sees a public request without personal data.
 */
export function visibilityFor(user: UserDoc | null, req: RequestDoc, actor: Actor): Visibility {
  if (actor.isSubmitter || actor.isRcStaff || actor.isPartyOrg) return 'full';
  if (user && user.status === 'active' && user.roles.includes('admin')) return 'full';
  if (actor.parties.some((p) => req.major || req.leadParty === p || req.coHandlers.includes(p))) return 'full';
  return req.boardCompoundId ? 'public' : 'none';
}

/** Whether the caller handles the request (and so may see the resident's full phone, audited). */
export function handlesRequest(actor: Actor, r: Pick<RequestDoc, 'leadParty' | 'coHandlers'>): boolean {
  return actor.isRcStaff || actor.isPartyOrg || actor.parties.some((p) => r.leadParty === p || r.coHandlers.includes(p));
}

/** Why `user` may not follow the request (instead of filing the same one), or null when they may. */
export function followRefusal(
  user: UserDoc,
  r: Pick<RequestDoc, 'boardCompoundId' | 'submitterId' | 'compoundId' | 'active'>,
): 'NOT_FOUND' | 'OWN_REQUEST' | 'NOT_RESIDENT_OF_COMPOUND' | 'WRONG_STATUS' | null {
  if (!r.boardCompoundId && r.submitterId !== user._id) return 'NOT_FOUND';
  if (r.submitterId === user._id) return 'OWN_REQUEST';
  if (!user.roles.includes('resident') || user.compoundId !== r.compoundId) return 'NOT_RESIDENT_OF_COMPOUND';
  if (!r.active) return 'WRONG_STATUS';
  return null;
}
