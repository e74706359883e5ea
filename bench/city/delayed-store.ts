/**
 * A Store that answers every call `delayMs` late, as a CloudBase round trip would: an action's wall
 * time divided by the delay is its depth (the calls it makes in sequence; calls in parallel overlap).
 * Inside a transaction each read and write is a round trip of its own, as on CloudBase.
 */
import type { Doc, DocumentOps, Filter, FindOptions, Patch, Store } from '../../cloudfunctions/core/ports/store';

const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function delayedOps(ops: DocumentOps, delayMs: number): DocumentOps {
  return {
    get: async <T extends Doc>(c: string, id: string) => (await later(delayMs), ops.get<T>(c, id)),
    insert: async <T extends Doc>(c: string, doc: T) => (await later(delayMs), ops.insert(c, doc)),
    update: async (c: string, id: string, patch: Patch, where?: Filter) => (await later(delayMs), ops.update(c, id, patch, where)),
    remove: async (c: string, id: string, where?: Filter) => (await later(delayMs), ops.remove(c, id, where)),
  };
}

export function delayedStore(store: Store, delayMs: number): Store {
  return {
    ...delayedOps(store, delayMs),
    find: async <T extends Doc>(c: string, filter: Filter, options?: FindOptions) => (
      await later(delayMs),
      store.find<T>(c, filter, options)
    ),
    count: async (c: string, filter: Filter) => (await later(delayMs), store.count(c, filter)),
    transaction: <R>(fn: (tx: DocumentOps) => Promise<R>) => store.transaction((tx) => fn(delayedOps(tx, delayMs))),
    close: () => store.close(),
  };
}
