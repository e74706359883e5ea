/**
 * Bounded concurrency, in one place: work that fans out over many items (a city's communities,
 * chunks of ids) sends at most a few database requests at a time instead of all at once — a
 * city-wide export would otherwise put thousands of requests in flight together, more than the
 * database answers within the call's budget.
 */
import type { Doc, Filter, FindOptions, Store } from '../ports/store';

/** A gate letting at most `size` tasks run at once; the others wait their turn, first come first served. */
export function limiter(size: number): <R>(task: () => Promise<R>) => Promise<R> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`limiter size must be a positive integer, got ${size}`);
  let running = 0;
  const waiting: Array<() => void> = [];
  // A finished task hands its slot straight to the next in line, so a newcomer cannot slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (task) => {
    if (running < size) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}

/** A store's reads: what code that only reads needs (so it runs as well behind a gate). */
export type StoreReads = Pick<Store, 'find' | 'count' | 'get'>;

/** The reads of a store through one gate: at most `size` `find`/`count`/`get` requests in flight, whatever the caller fans out. */
export function boundedReads(store: StoreReads, size: number): StoreReads {
  const gate = limiter(size);
  return {
    find: <T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions) =>
      gate(() => store.find<T>(collection, filter, options)),
    count: (collection: string, filter: Filter) => gate(() => store.count(collection, filter)),
    get: <T extends Doc = Doc>(collection: string, id: string) => gate(() => store.get<T>(collection, id)),
  };
}
