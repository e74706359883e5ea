// A Store that answers late on command, over a real store (SQLite in the tests): each operation is
// carried out at once and its answer held back, as when the database is slow to reply. Used to
// test the time budget of a call (adapters/call-budget.ts).
import type { Doc, DocumentOps, Filter, FindOptions, Patch, Store } from '../../cloudfunctions/core/ports/store';

type Op = 'get' | 'insert' | 'update' | 'remove' | 'find' | 'count';

interface Stall {
  op: Op;
  inTransaction: boolean | undefined;
  ms: number;
}

export class SlowStore implements Store {
  /** Every answer comes this late. */
  delayMs = 0;
  private stalls: Stall[] = [];
  private readonly pending = new Set<() => void>();

  constructor(readonly inner: Store) {}

  /** The next `op` (inside or outside a transaction, or either when not given) answers `ms` late. */
  stall(op: Op, ms: number, inTransaction?: boolean): void {
    this.stalls.push({ op, inTransaction, ms });
  }

  /** How many answers are still held back. */
  get held(): number {
    return this.pending.size;
  }

  private delayFor(op: Op, inTx: boolean): number {
    const i = this.stalls.findIndex((s) => s.op === op && (s.inTransaction === undefined || s.inTransaction === inTx));
    if (i < 0) return this.delayMs;
    return this.stalls.splice(i, 1)[0].ms;
  }

  private async slow<T>(op: Op, inTx: boolean, work: () => Promise<T>): Promise<T> {
    const ms = this.delayFor(op, inTx);
    const settled = work().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    const outcome = await settled;
    if (ms > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.pending.delete(done);
          resolve();
        };
        this.pending.add(done);
        setTimeout(done, ms);
      });
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  private ops(tx: DocumentOps, inTx: boolean): DocumentOps {
    return {
      get: <T extends Doc = Doc>(c: string, id: string) => this.slow('get', inTx, () => tx.get<T>(c, id)),
      insert: <T extends Doc>(c: string, doc: T) => this.slow('insert', inTx, () => tx.insert<T>(c, doc)),
      update: (c, id, patch, where) => this.slow('update', inTx, () => tx.update(c, id, patch, where)),
      remove: (c, id, where) => this.slow('remove', inTx, () => tx.remove(c, id, where)),
    };
  }

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return this.ops(this.inner, false).get<T>(collection, id);
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.ops(this.inner, false).insert(collection, doc);
  }

  update(collection: string, id: string, patch: Patch, where?: Filter): Promise<0 | 1> {
    return this.ops(this.inner, false).update(collection, id, patch, where);
  }

  remove(collection: string, id: string, where?: Filter): Promise<0 | 1> {
    return this.ops(this.inner, false).remove(collection, id, where);
  }

  find<T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]> {
    return this.slow('find', false, () => this.inner.find<T>(collection, filter, options));
  }

  count(collection: string, filter: Filter): Promise<number> {
    return this.slow('count', false, () => this.inner.count(collection, filter));
  }

  transaction<R>(fn: (tx: DocumentOps) => Promise<R>): Promise<R> {
    return this.inner.transaction((tx) => fn(this.ops(tx, true)));
  }

  /** Waits until every held answer has been given. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await new Promise((r) => setTimeout(r, 10));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
