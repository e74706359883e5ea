/**
 * A change decided on records already read, with guarded writes (app/guarded-change.ts), on the
 * embedded database: a guard that fails rolls the attempt back and the change is decided again on
 * fresh reads, up to the attempts given; then the given failure answers. Round trips in sequence
 * are counted by the DelayStore (bench/lib/delay-store.ts).
 */
import { DelayStore } from '../../bench/lib/delay-store';
import { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';
import { COLLECTIONS } from '../../cloudfunctions/core/app/collections';
import { guardedChange, guardedTransaction } from '../../cloudfunctions/core/app/guarded-change';
import { fail } from '../../cloudfunctions/core/app/result';
import { ConcurrentChange, mustInsert, mustUpdate } from '../../cloudfunctions/core/app/volunteer/seat-writes';
import type { DocumentOps, Store } from '../../cloudfunctions/core/ports/store';

interface Counter {
  _id: string;
  n: number;
}

let inner: SqliteStore;
let store: DelayStore;

beforeEach(async () => {
  inner = new SqliteStore({ filename: ':memory:', collections: COLLECTIONS });
  store = new DelayStore(inner);
  await inner.insert<Counter>('users', { _id: 'c', n: 1 });
});
afterEach(() => inner.close());

const busy = (what: string) => fail('CONFLICT', `busy: ${what}`, 'STALE');
const read = (ops: Pick<Store, 'get'>) => ops.get<Counter>('users', 'c');

/** One attempt's writes: a note of what it was decided on, then the counter guarded by its value as read. */
async function bump(tx: DocumentOps, seen: Counter | null): Promise<number> {
  const n = seen?.n ?? -1;
  await mustInsert(tx.insert('audit', { _id: `decided on ${n}` }), 'audit');
  await mustUpdate(tx.update('users', 'c', { $set: { n: n + 1 } }, { n }), 'users');
  return n + 1;
}

const notes = async () => (await inner.find<{ _id: string }>('audit', {})).map((d) => d._id).sort();

test('a guard that fails rolls the attempt back, and the change is decided again on what is read before the next', async () => {
  const decided: number[] = [];
  const r = await guardedChange({
    first: { _id: 'c', n: 0 },
    reread: () => read(store),
    attempts: 3,
    busy,
    attempt: (seen) => {
      decided.push(seen?.n ?? -1);
      return store.transaction((tx) => bump(tx, seen));
    },
  });
  expect(r).toBe(2);
  expect(decided).toEqual([0, 1]);
  expect((await read(inner))?.n).toBe(2);
  // Nothing of the first attempt stayed.
  expect(await notes()).toEqual(['decided on 1']);
  // The failed attempt: start, the note, the update (read, then write), no commit (4); the read
  // between (1); the second attempt with its commit (5).
  expect(store.depth()).toBe(4 + 1 + 5);
});

test('decided again on what its next transaction reads, the first on what was already read', async () => {
  const decided: number[] = [];
  const r = await guardedTransaction(store, {
    first: { _id: 'c', n: 0 } as Counter | null,
    read,
    attempts: 2,
    busy,
    attempt: (tx, seen) => {
      decided.push(seen?.n ?? -1);
      return bump(tx, seen);
    },
  });
  expect(r).toBe(2);
  expect(decided).toEqual([0, 1]);
  expect(await notes()).toEqual(['decided on 1']);
  // The first transaction reads nothing and fails before its commit (4); the second reads first (6).
  expect(store.depth()).toBe(4 + 6);
});

test('gives up after the attempts given, answering the given failure with what moved', async () => {
  let attempts = 0;
  const r = await guardedChange({
    first: { _id: 'c', n: 0 },
    // Someone else moves the counter after every read.
    reread: async () => {
      const seen = await read(store);
      await inner.update('users', 'c', { $inc: { n: 1 } });
      return seen;
    },
    attempts: 4,
    busy,
    attempt: (seen) => {
      attempts++;
      return store.transaction((tx) => bump(tx, seen));
    },
  });
  expect(r).toEqual(busy('users'));
  expect(attempts).toBe(4);
  expect(await notes()).toEqual([]);
});

test('the same in a transaction: the last attempt too is read inside, then the failure answers', async () => {
  let attempts = 0;
  const r = await guardedTransaction(store, {
    first: { _id: 'c', n: 0 } as Counter | null,
    read: async (tx) => ({ _id: 'c', n: ((await read(tx))?.n ?? 0) - 1 }),
    attempts: 3,
    busy,
    attempt: (tx, seen) => {
      attempts++;
      return bump(tx, seen);
    },
  });
  expect(r).toEqual(busy('users'));
  expect(attempts).toBe(3);
  expect((await read(inner))?.n).toBe(1);
});

test('an error other than a guard failure is thrown at once, and nothing of the attempt stays', async () => {
  let attempts = 0;
  const change = guardedTransaction(store, {
    first: null,
    read: async () => null,
    attempts: 3,
    busy,
    attempt: async (tx) => {
      attempts++;
      await tx.insert('audit', { _id: 'half done' });
      throw new Error('the platform failed');
    },
  });
  await expect(change).rejects.toThrow('the platform failed');
  expect(attempts).toBe(1);
  expect(await notes()).toEqual([]);
});

test('a guard failure whose document is not retried is answered at once', async () => {
  let attempts = 0;
  const answered: string[] = [];
  const r = await guardedChange({
    first: { _id: 'c', n: 0 },
    reread: () => read(store),
    attempts: 5,
    retried: (what) => what !== 'users',
    busy: (what, err) => {
      answered.push(`${what}: ${err instanceof ConcurrentChange}`);
      return busy(what);
    },
    attempt: (seen) => {
      attempts++;
      return store.transaction((tx) => bump(tx, seen));
    },
  });
  expect(r).toEqual(busy('users'));
  expect(attempts).toBe(1);
  expect(answered).toEqual(['users: true']);
});
