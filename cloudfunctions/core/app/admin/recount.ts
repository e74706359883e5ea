/**
 * The oversight counters as the records give them: the check of the counters moved on write
 * (app/admin/counters.ts), and the backfill of a deployment whose data predates them. The scheduler
 * recounts communities that were never recounted (a few per tick); the demo seed recounts all. The
 * streets of the communities it recounts, and streets without totals or firm counts (data from
 * before them), get theirs set from their communities after, and the firms' city-wide counts.
 */
import { REQUEST_COUNTS, requestCounts, sumCounters, type OversightCounters, type RequestCounts } from '../../domain/oversight';
import { DuplicateKeyError, type Doc, type Filter, type Store } from '../../ports/store';
import { USERS, type UserDoc } from '../account/user';
import {
  COMMUNITIES,
  COMPOUNDS,
  STREET_TOTALS,
  STREETS,
  type CommunityDoc,
  type CompoundDoc,
  type StreetDoc,
  type StreetTotalsDoc,
} from '../community/community';
import {
  busiestOf,
  FIRM_TOTALS,
  STREET_FIRMS,
  type FirmCounts,
  type FirmTotalsDoc,
  type StreetBusiest,
  type StreetFirmsDoc,
} from '../community/totals';
import { BACKBONE_COUNTERS, type BackboneCounters } from '../outreach/stats';
import type { Deps } from '../context';
import { REQUESTS, type RequestDoc } from '../requests/request';
import { findAll } from '../find-all';
import { grantsOf } from '../scope';
import { approvedVolunteers } from '../volunteer/stats';
import { whole } from '../../ports/store';

/** A community's counters and its compounds' party members, recounted. */
export interface Recount {
  counters: OversightCounters;
  /** compoundId → active members of its party organisation. */
  partyMembers: Record<string, number>;
}

/** Active members of compound party organisations, city-wide (few: read once per recount run). */
export async function compoundPartyMembers(store: Pick<Store, 'find'>): Promise<UserDoc[]> {
  return findAll<UserDoc>(store, USERS, { status: 'active', roles: { $contains: 'compound_party' } });
}

/** The counters of one community from its records (`partyUsers`: compoundPartyMembers, read once for many). */
export async function recountCommunity(
  store: Pick<Store, 'find' | 'count'>,
  communityId: string,
  partyUsers?: UserDoc[],
): Promise<Recount> {
  const active = { communityId, status: 'active' };
  const [residents, ocMembers, ocPartyMembers, volunteers, compounds, requests, party] = await Promise.all([
    store.count(USERS, { ...active, roles: { $contains: 'resident' } }),
    store.count(USERS, { ...active, roles: { $contains: 'oc_member' } }),
    store.count(USERS, { ...active, roles: { $contains: 'oc_member' }, isPartyMember: true }),
    approvedVolunteers({ store: store as Store }, communityId),
    findAll<CompoundDoc>(store, COMPOUNDS, { communityId }),
    findAll<RequestDoc>(store, REQUESTS, { communityId }),
    partyUsers ?? compoundPartyMembers(store),
  ]);
  const partyMembers: Record<string, number> = {};
  const firms: Record<string, number> = {};
  for (const k of compounds) {
    partyMembers[k._id] = party.filter((u) => grantsOf(u).some((g) => g.role === 'compound_party' && g.compoundId === k._id)).length;
    if (k.firmId) firms[k.firmId] = (firms[k.firmId] ?? 0) + 1;
  }
  const totals: Partial<RequestCounts> = {};
  const byParty: Record<string, Partial<RequestCounts>> = {};
  const byFirm: Record<string, Partial<RequestCounts>> = {};
  const add = (into: Partial<RequestCounts>, c: RequestCounts) => {
    for (const k of REQUEST_COUNTS) into[k] = (into[k] ?? 0) + c[k];
  };
  for (const r of requests) {
    const c = requestCounts(r);
    add(totals, c);
    if (r.leadParty) add((byParty[r.leadParty] ??= {}), c);
    if (r.firmId) add((byFirm[r.firmId] ??= {}), c);
  }
  return {
    counters: {
      residents,
      volunteers,
      ocMembers,
      ocPartyMembers,
      compounds: compounds.length,
      compoundsWithParty: Object.values(partyMembers).filter((n) => n > 0).length,
      firms,
      requests: { all: totals, party: byParty, firm: byFirm },
    },
    partyMembers,
  };
}

/**
 * Sets the counters of communities from their records: those never recounted (`onlyMissing`, at
 * most `limit`), or every one. A write landing between the recount's reads and its own write is
 * lost from the figures, so run it where the data is quiet (a new deployment, the seed, the night).
 * Returns how many communities it set.
 */
export async function backfillCounters(
  deps: Pick<Deps, 'store' | 'clock'>,
  options: { onlyMissing: boolean; limit?: number },
): Promise<number> {
  const filter: Filter = options.onlyMissing ? { 'counters.recountedAt': { $exists: false } } : {};
  const limit = options.limit ?? 20;
  const byId: Array<[string, 'asc']> = [['_id', 'asc']];
  // Streets without totals (data from before them) get theirs from their communities, a few per tick.
  const some = <T extends Doc>(collection: string, f: Filter): Promise<T[]> =>
    options.onlyMissing ? deps.store.find<T>(collection, f, { orderBy: byId, limit: whole(limit) }) : Promise.resolve([]);
  const [communities, ...bare] = await Promise.all([
    options.onlyMissing
      ? deps.store.find<CommunityDoc>(COMMUNITIES, filter, { orderBy: byId, limit: whole(limit) })
      : findAll<CommunityDoc>(deps.store, COMMUNITIES, filter),
    some(STREETS, { communities: { $exists: false } }),
    // Data from before the totals documents: the street's own document carries them.
    some(STREETS, { counters: { $exists: true } }),
    // Data from before the firm counts documents: the street's totals carry every firm's counts.
    some(STREET_TOTALS, { 'counters.requests.firm': { $exists: true } }),
  ]);
  const streets = new Set([...communities.flatMap((c) => (c.streetId ? [c.streetId] : [])), ...bare.flat().map((s) => s._id)]);
  if (communities.length === 0) {
    await setStreetTotals(deps.store, [...streets]);
    return 0;
  }
  const party = await compoundPartyMembers(deps.store);
  for (const c of communities) {
    const r = await recountCommunity(deps.store, c._id, party);
    const recountedAt = deps.clock.now().toISOString();
    await deps.store.transaction(async (tx) => {
      await tx.update(COMMUNITIES, c._id, { $set: { counters: { ...r.counters, recountedAt } } });
      for (const [id, n] of Object.entries(r.partyMembers)) await tx.update(COMPOUNDS, id, { $set: { 'counters.partyMembers': n } });
    });
  }
  if (!options.onlyMissing) for (const s of await findAll<StreetDoc>(deps.store, STREETS, {})) streets.add(s._id);
  await setStreetTotals(deps.store, [...streets]);
  return communities.length;
}

/**
 * A street's totals as its communities' documents give them (community/totals.ts moves them on
 * write): its count of communities, its counters without the request counts per firm, its backbone
 * and busiest firms; `firm`, those counts per firm (its STREET_FIRMS document).
 */
export function streetTotals(
  communities: CommunityDoc[],
): Required<Pick<StreetDoc, 'communities'>> &
  Required<Pick<StreetTotalsDoc, 'counters' | 'backbone'>> &
  Required<StreetBusiest> & { firm: FirmCounts } {
  const backbone: Partial<BackboneCounters> = {};
  for (const c of communities) for (const k of BACKBONE_COUNTERS) backbone[k] = (backbone[k] ?? 0) + (c.backbone?.[k] ?? 0);
  const { requests, ...counters } = sumCounters(communities.map((c) => c.counters));
  const firm = requests?.firm ?? {};
  return {
    communities: communities.length,
    counters: { ...counters, requests: { all: requests?.all, party: requests?.party } },
    backbone,
    ...busiestOf(firm),
    firm,
  };
}

/** Sets a document's `fields`, making it when there is none. */
async function put(store: Store, collection: string, id: string, fields: Record<string, unknown>): Promise<void> {
  if (await store.update(collection, id, { $set: fields })) return;
  await store.insert(collection, { _id: id, ...fields }).catch(async (err: unknown) => {
    // Made meanwhile by a counted write: set it.
    if (!(err instanceof DuplicateKeyError)) throw err;
    await store.update(collection, id, { $set: fields });
  });
}

/**
 * Sets each street's totals from its communities (after a backfill of theirs; the same quiet-data
 * caveat): its count of communities on its document, the rest on its totals document (left off the
 * street's document, where data from before the totals document kept them) and its firm counts;
 * then every firm's city-wide counts from the streets' firm counts.
 */
export async function setStreetTotals(store: Store, streetIds: string[]): Promise<void> {
  for (const streetId of streetIds) {
    const { communities, firm, ...totals } = streetTotals(await findAll<CommunityDoc>(store, COMMUNITIES, { streetId }));
    await store.update(STREETS, streetId, { $set: { communities }, $unset: ['counters', 'backbone'] });
    await Promise.all([put(store, STREET_TOTALS, streetId, totals), put(store, STREET_FIRMS, streetId, { firm })]);
  }
  if (streetIds.length) await setFirmTotals(store);
}

/** Each firm's city-wide request counts: its counts in every street summed (firms with none: zero). */
export async function setFirmTotals(store: Store): Promise<void> {
  const [streets, held] = await Promise.all([
    findAll<StreetFirmsDoc>(store, STREET_FIRMS, {}),
    findAll<FirmTotalsDoc>(store, FIRM_TOTALS, {}),
  ]);
  const city = sumCounters(streets.map((s) => ({ requests: { firm: s.firm } }))).requests?.firm ?? {};
  for (const f of held) city[f._id] ??= {};
  for (const [firmId, requests] of Object.entries(city)) await put(store, FIRM_TOTALS, firmId, { requests });
}

/** The scheduler's part: a few never-recounted communities per tick (data from before the counters). */
export const countersTick = (deps: Deps): Promise<number> => backfillCounters(deps, { onlyMissing: true, limit: 20 });
