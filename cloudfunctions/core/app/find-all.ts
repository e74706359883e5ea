import { MAX_FIND_LIMIT, type Filter, type Store } from '../ports/store';

/** All documents matching a filter, past the store's cap per call: a page at a time in `_id` order. */
export async function findAll<T extends { _id: string }>(store: Pick<Store, 'find'>, collection: string, filter: Filter): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const last = out[out.length - 1]?._id;
    const page = await store.find<T>(collection, last ? { $and: [filter, { _id: { $gt: last } }] } : filter, {
      orderBy: [['_id', 'asc']],
      limit: MAX_FIND_LIMIT,
    });
    out.push(...page);
    if (page.length < MAX_FIND_LIMIT) return out;
  }
}
