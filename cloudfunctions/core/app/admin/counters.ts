/**
 * The oversight counters on each community (domain/oversight.ts), moved inside the transaction of
 * the write they count: so admin.overview reads a street or the whole city from the community
 * documents alone, never by scanning people or requests.
 */
import { requestCounterInc, userCounterChange, type CounterInc, type RequestCountFacts, type UserCountFacts } from '../../domain/oversight';
import type { DocumentOps } from '../../ports/store';
import type { UserDoc } from '../account/user';
import { COMPOUNDS } from '../community/community';
import { incCommunity } from '../community/totals';
import { grantsOf } from '../scope';

/**
 * Moves a community's counters by `inc` (paths under `counters`), and its street's totals by the
 * same (community/totals.ts; `streetId` when the caller knows it); no write when nothing moves.
 */
export async function bumpCounters(
  tx: Pick<DocumentOps, 'get' | 'update' | 'insert'>,
  communityId: string,
  inc: CounterInc,
  streetId?: string | null,
): Promise<void> {
  await incCommunity(tx, communityId, Object.fromEntries(Object.entries(inc).map(([p, n]) => [`counters.${p}`, n])), streetId);
}

/** The patch of a request's write to its community's counters, or null when none moves. */
export function requestCounterPatch(before: RequestCountFacts | null, after: RequestCountFacts): CounterInc | null {
  const inc = requestCounterInc(before, after);
  return Object.keys(inc).length ? inc : null;
}

/** A person's facts for the counters; `volunteerCommunityId` is where their volunteer profile is, if any. */
export function userFacts(u: UserDoc | null, volunteerCommunityId: string | null): UserCountFacts | null {
  if (!u) return null;
  return {
    status: u.status,
    roles: u.roles,
    communityId: u.communityId,
    isPartyMember: u.isPartyMember,
    grants: grantsOf(u),
    volunteerHere: !!volunteerCommunityId && volunteerCommunityId === u.communityId,
  };
}

/** What else a change to a person's counters carries (app/account, volunteer/profile.ts). */
export interface UserBump {
  /** communityId → other figures moved in the same write of that community (full paths, e.g. `backbone.volunteerProfiles`). */
  also?: Record<string, Record<string, number>>;
  /** communityId → its street, where the caller has it; any other is read beside the community's write. */
  streets?: Record<string, string | null>;
}

/**
 * Moves the counters a change to a person moves: their community's residents, volunteers and
 * owners'-committee figures, and each compound whose party organisation they join or leave (the
 * compound's member count, and its community's compounds-with-a-party-organisation when that
 * count leaves or reaches 0), with the streets' totals. Only `tx` calls, in the caller's transaction.
 */
export async function bumpForUser(
  tx: Pick<DocumentOps, 'get' | 'update' | 'insert'>,
  before: UserCountFacts | null,
  after: UserCountFacts | null,
  { also = {}, streets = {} }: UserBump = {},
): Promise<void> {
  const change = userCounterChange(before, after);
  const incs: Record<string, Record<string, number>> = {};
  for (const [id, inc] of Object.entries(change.communities))
    for (const [k, n] of Object.entries(inc)) (incs[id] ??= {})[`counters.${k}`] = n;
  for (const [id, inc] of Object.entries(also)) Object.assign((incs[id] ??= {}), inc);
  await Promise.all(Object.entries(incs).map(([id, inc]) => incCommunity(tx, id, inc, streets[id])));
  for (const k of change.compounds) {
    const members = 'counters.partyMembers';
    const street = streets[k.communityId];
    if (k.by > 0) {
      // Already has members: just more. Else it gains its party organisation.
      if (await tx.update(COMPOUNDS, k.compoundId, { $inc: { [members]: k.by } }, { [members]: { $gte: 1 } })) continue;
      if (await tx.update(COMPOUNDS, k.compoundId, { $set: { [members]: k.by } }))
        await bumpCounters(tx, k.communityId, { compoundsWithParty: 1 }, street);
    } else {
      if (await tx.update(COMPOUNDS, k.compoundId, { $inc: { [members]: k.by } }, { [members]: { $gt: -k.by } })) continue;
      // Its last members leave: it has no party organisation any more.
      if (await tx.update(COMPOUNDS, k.compoundId, { $set: { [members]: 0 } }, { [members]: { $gte: 1 } }))
        await bumpCounters(tx, k.communityId, { compoundsWithParty: -1 }, street);
    }
  }
}

/** A compound changes firm (or gets its first): the community's firms served move. */
export function firmChangeInc(fromFirmId: string | null, toFirmId: string | null): CounterInc {
  const inc: CounterInc = {};
  if (fromFirmId) inc[`firms.${fromFirmId}`] = -1;
  if (toFirmId) inc[`firms.${toFirmId}`] = (inc[`firms.${toFirmId}`] ?? 0) + 1;
  return inc;
}
