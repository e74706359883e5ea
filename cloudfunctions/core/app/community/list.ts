/**
 * community.list: the communities with their compounds, as the pickers show them. With `mine`,
 * the caller's own community (the pages that name it: the caller's record, then two reads in
 * parallel, the same at any city size); with `communityId`, that one; with neither, every community
 * of the city with every compound (a picker). Both read a page at a time past the store's 1000 per call: none is left out.
 */
import type { Store } from '../../ports/store';
import { findAll } from '../find-all';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from './community';

/** A community with its compounds, as the pickers show them. */
export interface CommunityListItem {
  communityId: string;
  name: string;
  district: string;
  compounds: Array<{ compoundId: string; name: string; firmId: string; firmName: string }>;
}

const byName = <T extends { _id: string; name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a._id < b._id ? -1 : 1;

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
    compounds: (of.get(c._id) ?? []).sort(byName).map((k) => ({ compoundId: k._id, name: k.name, firmId: k.firmId, firmName: k.firmName })),
  }));
}

/** One community with its compounds ([] when there is none), or every community with all of theirs. */
export async function listCommunities(store: Store, communityId?: string): Promise<CommunityListItem[]> {
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
