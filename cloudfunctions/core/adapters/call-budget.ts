import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallBudget } from '../ports/budget';
import type { ContentCheck } from '../ports/content-check';
import type { Doc, DocumentOps, Filter, FindOptions, Patch, Store } from '../ports/store';
import { UnavailableError } from '../ports/unavailable';

/** The deadline (epoch ms) of the call running in the current async context. */
const deadlines = new AsyncLocalStorage<number>();

/** Milliseconds left in the current call's budget; Infinity outside a budgeted call. */
export function remainingBudget(now = Date.now()): number {
  const deadline = deadlines.getStore();
  return deadline === undefined ? Infinity : deadline - now;
}

/** A budget of `ms` per call; calls may run concurrently, each with its own deadline. */
export class TimeBudget implements CallBudget {
  constructor(readonly ms: number) {}

  run<R>(fn: () => Promise<R>): Promise<R> {
    return deadlines.run(Date.now() + this.ms, fn);
  }
}

/**
 * Runs `work` if the budget has time left and gives up on it at the deadline: the caller gets
 * UnavailableError('TIME_BUDGET_EXCEEDED') then, whatever `work` is still doing. Outside a budgeted
 * call it is just `work()`.
 */
export async function withinBudget<T>(work: () => Promise<T>): Promise<T> {
  const left = remainingBudget();
  if (left === Infinity) return work();
  if (left <= 0) throw new UnavailableError('TIME_BUDGET_EXCEEDED');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running = work();
  // An abandoned operation may still fail later; nobody is waiting for it any more.
  running.catch(() => undefined);
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UnavailableError('TIME_BUDGET_EXCEEDED')), left);
  });
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function budgetedOps(ops: DocumentOps): DocumentOps {
  return {
    get: <T extends Doc = Doc>(c: string, id: string) => withinBudget(() => ops.get<T>(c, id)),
    insert: <T extends Doc>(c: string, doc: T) => withinBudget(() => ops.insert<T>(c, doc)),
    update: (c, id, patch, where) => withinBudget(() => ops.update(c, id, patch, where)),
    remove: (c, id, where) => withinBudget(() => ops.remove(c, id, where)),
  };
}

/**
 * A Store whose every operation, transaction operations included, ends by the current call's
 * deadline. A transaction whose function runs out of time throws inside it, so the store rolls it
 * back instead of leaving it open.
 */
export class BudgetedStore implements Store {
  constructor(readonly inner: Store) {}

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return withinBudget(() => this.inner.get<T>(collection, id));
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return withinBudget(() => this.inner.insert(collection, doc));
  }

  update(collection: string, id: string, patch: Patch, where?: Filter): Promise<0 | 1> {
    return withinBudget(() => this.inner.update(collection, id, patch, where));
  }

  remove(collection: string, id: string, where?: Filter): Promise<0 | 1> {
    return withinBudget(() => this.inner.remove(collection, id, where));
  }

  find<T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]> {
    return withinBudget(() => this.inner.find<T>(collection, filter, options));
  }

  count(collection: string, filter: Filter): Promise<number> {
    return withinBudget(() => this.inner.count(collection, filter));
  }

  transaction<R>(fn: (tx: DocumentOps) => Promise<R>): Promise<R> {
    return withinBudget(() => this.inner.transaction((tx) => fn(budgetedOps(tx))));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** A ContentCheck that ends by the current call's deadline. */
export function budgetedContentCheck(inner: ContentCheck): ContentCheck {
  return { check: (text, openid) => withinBudget(() => inner.check(text, openid)) };
}
