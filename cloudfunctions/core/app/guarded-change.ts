/**
 * A change decided on records already read and written with every write guarded by what it was
 * decided on (mustUpdate and mustInsert, volunteer/seat-writes.ts). When a guard finds its document
 * moved (ConcurrentChange), the attempt is abandoned — a transaction rolls back as a whole — and the
 * change is decided again on fresh reads, up to `attempts` in all; then `busy` answers. Two places
 * for the fresh reads, two entry points over the one loop:
 *
 * - `guardedChange`: read before the next attempt; the attempt writes as it decides (a transaction
 *   of its own, or one guarded write), and may answer a failure without opening a transaction.
 * - `guardedTransaction`: read inside the next attempt's transaction, opened here; the attempt
 *   decides and writes on it. The first attempt, on the records already read, reads nothing.
 */
import type { DocumentOps, Store } from '../ports/store';
import type { Failure } from './result';
import { ConcurrentChange } from './volunteer/seat-writes';

/** How often a change is decided, and what it answers when it cannot land. */
export interface Retries<F = Failure> {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Whether a guard failure on `what` is decided again; one that is not is answered at once. Default: every one. */
  retried?: (what: string) => boolean;
  /** The answer when the attempts run out, or at once for a `what` not retried (may throw `err` on). */
  busy: (what: string, err: ConcurrentChange) => F | Promise<F>;
}

async function retrying<R, F>(retries: Retries<F>, attempt: (n: number) => Promise<R>): Promise<R | F> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof ConcurrentChange)) throw err;
      if (n >= retries.attempts || (retries.retried && !retries.retried(err.what))) return retries.busy(err.what, err);
    }
  }
}

/**
 * A change decided on `first`, then on what `reread` finds before each further attempt (none: the
 * attempt itself has nothing to decide again on, as a write that only adds).
 */
export function guardedChange<S, R, F = Failure>(
  change: Retries<F> & { first: S; reread?: () => Promise<S>; attempt: (state: S) => Promise<R> },
): Promise<R | F> {
  let state = change.first;
  return retrying(change, async (n) => {
    if (n > 1 && change.reread) state = await change.reread();
    return change.attempt(state);
  });
}

/** A change run in a transaction on `first`, then in another on what `read` finds inside it. */
export function guardedTransaction<S, R, F = Failure>(
  store: Store,
  change: Retries<F> & { first: S; read: (tx: DocumentOps) => Promise<S>; attempt: (tx: DocumentOps, state: S) => Promise<R> },
): Promise<R | F> {
  return retrying(change, (n) => store.transaction(async (tx) => change.attempt(tx, n === 1 ? change.first : await change.read(tx))));
}
