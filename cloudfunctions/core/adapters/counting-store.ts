import type { Doc, DocumentOps, Filter, FindOptions, Patch, Store } from '../ports/store';

/** Database round trips counted by a CountingStore. */
export interface StoreCounts {
  /** get, find, count — inside or outside a transaction. */
  reads: number;
  /** insert, update, remove — inside or outside a transaction. */
  writes: number;
  /** How many transactions were opened (their operations are counted as reads and writes). */
  transactions: number;
  /** Calls per operation name, e.g. `{ get: 2, insert: 1 }`. */
  byOp: Record<string, number>;
}

function zero(): StoreCounts {
  return { reads: 0, writes: 0, transactions: 0, byOp: {} };
}

const READS = new Set(['get', 'find', 'count']);

/**
 * A Store decorator that counts database round trips: every read (get, find, count) and every
 * write (insert, update, remove), transaction operations included. Used by the round-trip budget
 * test and the bench; behaviour is the wrapped store's.
 */
export class CountingStore implements Store {
  private counts: StoreCounts = zero();
  private readonly txOps: (tx: DocumentOps) => DocumentOps;

  constructor(readonly inner: Store) {
    this.txOps = (tx) => ({
      get: <T extends Doc>(c: string, id: string) => (this.tally('get'), tx.get<T>(c, id)),
      insert: <T extends Doc>(c: string, doc: T) => (this.tally('insert'), tx.insert<T>(c, doc)),
      update: (c, id, patch, where) => (this.tally('update'), tx.update(c, id, patch, where)),
      remove: (c, id, where) => (this.tally('remove'), tx.remove(c, id, where)),
    });
  }

  private tally(op: string): void {
    if (READS.has(op)) this.counts.reads++;
    else this.counts.writes++;
    this.counts.byOp[op] = (this.counts.byOp[op] ?? 0) + 1;
  }

  /** The counts since the last reset. */
  snapshot(): StoreCounts {
    return { ...this.counts, byOp: { ...this.counts.byOp } };
  }

  /** Returns the counts since the last reset and starts again from zero. */
  reset(): StoreCounts {
    const out = this.snapshot();
    this.counts = zero();
    return out;
  }

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    this.tally('get');
    return this.inner.get<T>(collection, id);
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    this.tally('insert');
    return this.inner.insert(collection, doc);
  }

  update(collection: string, id: string, patch: Patch, where?: Filter): Promise<0 | 1> {
    this.tally('update');
    return this.inner.update(collection, id, patch, where);
  }

  remove(collection: string, id: string, where?: Filter): Promise<0 | 1> {
    this.tally('remove');
    return this.inner.remove(collection, id, where);
  }

  find<T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]> {
    this.tally('find');
    return this.inner.find<T>(collection, filter, options);
  }

  count(collection: string, filter: Filter): Promise<number> {
    this.tally('count');
    return this.inner.count(collection, filter);
  }

  transaction<R>(fn: (tx: DocumentOps) => Promise<R>): Promise<R> {
    this.counts.transactions++;
    return this.inner.transaction((tx) => fn(this.txOps(tx)));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
