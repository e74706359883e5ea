// The Store contract, part two: transactions (all or nothing, isolation) and concurrent conditional
// writes — what capacity, uniqueness and one-ballot rules rely on. Run by describeStoreContract.
import { DuplicateKeyError, type Store } from '../../cloudfunctions/core/ports/store';
import type { Counter } from './store-contract-fixtures';

/** The transaction and concurrency tests against the store `current()` gives for the running test. */
export function describeTransactionContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('transactions', () => {
    it('commits every write and returns the function result', async () => {
      await store.insert('counters', { _id: 'c1', n: 1 });
      await store.insert('counters', { _id: 'c2', n: 1 });
      const result = await store.transaction(async (tx) => {
        await tx.insert('counters', { _id: 'c3', n: 0 });
        await tx.update('counters', 'c1', { $inc: { n: 1 } });
        await tx.remove('counters', 'c2');
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.get('counters', 'c1')).toEqual({ _id: 'c1', n: 2 });
      expect(await store.get('counters', 'c2')).toBeNull();
      expect(await store.get('counters', 'c3')).toEqual({ _id: 'c3', n: 0 });
    });

    it('reads its own writes', async () => {
      const seen = await store.transaction(async (tx) => {
        await tx.insert('counters', { _id: 'own', n: 1 });
        await tx.update('counters', 'own', { $inc: { n: 1 } });
        return tx.get<Counter>('counters', 'own');
      });
      expect(seen).toEqual({ _id: 'own', n: 2 });
    });

    it('rolls back every write when the function throws, and rethrows', async () => {
      await store.insert('counters', { _id: 'keep', n: 1 });
      await store.insert('counters', { _id: 'gone', n: 1 });
      const boom = new Error('boom');
      await expect(
        store.transaction(async (tx) => {
          await tx.insert('counters', { _id: 'new', n: 0 });
          await tx.update('counters', 'keep', { $inc: { n: 1 } });
          await tx.remove('counters', 'gone');
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect(await store.get('counters', 'new')).toBeNull();
      expect(await store.get('counters', 'keep')).toEqual({ _id: 'keep', n: 1 });
      expect(await store.get('counters', 'gone')).toEqual({ _id: 'gone', n: 1 });
    });

    it('rolls back earlier writes when an insert hits a duplicate key', async () => {
      await store.insert('users', { _id: 'u1', email: 'a@example.com' });
      await expect(
        store.transaction(async (tx) => {
          await tx.insert('users', { _id: 'u2', email: 'b@example.com' });
          await tx.insert('users', { _id: 'u3', email: 'a@example.com' });
        }),
      ).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.get('users', 'u2')).toBeNull();
      expect(await store.count('users', {})).toBe(1);
    });

    it('applies conditional updates and removes inside a transaction', async () => {
      await store.insert('counters', { _id: 'c', n: 5 });
      const outcome = await store.transaction(async (tx) => ({
        tooHigh: await tx.update('counters', 'c', { $inc: { n: 1 } }, { n: { $gte: 10 } }),
        ok: await tx.update('counters', 'c', { $inc: { n: 1 } }, { n: { $lt: 10 } }),
        missing: await tx.update('counters', 'nope', { $inc: { n: 1 } }),
        keep: await tx.remove('counters', 'c', { n: 0 }),
      }));
      expect(outcome).toEqual({ tooHigh: 0, ok: 1, missing: 0, keep: 0 });
      expect(await store.get('counters', 'c')).toEqual({ _id: 'c', n: 6 });
    });
  });

  describe('concurrency', () => {
    it('lets exactly 10 of 200 concurrent capped increments through', async () => {
      await store.insert('counters', { _id: 'cap', n: 0 });
      const results = await Promise.all(
        Array.from({ length: 200 }, () => store.update('counters', 'cap', { $inc: { n: 1 } }, { n: { $lt: 10 } })),
      );
      expect(results.filter((r) => r === 1)).toHaveLength(10);
      expect(results.filter((r) => r === 0)).toHaveLength(190);
      expect(await store.get('counters', 'cap')).toEqual({ _id: 'cap', n: 10 });
    });

    it('never lets 50 concurrent read-check-write transactions exceed the cap', async () => {
      await store.insert('counters', { _id: 'txcap', n: 0 });
      const attempt = () =>
        store.transaction(async (tx) => {
          const doc = await tx.get<Counter>('counters', 'txcap');
          if (!doc || doc.n >= 10) return false;
          // A plain read-modify-write: only isolation keeps two transactions from writing the same n.
          await tx.update('counters', 'txcap', { $set: { n: doc.n + 1 } });
          return true;
        });
      const results = await Promise.allSettled(Array.from({ length: 50 }, attempt));
      const succeeded = results.filter((r) => r.status === 'fulfilled' && r.value === true).length;
      const failed = results.filter((r) => r.status === 'rejected').length;
      const n = (await store.get<Counter>('counters', 'txcap'))?.n;
      expect(n).toBe(succeeded);
      expect(n).toBeLessThanOrEqual(10);
      // Under contention a transaction may give up after its retries; with none given up, the cap is reached.
      if (failed === 0) expect(n).toBe(10);
    });
  });
}
