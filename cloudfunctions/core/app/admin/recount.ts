/**
 * The oversight counters as the records give them: the check of the counters moved on write
 * (app/admin/counters.ts), and the backfill of a deployment whose data predates them. The scheduler
 * recounts communities that were never recounted (a few per tick); the demo seed recounts all.
 */
import { REQUEST_COUNTS, requestCounts, type OversightCounters, type RequestCounts } from '../../domain/oversight';
import type { Filter, Store } from '../../ports/store';
import { USERS, type UserDoc } from '../account/user';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from '../community/community';
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
  const communities = options.onlyMissing
    ? await deps.store.find<CommunityDoc>(COMMUNITIES, filter, { orderBy: [['_id', 'asc']], limit: whole(options.limit ?? 20) })
    : await findAll<CommunityDoc>(deps.store, COMMUNITIES, filter);
  if (communities.length === 0) return 0;
  const party = await compoundPartyMembers(deps.store);
  for (const c of communities) {
    const r = await recountCommunity(deps.store, c._id, party);
    const recountedAt = deps.clock.now().toISOString();
    await deps.store.transaction(async (tx) => {
      await tx.update(COMMUNITIES, c._id, { $set: { counters: { ...r.counters, recountedAt } } });
      for (const [id, n] of Object.entries(r.partyMembers)) await tx.update(COMPOUNDS, id, { $set: { 'counters.partyMembers': n } });
    });
  }
  return communities.length;
}

/** The scheduler's part: a few never-recounted communities per tick (data from before the counters). */
export const countersTick = (deps: Deps): Promise<number> => backfillCounters(deps, { onlyMissing: true, limit: 20 });
