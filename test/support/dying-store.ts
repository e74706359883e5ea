/**
 * Stores for crash-at-every-step tests: one that counts the database calls an action makes, and
 * one of a process that dies before its `at`-th call (or right after its first commit). A dead
 * process makes no further call: every call after the death fails too, so its clean-up never runs.
 */
import type { DocumentOps, Filter, FindOptions, Store } from '../../cloudfunctions/core/ports/store';

export class Crash extends Error {}

export type Point = number | 'after-commit';

/** `inner` with `step` run before each database call (a transaction's start is one), and `afterCommit` after each commit. */
function stepping(inner: Store, step: () => void, afterCommit: () => void = () => undefined): Store {
  const ops = (target: DocumentOps): DocumentOps => ({
    get: (c, id) => (step(), target.get(c, id)),
    insert: (c, doc) => (step(), target.insert(c, doc)),
    update: (c, id, patch, where) => (step(), target.update(c, id, patch, where)),
    remove: (c, id, where) => (step(), target.remove(c, id, where)),
  });
  return Object.assign(Object.create(inner) as Store, ops(inner), {
    find: (c: string, f: Filter, o?: FindOptions) => (step(), inner.find(c, f, o)),
    count: (c: string, f: Filter) => (step(), inner.count(c, f)),
    transaction: async <R>(fn: (tx: DocumentOps) => Promise<R>) => {
      step();
      const out = await inner.transaction((tx) => fn(ops(tx)));
      afterCommit();
      return out;
    },
  });
}

/** `inner`, counting every database call made through it. */
export function countingStore(inner: Store): { store: Store; calls: () => number } {
  let calls = 0;
  return { store: stepping(inner, () => (calls += 1)), calls: () => calls };
}

/** The store of a process that dies before its `at`-th database call, or after its first commit. */
export function dyingStore(inner: Store, at: Point): Store {
  let calls = 0;
  let dead = false;
  const die = (why: string) => {
    dead = true;
    throw new Crash(why);
  };
  return stepping(
    inner,
    () => {
      if (dead) throw new Crash('the process is dead');
      calls += 1;
      if (calls === at) die(`died before database call ${at}`);
    },
    () => {
      if (at === 'after-commit' && !dead) die('died after the commit, before the answer');
    },
  );
}

/** Every crash point of an action that makes `calls` database calls. */
export const crashPoints = (calls: number): Point[] => [...Array.from({ length: calls }, (_, i) => i + 1), 'after-commit'];
