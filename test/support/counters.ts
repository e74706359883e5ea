import { recountCommunity } from '../../cloudfunctions/core/app/admin/recount';
import { COMMUNITIES, type CommunityDoc } from '../../cloudfunctions/core/app/community/community';
import { recountBackbone } from '../../cloudfunctions/core/app/outreach/stats';
import type { Store } from '../../cloudfunctions/core/ports/store';

/** Every non-zero counter of a counters object as a dotted path (a missing counter is 0; `recountedAt` is not a figure). */
export function flat(value: unknown, prefix = '', out: Record<string, number> = {}): Record<string, number> {
  if (typeof value === 'number') {
    if (value !== 0) out[prefix] = value;
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'recountedAt') flat(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

/** The communities of a street as stored, each with its counters and backbone recounted from the records instead. */
export async function recountedCommunities(store: Store, streetId: string): Promise<CommunityDoc[]> {
  const communities = await store.find<CommunityDoc>(COMMUNITIES, { streetId });
  return Promise.all(
    communities.map(async (c) => ({
      ...c,
      counters: (await recountCommunity(store, c._id)).counters,
      backbone: await recountBackbone(store, c._id),
    })),
  );
}
