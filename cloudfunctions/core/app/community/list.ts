/**
 * community.list: the communities with their compounds, as the pickers show them. With `mine`,
 * the caller's own community (the pages that name it: the caller's record, then two reads in
 * parallel, the same at any city size); with `communityId`, that one; with `streetId`, the
 * communities of that street (a picker's second step, after community.streets: the street's
 * communities, then their compounds); with none, every community of the city with every compound.
 * Each reads a page at a time past the store's 1000 per call: none is left out.
 */
import type { Store } from '../../ports/store';
import { findAll } from '../find-all';
import { COMMUNITIES, COMPOUNDS, STREETS, type CommunityDoc, type CompoundDoc, type StreetDoc } from './community';
import { byName } from '../../domain/collation';

/** A community with its compounds, as the pickers show them. */
export interface CommunityListItem {
  communityId: string;
  name: string;
  district: string;
  /** The street (街道) it belongs to ('' for a community recorded without one). */
  streetId: string;
  compounds: Array<{ compoundId: string; name: string; firmId: string; firmName: string }>;
}

/** A street (街道), the first step of a picker (community.streets). */
export interface StreetListItem {
  streetId: string;
  name: string;
  district: string;
}

function itemsOf(communities: CommunityDoc[], compounds: CompoundDoc[]): CommunityListItem[] {
  const of = new Map<string, CompoundDoc[]>();
  for (const k of compounds) {
    const list = of.get(k.communityId);
    if (list) list.push(k);
    else of.set(k.communityId, [k]);
  }
  return [...communities].sort(byName).map((c) => ({
    communityId: c._id,
    name: c.name,
    district: `${c.city}${c.district}${c.street}`,
    streetId: c.streetId ?? '',
    compounds: (of.get(c._id) ?? []).sort(byName).map((k) => ({ compoundId: k._id, name: k.name, firmId: k.firmId, firmName: k.firmName })),
  }));
}

/** Which communities: one (`communityId`), a street's (`streetId`), or every one (neither). */
export interface CommunityScope {
  communityId?: string;
  streetId?: string;
}

/** The communities of a street with their compounds: the street's, then their compounds by community. */
async function ofStreet(store: Store, streetId: string): Promise<CommunityListItem[]> {
  const communities = await findAll<CommunityDoc>(store, COMMUNITIES, { streetId });
  if (!communities.length) return [];
  const compounds = await findAll<CompoundDoc>(store, COMPOUNDS, { communityId: { $in: communities.map((c) => c._id) } });
  return itemsOf(communities, compounds);
}

/** One community with its compounds ([] when there is none), a street's, or every community with all of theirs. */
export async function listCommunities(store: Store, { communityId, streetId }: CommunityScope = {}): Promise<CommunityListItem[]> {
  if (streetId !== undefined) return ofStreet(store, streetId);
  if (communityId !== undefined) {
    if (!communityId) return [];
    const [community, compounds] = await Promise.all([
      store.get<CommunityDoc>(COMMUNITIES, communityId),
      findAll<CompoundDoc>(store, COMPOUNDS, { communityId }),
    ]);
    return community ? itemsOf([community], compounds) : [];
  }
  const [communities, compounds] = await Promise.all([
    findAll<CommunityDoc>(store, COMMUNITIES, {}),
    findAll<CompoundDoc>(store, COMPOUNDS, {}),
  ]);
  return itemsOf(communities, compounds);
}

/** Every street of the city, by name: the first step of a picker, a few dozen rows at any city size. */
export async function listStreets(store: Store): Promise<StreetListItem[]> {
  const streets = await findAll<StreetDoc>(store, STREETS, {});
  return streets.sort(byName).map((s) => ({ streetId: s._id, name: s.name, district: `${s.city}${s.district}` }));
}
