import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';
import { MAX_FIND_LIMIT, type Store, whole } from '../../cloudfunctions/core/ports/store';
import { contractCollections, describeStoreContract } from './store-contract';

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'store-contract-')), 'store.db');
}

describeStoreContract('SQLite in memory', async () => new SqliteStore({ filename: ':memory:', collections: contractCollections }));

describeStoreContract(
  'SQLite file (WAL)',
  async () => new SqliteStore({ filename: tempFile(), collections: contractCollections }),
  async (store: Store) => {
    const file = (store as SqliteStore).db.name;
    await store.close();
    rmSync(dirname(file), { recursive: true, force: true });
  },
);

describe('SqliteStore', () => {
  let store: SqliteStore;
  const files: string[] = [];

  beforeEach(() => {
    store = new SqliteStore({ filename: ':memory:', collections: contractCollections });
  });

  afterEach(async () => {
    await store.close();
    for (const f of files.splice(0)) rmSync(dirname(f), { recursive: true, force: true });
  });

  describe('indexes', () => {
    it('creates declared indexes as expression indexes', () => {
      const sql = (
        store.db
          .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items' AND sql IS NOT NULL")
          .all() as Array<{
          name: string;
          sql: string;
        }>
      ).map((r) => `${r.name}: ${r.sql}`);
      expect(sql).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^items__by_status_rank: .*json_extract\(data, '\$\.status'\) ASC, json_extract\(data, '\$\.rank'\) DESC/),
          expect.stringMatching(/^items__by_owner_city: .*json_extract\(data, '\$\.owner\.city'\)/),
        ]),
      );
      const unique = store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'users__by_email'").get() as { sql: string };
      expect(unique.sql).toMatch(/^CREATE UNIQUE INDEX/);
    });

    it('uses the compound index for an equality filter sorted by the next field', () => {
      const plan = store.explain('items', { status: 'open' }, { orderBy: [['rank', 'desc']] });
      expect(plan).toContain('USING INDEX items__by_status_rank');
      expect(plan).not.toContain('USE TEMP B-TREE');
    });

    it('uses the index on a dotted field', () => {
      expect(store.explain('items', { 'owner.city': 'jz' })).toContain('USING INDEX items__by_owner_city');
    });

    it('uses the unique index for a lookup by the unique field', () => {
      expect(store.explain('users', { email: 'a@example.com' })).toContain('USING INDEX users__by_email');
    });
  });

  describe('field paths', () => {
    const hostile = ["a') OR 1=1 --", '__proto__', 'a.__proto__.b', 'constructor', 'a..b', '', 'a b', "x' || '"];

    it.each(hostile)('refuses %j as a filter field', async (field) => {
      await store.insert('items', { _id: 'i1', a: 1 });
      await expect(store.find('items', { [field]: 1 })).rejects.toThrow(/invalid field path/);
      await expect(store.count('items', { [field]: { $ne: 1 } })).rejects.toThrow(/invalid field path/);
    });

    it.each(hostile)('refuses %j as a sort field', async (field) => {
      await expect(store.find('items', {}, { orderBy: [[field, 'asc']] })).rejects.toThrow(/invalid field path/);
    });

    it.each(hostile)('refuses %j as a patch path and leaves prototypes alone', async (field) => {
      await store.insert('items', { _id: 'i1', a: 1 });
      await expect(store.update('items', 'i1', { $set: { [field]: { polluted: true } } })).rejects.toThrow(/invalid field path/);
      await expect(store.update('items', 'i1', { $set: { [`${field}.polluted`]: true } })).rejects.toThrow(/invalid field path/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await store.get('items', 'i1')).toEqual({ _id: 'i1', a: 1 });
    });

    it('refuses a collection name that is not a plain identifier', async () => {
      await expect(store.find('items"; DROP TABLE items; --', {})).rejects.toThrow(/invalid collection name/);
      await expect(store.get('items', 'x')).resolves.toBeNull();
    });

    it('treats values as data, never as SQL', async () => {
      await store.insert('items', { _id: 'i1', status: 'open' });
      expect(await store.find('items', { status: "x' OR '1'='1" })).toEqual([]);
      expect(await store.find('items', { _id: "i1' OR 1=1 --" })).toEqual([]);
    });
  });

  describe('files', () => {
    it('runs a file database in WAL mode', async () => {
      const file = tempFile();
      files.push(file);
      const fileStore = new SqliteStore({ filename: file, collections: contractCollections });
      expect(fileStore.db.pragma('journal_mode', { simple: true })).toBe('wal');
      await fileStore.close();
    });

    it('keeps documents and unique indexes across closing and reopening the file', async () => {
      const file = tempFile();
      files.push(file);
      const first = new SqliteStore({ filename: file, collections: contractCollections });
      await first.insert('users', { _id: 'u1', email: 'a@example.com', tags: ['x'] });
      await first.transaction(async (tx) => {
        await tx.insert('counters', { _id: 'c', n: 1 });
      });
      await first.close();

      const second = new SqliteStore({ filename: file, collections: contractCollections });
      try {
        expect(await second.get('users', 'u1')).toEqual({ _id: 'u1', email: 'a@example.com', tags: ['x'] });
        expect(await second.get('counters', 'c')).toEqual({ _id: 'c', n: 1 });
        await expect(second.insert('users', { _id: 'u2', email: 'a@example.com' })).rejects.toThrow(/duplicate key/);
      } finally {
        await second.close();
      }
    });
  });

  describe('limits', () => {
    it(`returns at most ${MAX_FIND_LIMIT} documents per find`, async () => {
      await store.transaction(async (tx) => {
        for (let i = 0; i < MAX_FIND_LIMIT + 5; i++) await tx.insert('counters', { _id: `c${String(i).padStart(4, '0')}`, n: i });
      });
      expect(await store.find('counters', {})).toHaveLength(MAX_FIND_LIMIT);
      expect(await store.find('counters', {}, { limit: whole(5000) })).toHaveLength(MAX_FIND_LIMIT);
      expect(await store.count('counters', {})).toBe(MAX_FIND_LIMIT + 5);
      const tail = await store.find('counters', {}, { orderBy: [['n', 'asc']], skip: MAX_FIND_LIMIT });
      expect(tail.map((d) => d._id)).toEqual(['c1000', 'c1001', 'c1002', 'c1003', 'c1004']);
    });
  });
});
