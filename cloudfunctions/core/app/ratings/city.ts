import type { CityFirmResult } from '../../domain/city-credit';
import type { Period } from '../../domain/period';
import { type Doc, type Store, whole } from '../../ports/store';
import { INVITATIONS, type InvitationDoc } from '../account/invitations';
import { USERS, type UserDoc } from '../account/user';
import { grantsOf } from '../scope';
import { isCompoundPartyMember } from '../../domain/raters';
import type { CompoundDoc } from '../community/community';
import type { AppContext } from '../context';

/** A firm's city-wide result for one period, recomputed at every publication of any community. */
export const CITY_RESULTS = 'rating_city_results';

export interface CityResultDoc extends Doc, CityFirmResult {
  firmId: string;
  firmName: string;
  period: Period;
  /** The community publications it was computed from. */
  sources: Array<{ communityId: string; n: number }>;
  /** Moves with every recomputation: the conditional update that keeps concurrent publications from losing one. */
  version: number;
  updatedAt: string;
}

export const cityResultId = (firmId: string, period: string) => `${firmId}:${period}`;

/** The latest city-wide result of each firm (null where it was never published). */
export async function latestCityResults(ctx: Pick<AppContext, 'store'>, firmIds: string[]): Promise<Map<string, CityResultDoc>> {
  const rows = await ctx.store.find<CityResultDoc>(
    CITY_RESULTS,
    { firmId: { $in: firmIds } },
    {
      orderBy: [
        ['firmId', 'asc'],
        ['period', 'desc'],
      ],
      limit: whole(1000),
    },
  );
  const out = new Map<string, CityResultDoc>();
  for (const r of rows) if (!out.has(r.firmId) && r.grade !== undefined) out.set(r.firmId, r);
  return out;
}

/** What decides whether a compound has a compound party organisation, read together (readPartyFacts). */
export interface PartyFacts {
  /** Active residents holding compound_party. */
  residents: UserDoc[];
  /** Redeemed invitations to the compound's compound_party role. */
  invited: InvitationDoc[];
}

/**
 * The compound's party holders by residence and by invitation, read together: by the compound's id
 * alone, so an action can issue them in the caller's round (ActionDef.load). Not `async`: a store
 * that fails as the first read is issued fails the whole read at once.
 */
export function readPartyFacts(store: Pick<Store, 'find'>, compoundId: string): Promise<PartyFacts> {
  return Promise.all([
    store.find<UserDoc>(USERS, { status: 'active', roles: { $contains: 'compound_party' }, compoundId }, { limit: whole(50) }),
    store.find<InvitationDoc>(
      INVITATIONS,
      { 'scope.compoundId': compoundId, role: 'compound_party', redeemedBy: { $ne: null } },
      { limit: whole(200) },
    ),
  ]).then(([residents, invited]) => ({ residents, invited }));
}

/**
 * Whether the compound has a compound party organisation (RULES.md §4): someone active holds the
 * compound_party role for it — a resident granted it, or anyone, living anywhere, who redeemed an
 * invitation to it and still holds it (domain/raters.ts decides on each person's grants). The
 * invited people's records are read only when no resident holds it.
 */
export async function hasCompoundPartyFrom(store: Pick<Store, 'get'>, compound: CompoundDoc, facts: PartyFacts): Promise<boolean> {
  const member = (users: Array<UserDoc | null>) =>
    users.some((u) => !!u && isCompoundPartyMember({ status: u.status, held: grantsOf(u) }, compound));
  if (member(facts.residents)) return true;
  const ids = [...new Set(facts.invited.map((i) => i.redeemedBy as string))].filter((id) => !facts.residents.some((u) => u._id === id));
  return member(await Promise.all(ids.map((id) => store.get<UserDoc>(USERS, id))));
}

/** Whether the compound has a compound party organisation, read now (hasCompoundPartyFrom). */
export async function hasCompoundParty(ctx: Pick<AppContext, 'store'>, compound: CompoundDoc): Promise<boolean> {
  return hasCompoundPartyFrom(ctx.store, compound, await readPartyFacts(ctx.store, compound._id));
}
