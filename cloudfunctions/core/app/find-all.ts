import type { Filter } from '../ports/store';
import type { Deps } from './context';

/** All documents matching a filter, 1000 at a time in `_id` order (the store's cap per call). */
export async function findAll<T extends { _id: string }>(deps: Pick<Deps, 'store'>, collection: string, filter: Filter): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page: T[] = await deps.store.find<T>(collection, after ? { $and: [filter, { _id: { $gt: after } }] } : filter, {
      orderBy: [['_id', 'asc']],
      limit: 1000,
    });
    out.push(...page);
    if (page.length < 1000) return out;
    after = page[page.length - 1]._id;
  }
}
