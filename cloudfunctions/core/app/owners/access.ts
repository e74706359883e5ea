import type { Store } from '../../ports/store';
import type { ContextFor } from '../action';
import type { UserDoc } from '../account/user';
import { isAdmin } from '../auth';
import { COMPOUNDS, type CompoundDoc } from '../community/community';
import { failures, type Failure } from '../result';
import { holdsInCommunity, holdsInCompound } from '../scope';

/** The context of the owners' actions: all are `active`, so the caller's record is there. */
export type Caller = ContextFor<'active'>;

/** Where a standing applies: a compound (its id and community), as a compound or a motion of it names them. */
export interface Place {
  _id: string;
  communityId: string;
}

/** How the caller stands towards a compound's owners' decisions (RULES.md §6), each role in its scope. */
export interface Standing<C extends Place = Place> {
  compound: C;
  /**
   * Drafts and announces, imports the register: the compound's owners' committee (which convenes
   * the assembly), its party organisation (which leads the assembly's elections and decisions), and
   * the community's residents' committee (where there is no committee).
   */
  convenor: boolean;
  /** oc_member of the compound: links units by hand, records paper ballots. */
  committee: boolean;
  /** Follows every step: convenors, the community's party_org, admins. */
  staff: boolean;
  /** An active resident (or committee member) of the compound; its firm's staff are not. */
  member: boolean;
}

export function standingOf<C extends Place>(user: UserDoc | null, compound: C): Standing<C> {
  const active = !!user && user.status === 'active';
  const committee = holdsInCompound(user, 'oc_member', compound._id);
  const convenor =
    committee || holdsInCompound(user, 'compound_party', compound._id) || holdsInCommunity(user, 'rc_staff', compound.communityId);
  const staff = convenor || holdsInCommunity(user, 'party_org', compound.communityId) || isAdmin(user);
  const member = active && user.compoundId === compound._id && (user.roles.includes('resident') || committee);
  return { compound, convenor, committee, staff, member };
}

/** The caller's standing in a compound already read (in the caller's round: `loadCompound`), or NOT_FOUND. */
export function standingAt(ctx: Caller, compound: CompoundDoc | null): Standing<CompoundDoc> | Failure {
  if (!compound) return failures.notFound('小区');
  return standingOf(ctx.user, compound);
}

/** The compound an action names, read in the caller's round (dispatch's `load`). */
export const loadCompound = (store: Pick<Store, 'get'>, compoundId: string) => store.get<CompoundDoc>(COMPOUNDS, compoundId);
