import type { ContextFor } from '../action';
import type { UserDoc } from '../account/user';
import { isAdmin } from '../auth';
import { COMPOUNDS, type CompoundDoc } from '../community/community';
import { failures, type Failure } from '../result';
import { holdsInCommunity, holdsInCompound } from '../scope';

/** The context of the owners' actions: all are `active`, so the caller's record is there. */
export type Caller = ContextFor<'active'>;

/** How the caller stands towards a compound's owners' decisions (RULES.md §6), each role in its scope. */
export interface Standing {
  compound: CompoundDoc;
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

export function standingOf(user: UserDoc | null, compound: CompoundDoc): Standing {
  const active = !!user && user.status === 'active';
  const committee = holdsInCompound(user, 'oc_member', compound._id);
  const convenor =
    committee || holdsInCompound(user, 'compound_party', compound._id) || holdsInCommunity(user, 'rc_staff', compound.communityId);
  const staff = convenor || holdsInCommunity(user, 'party_org', compound.communityId) || isAdmin(user);
  const member = active && user.compoundId === compound._id && (user.roles.includes('resident') || committee);
  return { compound, convenor, committee, staff, member };
}

/** The compound and the caller's standing, or NOT_FOUND. */
export async function standingIn(ctx: Caller, compoundId: string): Promise<Standing | Failure> {
  const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, compoundId);
  if (!compound) return failures.notFound('小区');
  return standingOf(ctx.user, compound);
}
