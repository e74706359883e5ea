/**
 * A Store decorator that gives every database call a fixed latency `d`, to measure an action's
 * depth: the number of round trips in sequence, what a tap costs in production (issue #16 §1).
 * Calls issued in parallel cost one round; calls in sequence cost one each.
 *
 * Requests are counted as CloudBase makes them (adapters/cloudbase-store.ts, node-sdk): outside a
 * transaction every call is one request; a transaction starts with a request and ends with its
 * commit, and inside it `get` and `insert` are one request each while `update` and `remove` read
 * the document first (the condition is checked on it) and then write: two.
 *
 * Time is virtual and deterministic: a call issued at time t completes at t + its cost; the clock
 * advances only when nothing else can run (every pending continuation is waiting for the
 * database), to the earliest completion. So the depth does not depend on the machine's load, and
 * equals the wall time the action would take with real delays of `d`, divided by `d` (the time
 * the embedded database itself takes left out).
 */
import type { Doc, DocumentOps, Filter, FindOptions, Patch, Store } from '../../cloudfunctions/core/ports/store';

interface Pending {
  due: number;
  settled: boolean;
  finish: () => void;
}

export class DelayStore implements Store {
  /** The virtual time now, in rounds of `d`. */
  private now = 0;
  private readonly pending: Pending[] = [];
  private ticking = false;
  private readonly txOps: (tx: DocumentOps) => DocumentOps;

  constructor(readonly inner: Store) {
    this.txOps = (tx) => ({
      get: (c, id) => this.delayed(1, () => tx.get(c, id)),
      insert: (c, doc) => this.delayed(1, () => tx.insert(c, doc)),
      update: (c, id, patch, where) => this.delayed(2, () => tx.update(c, id, patch, where)),
      remove: (c, id, where) => this.delayed(2, () => tx.remove(c, id, where)),
    });
  }

  /** Rounds elapsed since the last reset: the depth of what ran. */
  depth(): number {
    return this.now;
  }

  /** Starts the clock again from zero (nothing may be pending). */
  reset(): number {
    const out = this.now;
    this.now = 0;
    return out;
  }

  /** Runs `op` against the inner store now; its outcome is handed back `cost` rounds later. */
  private delayed<R>(cost: number, op: () => Promise<R>): Promise<R> {
    const due = this.now + cost;
    return new Promise<R>((resolve, reject) => {
      let outcome: { ok: true; value: R } | { ok: false; error: unknown } | null = null;
      const entry: Pending = {
        due,
        settled: false,
        finish: () => (outcome!.ok ? resolve(outcome!.value) : reject(outcome!.error)),
      };
      this.pending.push(entry);
      op().then(
        (value) => ((outcome = { ok: true, value }), (entry.settled = true), this.schedule()),
        (error: unknown) => ((outcome = { ok: false, error }), (entry.settled = true), this.schedule()),
      );
      this.schedule();
    });
  }

  /** Advances the clock once every continuation has run (a macrotask comes after all microtasks). */
  private schedule(): void {
    if (this.ticking || this.pending.length === 0) return;
    this.ticking = true;
    setImmediate(() => {
      this.ticking = false;
      this.advance();
    });
  }

  private advance(): void {
    const ready = this.pending.filter((p) => p.settled);
    // A call still waiting in the embedded database (it serialises transactions, CloudBase does
    // not) completes when it gets through, at the time then reached.
    if (ready.length === 0) return;
    const next = Math.max(this.now, Math.min(...ready.map((p) => p.due)));
    this.now = next;
    for (const p of ready.filter((r) => r.due <= next)) {
      this.pending.splice(this.pending.indexOf(p), 1);
      p.finish();
    }
    this.schedule();
  }

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return this.delayed(1, () => this.inner.get<T>(collection, id));
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.delayed(1, () => this.inner.insert(collection, doc));
  }

  update(collection: string, id: string, patch: Patch, where?: Filter): Promise<0 | 1> {
    return this.delayed(1, () => this.inner.update(collection, id, patch, where));
  }

  remove(collection: string, id: string, where?: Filter): Promise<0 | 1> {
    return this.delayed(1, () => this.inner.remove(collection, id, where));
  }

  find<T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]> {
    return this.delayed(1, () => this.inner.find<T>(collection, filter, options));
  }

  count(collection: string, filter: Filter): Promise<number> {
    return this.delayed(1, () => this.inner.count(collection, filter));
  }

  /** The start request, the body's requests, the commit request. */
  async transaction<R>(fn: (tx: DocumentOps) => Promise<R>): Promise<R> {
    await this.delayed(1, async () => undefined);
    return this.inner.transaction(async (tx) => {
      const result = await fn(this.txOps(tx));
      await this.delayed(1, async () => undefined);
      return result;
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
