/**
 * Backend test harness: the real entries on the real SQLite store (in memory), with a fixed
 * clock and the demo seed.
 *
 *   const h = await makeHarness();            // seeded, clock at 2026-11-20T09:00+08:00
 *   const r = await h.call('account', 'whoami', {}, 'demo-resident');
 *   const before = h.snapshot(); ...; expect(h.snapshot()).toEqual(before);
 *   await h.close();
 */
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import type { Deps } from '../../cloudfunctions/core/app/context';
import { userIdFor } from '../../cloudfunctions/core/app/ids';
import type { Result } from '../../cloudfunctions/core/app/result';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { MemoryLogger } from '../../cloudfunctions/core/adapters/console-logger';
import type { SqliteStore } from '../../cloudfunctions/core/adapters/sqlite-store';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';

export const DEFAULT_NOW = '2026-11-20T09:00:00+08:00';

export interface Harness {
  deps: Deps & { store: SqliteStore };
  store: SqliteStore;
  clock: FixedClock;
  logger: MemoryLogger;
  /** Calls an action through the function's platform entry, as the platform would for `openid`. */
  call<T = unknown>(fn: FunctionName, action: string, data?: unknown, openid?: string | null): Promise<Result<T>>;
  /** Calls with a raw event (for malformed events). */
  callRaw(fn: FunctionName, event: unknown, openid?: string | null): Promise<Result<unknown>>;
  /** The user id of an openid. */
  userId(openid: string): string;
  /** Every row of every table, for "nothing changed" assertions. */
  snapshot(): Record<string, Array<{ _id: string; data: string }>>;
  close(): Promise<void>;
}

export async function makeHarness(options: { now?: string; seed?: boolean; filename?: string } = {}): Promise<Harness> {
  const clock = new FixedClock(options.now ?? DEFAULT_NOW);
  const logger = new MemoryLogger();
  const deps = createLocalDeps({ filename: options.filename ?? ':memory:', clock, logger });
  if (options.seed !== false) await seedDemo(deps);
  const entries = new Map<string, ReturnType<typeof createCloudEntry>>();
  const entry = (fn: FunctionName) => {
    let e = entries.get(fn);
    if (!e) entries.set(fn, (e = createCloudEntry(fn, FUNCTIONS[fn], deps)));
    return e;
  };
  return {
    deps,
    store: deps.store,
    clock,
    logger,
    call: (fn, action, data = {}, openid = null) => entry(fn)({ action, data }, platformContextFor(openid)) as never,
    callRaw: (fn, event, openid = null) => entry(fn)(event, platformContextFor(openid)),
    userId: (openid) => userIdFor(openid, deps.userIdSalt),
    snapshot: () => {
      const tables = deps.store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>;
      const out: Record<string, Array<{ _id: string; data: string }>> = {};
      for (const { name } of tables) {
        out[name] = deps.store.db.prepare(`SELECT _id, data FROM "${name}" ORDER BY _id`).all() as Array<{ _id: string; data: string }>;
      }
      return out;
    },
    close: () => deps.store.close(),
  };
}
