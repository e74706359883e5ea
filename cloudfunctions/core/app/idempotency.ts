import { DuplicateKeyError, type DocumentOps } from '../ports/store';
import type { Deps } from './context';
import { digest } from './ids';
import { fail, type Result } from './result';

export const IDEMPOTENCY = 'idempotency';

interface IdempotencyRecord {
  _id: string;
  digest: string;
  state: 'pending' | 'done';
  claimedAt: string;
  result?: Result<unknown>;
}

/** A pending claim older than this is taken over: its holder crashed. */
const STALE_MS = 30_000;
const POLL_MS = 20;
const WAIT_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A call under a (caller, clientToken) key whose claim was issued with `beginOnce`. */
export interface Once {
  /** Runs `work` unless another call holds or held the key (then its stored result, or CONFLICT). */
  run(work: () => Promise<Result<unknown>>): Promise<Result<unknown>>;
  /** The call was refused before its work: gives the claim back, if it was ours. */
  release(): Promise<void>;
  /**
   * Writes `result` as the stored answer inside `tx`, the transaction of the change itself: the
   * change and the answer a retry gets commit together, and `run` does not write it again after.
   */
  storeIn(tx: DocumentOps, result: Result<unknown>): Promise<void>;
}

/** The write that makes `result` the answer of the call under `key`. */
const donePatch = (result: Result<unknown>) => ({ $set: { state: 'done', result } });

/**
 * Runs `work` at most once per (caller, clientToken): the first call claims the key in the
 * database (unique `_id`), later calls with the same payload get the stored result, and calls
 * with another payload get CONFLICT. Only successes are stored: a call that fails or throws
 * releases its claim, so a retry runs again.
 */
export function runOnce(
  deps: Pick<Deps, 'store' | 'clock'>,
  key: string,
  payload: unknown,
  work: () => Promise<Result<unknown>>,
): Promise<Result<unknown>> {
  return beginOnce(deps, key, payload).run(work);
}

/**
 * Issues the claim of `key` now (dispatch sends it in the same round as the caller's record) and
 * returns what runs the work under it. The claim's outcome is held, never left unhandled.
 */
export function beginOnce(deps: Pick<Deps, 'store' | 'clock'>, key: string, payload: unknown): Once {
  const { store, clock } = deps;
  const hash = digest(payload);
  const claim = async (): Promise<boolean> => {
    try {
      await store.insert<IdempotencyRecord>(IDEMPOTENCY, {
        _id: key,
        digest: hash,
        state: 'pending',
        claimedAt: clock.now().toISOString(),
      });
      return true;
    } catch (err) {
      if (err instanceof DuplicateKeyError) return false;
      throw err;
    }
  };
  const first = claim().then(
    (ours) => ({ ours, error: null as unknown }),
    (error: unknown) => ({ ours: false, error }),
  );
  const firstClaim = async (): Promise<boolean> => {
    const c = await first;
    if (c.error) throw c.error;
    return c.ours;
  };
  // What storeIn wrote in the last transaction that ran it (a transaction may run more than once).
  let storedIn: string | null = null;
  return {
    release: async () => {
      if ((await first).ours) await store.remove(IDEMPOTENCY, key, { state: 'pending' });
    },
    storeIn: async (tx, result) => {
      storedIn = JSON.stringify(result);
      await tx.update(IDEMPOTENCY, key, donePatch(result));
    },
    run: (work) => runClaimed(deps, key, hash, firstClaim, claim, () => storedIn, work),
  };
}

async function runClaimed(
  deps: Pick<Deps, 'store' | 'clock'>,
  key: string,
  hash: string,
  firstClaim: () => Promise<boolean>,
  claim: () => Promise<boolean>,
  storedIn: () => string | null,
  work: () => Promise<Result<unknown>>,
): Promise<Result<unknown>> {
  const { store, clock } = deps;
  if (!(await firstClaim())) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const rec = await store.get<IdempotencyRecord>(IDEMPOTENCY, key);
      if (!rec) {
        if (await claim()) break;
        continue;
      }
      if (rec.digest !== hash) return fail('CONFLICT', '该请求编号已用于另一份内容', 'CLIENT_TOKEN_REUSED');
      if (rec.state === 'done' && rec.result) return rec.result;
      const age = clock.now().getTime() - Date.parse(rec.claimedAt);
      if (age > STALE_MS) {
        const taken = await store.update(
          IDEMPOTENCY,
          key,
          { $set: { claimedAt: clock.now().toISOString() } },
          { state: 'pending', claimedAt: rec.claimedAt },
        );
        if (taken) break;
        continue;
      }
      if (Date.now() > deadline) return fail('CONFLICT', '相同的请求正在处理中，请稍后再试', 'REQUEST_IN_PROGRESS');
      await sleep(POLL_MS);
    }
  }

  let result: Result<unknown>;
  try {
    result = await work();
  } catch (err) {
    await store.remove(IDEMPOTENCY, key, { state: 'pending' }).catch(() => 0);
    throw err;
  }
  if (!result.ok) {
    // A refusal changed nothing, so it is not remembered: a retry is decided afresh (the seat
    // that was full may have freed up), and a refused call leaves no trace in the database.
    await store.remove(IDEMPOTENCY, key, { state: 'pending' });
    return result;
  }
  // Written already when the work stored it in the transaction of its change (Once.storeIn).
  if (storedIn() !== JSON.stringify(result)) await store.update(IDEMPOTENCY, key, donePatch(result));
  return result;
}
