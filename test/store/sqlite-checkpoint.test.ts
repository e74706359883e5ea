import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SQLite checkpoints off the request path', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ckpt-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('raises the automatic checkpoint to a backstop and folds the WAL into the file on a timer', async () => {
    const file = path.join(dir, 'c.db');
    const store = new SqliteStore({ filename: file, collections: [{ name: 'items', indexes: [] }], checkpointMs: 50 });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    const before = fs.statSync(file).size;
    for (let i = 0; i < 200; i++) await store.insert('items', { _id: `i${i}`, pad: 'x'.repeat(500) });
    // The rows are in the WAL, not yet in the database file.
    expect(fs.statSync(file).size).toBe(before);
    await sleep(200);
    expect(fs.statSync(file).size).toBeGreaterThan(before + 50_000);
    await store.close();
  });

  test('leaves the checkpoint to SQLite when the timer is off', async () => {
    const store = new SqliteStore({ filename: path.join(dir, 'd.db'), collections: [], checkpointMs: 0 });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await store.close();
  });
});
