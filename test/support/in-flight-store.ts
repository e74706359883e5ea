// A Store that counts the requests it has in flight, over a real store (SQLite in the tests):
// every read answers a little later, so requests issued together overlap, and `maxInFlight` says
// how many were ever waiting at once. Used to check that a wide read is bounded (app/pool.ts).
import type { Doc, DocumentOps, Filter, FindOptions, Patch, Store } from '../../cloudfunctions/core/ports/store';

export class InFlightStore implements Store {
  inFlight = 0;
  maxInFlight = 0;
  /** Reads made, by collection. */
  readonly reads = new Map<string, number>();

  constructor(
    readonly inner: Store,
    private readonly delayMs = 2,
  ) {}

  private async tracked<T>(collection: string, work: () => Promise<T>): Promise<T> {
    this.reads.set(collection, (this.reads.get(collection) ?? 0) + 1);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const value = await work();
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      return value;
    } finally {
      this.inFlight--;
    }
  }

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return this.tracked(collection, () => this.inner.get<T>(collection, id));
  }
  find<T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]> {
    return this.tracked(collection, () => this.inner.find<T>(collection, filter, options));
  }
  count(collection: string, filter: Filter): Promise<number> {
    return this.tracked(collection, () => this.inner.count(collection, filter));
  }
  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.inner.insert(collection, doc);
  }
  update(collection: string, id: string, patch: Patch, where?: Filter): Promise<0 | 1> {
    return this.inner.update(collection, id, patch, where);
  }
  remove(collection: string, id: string, where?: Filter): Promise<0 | 1> {
    return this.inner.remove(collection, id, where);
  }
  transaction<R>(fn: (tx: DocumentOps) => Promise<R>): Promise<R> {
    return this.inner.transaction(fn);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
