import type { UserDoc } from '../account/user';
import { COMPOUNDS, type CompoundDoc } from '../community/community';
import type { ContextFor } from '../action';
import { failures, type Failure } from '../result';

/** The context of the owners' actions: all are `active`, so the caller's record is there. */
export type Caller = ContextFor<'active'>;

/** How the caller stands towards a compound's owners' decisions. */
export interface Standing {
  compound: CompoundDoc;
  /** oc_member of the compound or rc_staff of its community: drafts and announces. */
  convenor: boolean;
  /** oc_member of the compound: links units by hand, records paper ballots. */
  committee: boolean;
  /** Follows every step: convenors, compound_party, the community's party_org, admins. */
  staff: boolean;
  /** An active resident (or committee member) of the compound; its firm's staff are not. */
  member: boolean;
}

const active = (u: UserDoc | null): u is UserDoc => !!u && u.status === 'active';

export function standingOf(user: UserDoc | null, compound: CompoundDoc): Standing {
  const inCompound = active(user) && user.compoundId === compound._id;
  const inCommunity = active(user) && user.communityId === compound.communityId;
  const committee = inCompound && user.roles.includes('oc_member');
  const convenor = committee || (inCommunity && user.roles.includes('rc_staff'));
  const staff =
    convenor ||
    (inCompound && user.roles.includes('compound_party')) ||
    (inCommunity && user.roles.includes('party_org')) ||
    (active(user) && user.roles.includes('admin'));
  const member =
    inCompound && (user.roles.includes('resident') || user.roles.includes('oc_member') || user.roles.includes('compound_party'));
  return { compound, convenor, committee, staff, member };
}

/** The compound and the caller's standing, or NOT_FOUND. */
export async function standingIn(ctx: Caller, compoundId: string): Promise<Standing | Failure> {
  const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, compoundId);
  if (!compound) return failures.notFound('小区');
  return standingOf(ctx.user, compound);
}
