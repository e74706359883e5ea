import { MAX_FIND_LIMIT, whole, type Filter, type Store } from '../ports/store';

/** The next page after `last` (the first when none), in `_id` order. */
const page = <T extends { _id: string }>(store: Pick<Store, 'find'>, collection: string, filter: Filter, last?: string) =>
  store.find<T>(collection, last ? { $and: [filter, { _id: { $gt: last } }] } : filter, {
    orderBy: [['_id', 'asc']],
    limit: MAX_FIND_LIMIT,
  });

/** Reads on from pages already read until a page comes back short. */
async function rest<T extends { _id: string }>(store: Pick<Store, 'find'>, collection: string, filter: Filter, out: T[]): Promise<T[]> {
  while (out.length > 0 && out.length % MAX_FIND_LIMIT === 0) {
    const next = await page<T>(store, collection, filter, out[out.length - 1]._id);
    out.push(...next);
    if (next.length < MAX_FIND_LIMIT) break;
  }
  return out;
}

/** All documents matching a filter, past the store's cap per call: a page at a time in `_id` order. */
export async function findAll<T extends { _id: string }>(store: Pick<Store, 'find'>, collection: string, filter: Filter): Promise<T[]> {
  return rest(store, collection, filter, await page<T>(store, collection, filter));
}

/**
 * All documents matching a filter when there are at most `cap`, else `{ tooMany }` with their
 * number and nothing more read. The count goes with the first page, so a file within the cap costs
 * no extra round in sequence.
 */
export async function findAllUpTo<T extends { _id: string }>(
  store: Pick<Store, 'find' | 'count'>,
  collection: string,
  filter: Filter,
  cap: number,
): Promise<{ docs: T[] } | { tooMany: number }> {
  const [count, first] = await Promise.all([store.count(collection, filter), page<T>(store, collection, filter)]);
  if (count > cap) return { tooMany: count };
  return { docs: await rest(store, collection, filter, first) };
}

/** The documents with these ids (each once), a read per MAX_FIND_LIMIT ids, the reads issued together: bound the store for many. */
export async function findByIds<T extends { _id: string }>(
  store: Pick<Store, 'find'>,
  collection: string,
  ids: Iterable<string>,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += MAX_FIND_LIMIT) chunks.push(unique.slice(i, i + MAX_FIND_LIMIT));
  return (await Promise.all(chunks.map((c) => store.find<T>(collection, { _id: { $in: c } }, { limit: MAX_FIND_LIMIT })))).flat();
}

/**
 * All documents matching a filter in two rounds whatever their number: the first page beside the
 * count, then every further page at once (by `skip`, in `_id` order). One request more than
 * `findAll` (the count), for lists a page shows whole (admin.structure's 3,000 compounds: 2 rounds,
 * not 4). A document written between the rounds may be missed or seen twice: duplicates are dropped.
 */
export async function findAllWide<T extends { _id: string }>(
  store: Pick<Store, 'find' | 'count'>,
  collection: string,
  filter: Filter,
): Promise<T[]> {
  const pageAt = (skip: number) =>
    store.find<T>(collection, filter, { orderBy: [['_id', 'asc']], limit: MAX_FIND_LIMIT, skip: whole(skip) });
  const [first, total] = await Promise.all([pageAt(0), store.count(collection, filter)]);
  if (first.length < MAX_FIND_LIMIT) return first;
  const rest = Array.from({ length: Math.ceil(total / MAX_FIND_LIMIT) - 1 }, (_, i) => pageAt((i + 1) * MAX_FIND_LIMIT));
  const seen = new Set<string>();
  return [first, ...(await Promise.all(rest))].flat().filter((d) => !seen.has(d._id) && !!seen.add(d._id));
}
