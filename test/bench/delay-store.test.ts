/**
 * The DelayStore (bench/lib/delay-store.ts) counts round trips in sequence: calls in parallel cost
 * one round, calls in sequence one each, and a transaction costs its start, its operations (an
 * update or remove inside it two: CloudBase reads the document first) and its commit.
 */
import { DelayStore } from '../../bench/lib/delay-store';
import { COLLECTIONS } from '../../cloudfunctions/core/app/collections';
import { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';

let inner: SqliteStore;
let store: DelayStore;

beforeEach(async () => {
  inner = new SqliteStore({ filename: ':memory:', collections: COLLECTIONS });
  store = new DelayStore(inner);
  await inner.insert('users', { _id: 'a', n: 1 });
  await inner.insert('users', { _id: 'b', n: 2 });
});
afterEach(() => inner.close());

test('calls in parallel cost one round, calls in sequence one each', async () => {
  const [a, b] = await Promise.all([store.get('users', 'a'), store.find('users', {})]);
  expect([a?._id, b.length]).toEqual(['a', 2]);
  expect(store.reset()).toBe(1);
  await store.get('users', 'a');
  await store.update('users', 'a', { $set: { n: 3 } });
  await store.count('users', {});
  expect(store.reset()).toBe(3);
});

test('parallel branches of different lengths cost the longest', async () => {
  await Promise.all([store.get('users', 'a').then(() => store.get('users', 'b')), store.get('users', 'b')]);
  expect(store.depth()).toBe(2);
});

test('a transaction costs its start, its operations in sequence and its commit', async () => {
  await store.transaction(async (tx) => {
    await Promise.all([tx.get('users', 'a'), tx.get('users', 'b')]);
    await Promise.all([tx.update('users', 'a', { $set: { n: 4 } }), tx.insert('users', { _id: 'c' })]);
  });
  // start 1, the reads 1, the update (read + write) 2 alongside the insert, commit 1.
  expect(store.reset()).toBe(5);
  expect((await inner.get<{ _id: string; n: number }>('users', 'a'))?.n).toBe(4);
});

test('a failed call costs its round and passes its error on', async () => {
  await expect(store.insert('users', { _id: 'a' })).rejects.toThrow(/duplicate/);
  expect(store.depth()).toBe(1);
});
