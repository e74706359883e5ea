/**
 * A bench "world": the embedded runtime on a SQLite file with the demo seed, its function entries,
 * and ways to make it big quickly — many volunteers cloned from one registered through the real
 * actions, and every collection grown to N documents by cloning the documents already there.
 */
import { COLLECTIONS } from '../../cloudfunctions/core/app/collections';
import type { Deps } from '../../cloudfunctions/core/app/context';
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import { userIdFor } from '../../cloudfunctions/core/app/ids';
import type { Result } from '../../cloudfunctions/core/app/result';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { MemoryLogger } from '../../cloudfunctions/core/adapters/console-logger';
import type { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';
import { BENCH_NOW } from './round-trips';

export interface World {
  deps: Deps & { store: SqliteStore };
  clock: FixedClock;
  logger: MemoryLogger;
  /** Calls an action through its function entry, as the platform would for `openid`. */
  call<T = unknown>(fn: string, action: string, data: unknown, openid: string | null): Promise<Result<T>>;
  /** Like `call`, but throws unless the answer is ok; returns the data. */
  must<T = unknown>(fn: string, action: string, data: unknown, openid: string | null): Promise<T>;
  userId(openid: string): string;
  has(fn: string, action: string): boolean;
  close(): Promise<void>;
}

export async function openWorld(filename: string, options: { now?: string; seed?: boolean } = {}): Promise<World> {
  const clock = new FixedClock(options.now ?? BENCH_NOW);
  const logger = new MemoryLogger();
  const deps = createLocalDeps({ filename, clock, logger });
  if (options.seed !== false) await seedDemo(deps);
  const entries = new Map<string, ReturnType<typeof createCloudEntry>>();
  const entry = (fn: string) => {
    let e = entries.get(fn);
    if (!e) entries.set(fn, (e = createCloudEntry(fn, FUNCTIONS[fn as FunctionName], deps)));
    return e;
  };
  const call = <T>(fn: string, action: string, data: unknown, openid: string | null) =>
    entry(fn)({ action, data }, platformContextFor(openid)) as Promise<Result<T>>;
  return {
    deps,
    clock,
    logger,
    call,
    must: async <T>(fn: string, action: string, data: unknown, openid: string | null) => {
      const r = await call<T>(fn, action, data, openid);
      if (!r.ok) throw new Error(`${fn}.${action} as ${openid} answered ${JSON.stringify(r.error)}`);
      return r.data;
    },
    userId: (openid) => userIdFor(openid, deps.userIdSalt),
    has: (fn, action) =>
      Object.prototype.hasOwnProperty.call(FUNCTIONS, fn) && Object.prototype.hasOwnProperty.call(FUNCTIONS[fn as FunctionName], action),
    close: () => deps.store.close(),
  };
}

/** Stands for a copy's tenant number in moved templates; appears in no real data. */
const TENANT = '~TENANT~';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function rows(w: World, collection: string, where = '1', ...params: unknown[]): Array<Record<string, Json>> {
  return (w.deps.store.db.prepare(`SELECT data FROM "${collection}" WHERE ${where}`).all(...params) as Array<{ data: string }>).map(
    (r) => JSON.parse(r.data) as Record<string, Json>,
  );
}

/**
 * Registers `count` more active residents of the demo's first compound, each with a volunteer
 * profile when the volunteer feature exists: one goes through the real actions (account.register,
 * account.approve, volunteer.register); the others are direct inserts of copies of its documents
 * with their own openid, user id, phone and volunteer number. Returns their openids.
 */
export async function addVolunteers(w: World, count: number, prefix: string): Promise<string[]> {
  const first = `${prefix}-0`;
  const phoneOf = (i: number) => `139${String(10_000_000 + i).slice(-8)}`;
  await w.must(
    'account',
    'register',
    { name: '志愿者甲', phone: phoneOf(0), communityId: DEMO.communityId, compoundId: DEMO.compound1, building: '11栋', room: '101' },
    first,
  );
  await w.must('account', 'approve', { userId: w.userId(first) }, 'demo-rc');
  const volunteer = w.has('volunteer', 'register');
  if (volunteer) await w.must('volunteer', 'register', { realName: '志愿者甲', phone: phoneOf(0) }, first);
  const user = rows(w, 'users', '_id = ?', w.userId(first))[0];
  const profile = volunteer ? rows(w, 'volunteers', '_id = ?', w.userId(first))[0] : null;
  const db = w.deps.store.db;
  const insertUser = db.prepare('INSERT INTO "users" (_id, data) VALUES (?, ?)');
  const insertVolunteer = volunteer ? db.prepare('INSERT INTO "volunteers" (_id, data) VALUES (?, ?)') : null;
  const openids = [first];
  db.transaction(() => {
    for (let i = 1; i < count; i++) {
      const openid = `${prefix}-${i}`;
      const id = w.userId(openid);
      insertUser.run(
        id,
        JSON.stringify({ ...user, _id: id, openid, phone: phoneOf(i), name: `志愿者${i}`, room: String(100 + (i % 900)) }),
      );
      if (profile && insertVolunteer) {
        const no = String(profile.volunteerNo);
        insertVolunteer.run(
          id,
          JSON.stringify({ ...profile, _id: id, phone: phoneOf(i), realName: `志愿者${i}`, volunteerNo: `${no}-${prefix}-${i}` }),
        );
      }
      openids.push(openid);
    }
  })();
  return openids;
}

export interface GrowReport {
  /** Documents per collection after growing. */
  counts: Record<string, number>;
  /** Collections that had no document to copy: filled with documents holding only their indexed fields. */
  synthesized: string[];
  ms: number;
}

/**
 * Grows every collection to at least `n` documents by copying the documents already in it (the
 * demo seed and whatever the bench created), each copy moved to its own "tenant": every id it holds
 * (its `_id`, any value that is the id of a stored document or an openid, and unique-index fields)
 * gets a `_b<k>` suffix. So copies have the real shapes and index distributions of the demo world
 * but belong to other communities, users and activities, and the demo world stays as it was.
 */
export function growTo(w: World, n: number): GrowReport {
  const started = Date.now();
  const db = w.deps.store.db;
  const known = new Set<string>();
  for (const { name } of COLLECTIONS) {
    for (const r of db.prepare(`SELECT _id FROM "${name}"`).all() as Array<{ _id: string }>) known.add(r._id);
  }
  for (const u of rows(w, 'users')) if (typeof u.openid === 'string') known.add(u.openid);
  const synthesized: string[] = [];
  const counts: Record<string, number> = {};
  // Loading only: no journal, indexes rebuilt after each collection's rows are in. The store's own
  // settings (WAL, synchronous NORMAL) are restored before anything is measured.
  const wal = db.pragma('journal_mode', { simple: true }) === 'wal';
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.transaction(() => {
    for (const spec of COLLECTIONS) {
      const have = (db.prepare(`SELECT COUNT(*) AS n FROM "${spec.name}"`).get() as { n: number }).n;
      const unique = new Set(spec.indexes.filter((i) => i.unique).flatMap((i) => i.fields.map(([f]) => f.split('.').pop() as string)));
      let templates = rows(w, spec.name).slice(0, 1000);
      if (templates.length === 0) {
        synthesized.push(spec.name);
        const fields = [...new Set(spec.indexes.flatMap((i) => i.fields.map(([f]) => f)))];
        templates = Array.from({ length: 10 }, (_, t) => {
          const doc: Record<string, Json> = {
            _id: `syn_${spec.name}_${t}`,
            createdAt: new Date(w.clock.now().getTime() - t * 60_000).toISOString(),
          };
          for (const f of fields) setPath(doc, f, `syn-${t}`);
          return doc;
        });
        templates.forEach((t) => known.add(String(t._id)));
      }
      const indexes = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(spec.name) as Array<{ name: string; sql: string }>;
      for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
      // Each template is moved to tenant TENANT once; SQLite then writes the copies itself,
      // replacing TENANT with the copy's tenant number (k = i / templates + 1).
      const move = (v: Json, key: string): Json => {
        if (typeof v === 'string') return key === '_id' || unique.has(key) || known.has(v) ? `${v}_b${TENANT}` : v;
        if (Array.isArray(v)) return v.map((x) => move(x, key));
        if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([kk, x]) => [kk, move(x, kk)]));
        return v;
      };
      db.exec('CREATE TEMP TABLE IF NOT EXISTS bench_tpl (n INTEGER PRIMARY KEY, id TEXT, data TEXT)');
      db.exec('DELETE FROM bench_tpl');
      const tpl = db.prepare('INSERT INTO bench_tpl (n, id, data) VALUES (?, ?, ?)');
      templates.forEach((t, i) => {
        const moved = move(t, '') as Record<string, Json>;
        tpl.run(i, moved._id, JSON.stringify(moved));
      });
      const missing = n - have;
      if (missing > 0) {
        db.prepare(
          `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?)
           INSERT INTO "${spec.name}" (_id, data)
           SELECT replace(t.id, '${TENANT}', i / ? + 1), replace(t.data, '${TENANT}', i / ? + 1) FROM seq JOIN bench_tpl t ON t.n = i % ?`,
        ).run(missing, templates.length, templates.length, templates.length);
      }
      for (const ix of indexes) db.exec(ix.sql);
      counts[spec.name] = Math.max(n, have);
    }
  })();
  if (wal) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return { counts, synthesized, ms: Date.now() - started };
}

function setPath(doc: Record<string, Json>, path: string, value: Json): void {
  const parts = path.split('.');
  let at: Record<string, Json> = doc;
  for (const p of parts.slice(0, -1)) {
    if (!at[p] || typeof at[p] !== 'object') at[p] = {};
    at = at[p] as Record<string, Json>;
  }
  at[parts[parts.length - 1]] = value;
}
