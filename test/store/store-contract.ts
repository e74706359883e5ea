import {
  DuplicateKeyError,
  type Doc,
  type Filter,
  type FindOptions,
  type Patch,
  type Store,
  whole,
} from '../../cloudfunctions/core/ports/store';
import { describeTransactionContract } from './store-contract-tx';
import { filterCases, itemsFixture, type Item, type User } from './store-contract-fixtures';

export * from './store-contract-fixtures';

const ids = (docs: Doc[]) => docs.map((d) => d._id);

/**
 * The Store contract: every adapter must pass it. `makeStore` gives a store whose contract collections
 * are empty; `cleanup` runs after each test (before `close`).
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>, cleanup?: (store: Store) => Promise<void>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      if (cleanup) await cleanup(store);
      await store.close();
    });

    const seedItems = async () => {
      for (const item of itemsFixture) await store.insert('items', item);
    };

    describe('documents', () => {
      it('returns null for a document that does not exist', async () => {
        expect(await store.get('items', 'missing')).toBeNull();
      });

      it('reads back a stored document unchanged', async () => {
        const doc = {
          _id: 'd1',
          title: '红色物业 · 三方联动',
          n: 42,
          ratio: 0.25,
          flag: false,
          none: null,
          list: [1, 'two', { three: 3 }],
          nested: { a: { b: 'c' } },
        };
        await store.insert('items', doc);
        expect(await store.get('items', 'd1')).toEqual(doc);
      });

      it('rejects a second document with the same _id and keeps the first', async () => {
        await store.insert('items', { _id: 'dup', status: 'first' });
        const second = store.insert('items', { _id: 'dup', status: 'second' });
        await expect(second).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(second).rejects.toMatchObject({ collection: 'items' });
        expect(await store.get<Item>('items', 'dup')).toEqual({ _id: 'dup', status: 'first' });
      });

      it('rejects a document that repeats a unique-indexed value', async () => {
        await store.insert('users', { _id: 'u1', email: 'a@example.com' });
        await expect(store.insert('users', { _id: 'u2', email: 'a@example.com' })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await store.get('users', 'u2')).toBeNull();
        expect(await store.count('users', {})).toBe(1);
      });

      it('lets documents that lack a unique-indexed field coexist', async () => {
        await store.insert('users', { _id: 'u1', name: 'no email' });
        await store.insert('users', { _id: 'u2', name: 'no email either' });
        expect(await store.count('users', {})).toBe(2);
      });

      it('lets exactly one of many concurrent inserts of the same _id succeed', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) => store.insert('users', { _id: 'race', name: `n${i}` })),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DuplicateKeyError);
      });

      it('removes a document and reports whether it did', async () => {
        await store.insert('items', { _id: 'r1' });
        expect(await store.remove('items', 'r1')).toBe(1);
        expect(await store.get('items', 'r1')).toBeNull();
        expect(await store.remove('items', 'r1')).toBe(0);
      });

      it('removes a document only when it matches the condition', async () => {
        await store.insert('items', { _id: 'r2', status: 'open' });
        expect(await store.remove('items', 'r2', { status: 'closed' })).toBe(0);
        expect(await store.get('items', 'r2')).not.toBeNull();
        expect(await store.remove('items', 'r2', { status: { $in: ['open', 'draft'] } })).toBe(1);
        expect(await store.get('items', 'r2')).toBeNull();
      });
    });

    describe('find and count', () => {
      beforeEach(seedItems);

      for (const c of filterCases) {
        it(`find: ${c.behaviour}`, async () => {
          expect(ids(await store.find('items', c.filter, { orderBy: [['_id', 'asc']] }))).toEqual(c.ids);
        });
      }

      it('counts the documents a filter matches', async () => {
        expect(await store.count('items', {})).toBe(5);
        expect(await store.count('items', { status: 'open' })).toBe(3);
        expect(await store.count('items', { 'owner.city': 'jz', active: true })).toBe(2);
        expect(await store.count('items', { status: 'gone' })).toBe(0);
      });

      it('returns whole documents', async () => {
        expect(await store.find<Item>('items', { _id: 'i1' })).toEqual([itemsFixture[0]]);
      });

      it('orders ascending by one field', async () => {
        expect(ids(await store.find('items', {}, { orderBy: [['rank', 'asc']] }))).toEqual(['i2', 'i3', 'i1', 'i5', 'i4']);
      });

      it('orders descending by one field', async () => {
        expect(ids(await store.find('items', {}, { orderBy: [['rank', 'desc']] }))).toEqual(['i4', 'i5', 'i1', 'i3', 'i2']);
      });

      it('orders by several fields, each in its own direction', async () => {
        const orderBy: Array<[string, 'asc' | 'desc']> = [
          ['status', 'asc'],
          ['rank', 'desc'],
        ];
        expect(ids(await store.find('items', {}, { orderBy }))).toEqual(['i3', 'i4', 'i5', 'i1', 'i2']);
      });

      it('orders by a dotted field, missing values last when descending', async () => {
        const orderBy: Array<[string, 'asc' | 'desc']> = [
          ['owner.age', 'desc'],
          ['_id', 'asc'],
        ];
        expect(ids(await store.find('items', {}, { orderBy }))).toEqual(['i3', 'i2', 'i1', 'i5', 'i4']);
      });

      it('pages with skip and limit in order', async () => {
        const orderBy: Array<[string, 'asc' | 'desc']> = [['rank', 'asc']];
        expect(ids(await store.find('items', {}, { orderBy, limit: whole(2) }))).toEqual(['i2', 'i3']);
        expect(ids(await store.find('items', {}, { orderBy, skip: whole(1), limit: whole(2) }))).toEqual(['i3', 'i1']);
        expect(ids(await store.find('items', {}, { orderBy, skip: whole(4), limit: whole(2) }))).toEqual(['i4']);
        expect(ids(await store.find('items', {}, { orderBy, skip: whole(5) }))).toEqual([]);
      });

      it('returns nothing for a limit of 0', async () => {
        expect(await store.find('items', {}, { limit: whole(0) })).toEqual([]);
      });

      it.each([
        ['a fractional limit', { limit: 2.5 }],
        ['a negative limit', { limit: -1 }],
        ['a fractional skip', { skip: 0.5 }],
        ['a negative skip', { skip: -2 }],
        ['a limit that is not a number', { limit: Number.NaN }],
      ])('refuses %s at the boundary', async (_what, options) => {
        // A cast (or untyped code) gets past the type: the adapter still refuses.
        await expect(store.find('items', {}, options as unknown as FindOptions)).rejects.toThrow(RangeError);
      });

      it('filters, orders and pages together', async () => {
        const found = await store.find('items', { status: 'open' }, { orderBy: [['rank', 'desc']], skip: whole(1), limit: whole(1) });
        expect(ids(found)).toEqual(['i1']);
      });
    });

    describe('update', () => {
      beforeEach(seedItems);

      it('sets top-level and dotted fields, creating missing parents', async () => {
        expect(await store.update('items', 'i4', { $set: { status: 'open', 'owner.city': 'jz', 'meta.source.kind': 'import' } })).toBe(1);
        expect(await store.get('items', 'i4')).toEqual({
          ...itemsFixture[3],
          status: 'open',
          owner: { city: 'jz' },
          meta: { source: { kind: 'import' } },
        });
      });

      it('replaces an object value set whole rather than merging it', async () => {
        await store.update('items', 'i1', { $set: { owner: { city: 'wh' } } });
        expect((await store.get<Item>('items', 'i1'))?.owner).toEqual({ city: 'wh' });
      });

      it('sets array and null values as given', async () => {
        await store.update('items', 'i1', { $set: { tags: ['x', 'y'], note: null, 'owner.age': null } });
        const doc = await store.get<Item>('items', 'i1');
        expect(doc?.tags).toEqual(['x', 'y']);
        expect(doc?.note).toBeNull();
        expect(doc?.owner).toEqual({ city: 'jz', age: null });
      });

      it('increments existing, missing and dotted numbers', async () => {
        await store.update('items', 'i1', { $inc: { rank: 2, visits: 1, 'owner.age': -5, score: 0.25 } });
        const doc = await store.get<Item>('items', 'i1');
        expect(doc).toMatchObject({ rank: 5, visits: 1, owner: { city: 'jz', age: 25 }, score: 1.75 });
      });

      it('moves and finds a field keyed by an id with a hyphen (a firm id, base64url)', async () => {
        const key = 'counters.firms.f_mwo9v340-T7Kr5Q0';
        expect(await store.update('items', 'i1', { $inc: { [key]: 1 } })).toBe(1);
        expect(await store.update('items', 'i1', { $inc: { [key]: 1 } })).toBe(1);
        expect((await store.get<Item & { counters?: unknown }>('items', 'i1'))?.counters).toEqual({ firms: { 'f_mwo9v340-T7Kr5Q0': 2 } });
        expect((await store.find('items', { [key]: 2 })).map((d) => d._id)).toEqual(['i1']);
        expect(await store.update('items', 'i1', { $set: { [key]: 0 } }, { [key]: 2 })).toBe(1);
        expect(await store.count('items', { [key]: 0 })).toBe(1);
      });

      it('appends to an array, creating it when missing', async () => {
        await store.update('items', 'i1', { $push: { tags: 'z' } });
        await store.update('items', 'i5', { $push: { tags: 'z', 'owner.history': { at: 1, what: 'joined' } } });
        expect((await store.get<Item>('items', 'i1'))?.tags).toEqual(['a', 'b', 'z']);
        const i5 = await store.get<Item>('items', 'i5');
        expect(i5?.tags).toEqual(['z']);
        expect(i5?.owner?.history).toEqual([{ at: 1, what: 'joined' }]);
      });

      it('appends an array value as one element', async () => {
        await store.update('items', 'i2', { $push: { tags: ['p', 'q'] } });
        expect((await store.get<Item>('items', 'i2'))?.tags).toEqual(['b', ['p', 'q']]);
      });

      it('unsets top-level and dotted fields', async () => {
        await store.update('items', 'i1', { $unset: ['note', 'owner.age', 'not.there'] });
        const doc = await store.get<Item>('items', 'i1');
        expect(doc).not.toHaveProperty('note');
        expect(doc?.owner).toEqual({ city: 'jz' });
      });

      it('applies $set, $inc, $push and $unset of one patch together', async () => {
        await store.update('items', 'i3', { $set: { status: 'open' }, $inc: { rank: 1 }, $push: { tags: 'n' }, $unset: ['score'] });
        const { score: _score, ...rest } = itemsFixture[2];
        expect(await store.get('items', 'i3')).toEqual({ ...rest, status: 'open', rank: 3, tags: ['n'] });
      });

      it('returns 0 for a missing document and creates nothing', async () => {
        expect(await store.update('items', 'ghost', { $set: { status: 'open' }, $inc: { rank: 1 } })).toBe(0);
        expect(await store.get('items', 'ghost')).toBeNull();
      });

      it('counts a matching document as updated even when the values do not change', async () => {
        expect(await store.update('items', 'i1', { $set: { status: 'open' } })).toBe(1);
      });

      it('updates only when the condition matches, returning 1 or 0', async () => {
        expect(await store.update('items', 'i1', { $set: { status: 'closed' } }, { status: 'draft' })).toBe(0);
        expect((await store.get<Item>('items', 'i1'))?.status).toBe('open');
        expect(await store.update('items', 'i1', { $set: { status: 'closed' } }, { status: 'open', rank: { $lt: 10 } })).toBe(1);
        expect((await store.get<Item>('items', 'i1'))?.status).toBe('closed');
      });

      it('evaluates $or, dotted fields and $exists in the condition', async () => {
        const where: Filter = { $or: [{ 'owner.city': 'sh' }, { note: { $exists: false } }] };
        expect(await store.update('items', 'i1', { $inc: { rank: 1 } }, where)).toBe(0);
        expect(await store.update('items', 'i5', { $inc: { rank: 1 } }, where)).toBe(1);
        expect((await store.get<Item>('items', 'i5'))?.rank).toBe(5);
      });

      it('rejects an update that would repeat a unique-indexed value', async () => {
        await store.insert('users', { _id: 'u1', email: 'a@example.com' });
        await store.insert('users', { _id: 'u2', email: 'b@example.com' });
        await expect(store.update('users', 'u2', { $set: { email: 'a@example.com' } })).rejects.toBeInstanceOf(DuplicateKeyError);
        expect((await store.get<User>('users', 'u2'))?.email).toBe('b@example.com');
      });

      it('refuses to change _id', async () => {
        await expect(store.update('items', 'i1', { $set: { _id: 'other' } })).rejects.toThrow();
        expect(await store.get('items', 'i1')).toEqual(itemsFixture[0]);
      });

      it('refuses a patch without its operators (fields where $set belongs), on a document or none', async () => {
        const bare = { name: 'renamed' } as unknown as Patch;
        await expect(store.update('items', 'i1', bare)).rejects.toThrow('unknown patch operator: name');
        await expect(store.update('items', 'missing', bare)).rejects.toThrow('unknown patch operator: name');
        await expect(store.update('items', 'i1', { $set: { name: 'x' }, $rename: { a: 'b' } } as unknown as Patch)).rejects.toThrow(
          'unknown patch operator: $rename',
        );
        expect(await store.get('items', 'i1')).toEqual(itemsFixture[0]);
      });
    });

    describeTransactionContract(() => store);
  });
}
