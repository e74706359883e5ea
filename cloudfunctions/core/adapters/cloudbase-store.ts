import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';
import {
  DuplicateKeyError,
  findWindow,
  type Doc,
  type DocumentOps,
  type Filter,
  type FindOptions,
  type Patch,
  type Store,
} from '../ports/store';
import { UnavailableError } from '../ports/unavailable';
import { remainingBudget } from './call-budget';
import { checkField, matchesFilter, toQuery, toUpdate, type Command } from './cloudbase-filter';

export { matchesFilter, toQuery, toUpdate, type Command } from './cloudbase-filter';
export { indexConfig, type CloudBaseIndexConfig } from './cloudbase-indexes';

/** The query-builder calls this adapter makes: a structural subset of node-sdk's Query. */
export interface CloudBaseQuery {
  where(query: object): CloudBaseQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CloudBaseQuery;
  skip(offset: number): CloudBaseQuery;
  limit(limit: number): CloudBaseQuery;
  get(): Promise<{ data: unknown }>;
  count(): Promise<{ total?: number }>;
  /** `database.modifyAndReturnDoc`: updates one matching document and returns it (null when none matched). */
  updateAndReturn(data: object): Promise<{ updated?: number; doc?: unknown }>;
  remove(): Promise<{ deleted?: number | string }>;
}

/** One document reference (node-sdk's DocumentReference, the part used here). */
export interface CloudBaseDocRef {
  get(): Promise<{ data: unknown }>;
  update(data: object): Promise<{ updated?: number }>;
  delete(): Promise<{ deleted?: number | string }>;
}

/** A collection reference (node-sdk's CollectionReference, the part used here). */
export interface CloudBaseCollection extends CloudBaseQuery {
  doc(id: string): CloudBaseDocRef;
  add(data: object): Promise<unknown>;
}

/** What `runTransaction` hands its callback. */
export interface CloudBaseTransaction {
  collection(name: string): CloudBaseCollection;
}

/** The slice of node-sdk's database object the adapter needs; the real one satisfies it. */
export interface CloudBaseDb {
  command: Command;
  collection(name: string): CloudBaseCollection;
  runTransaction(callback: (t: CloudBaseTransaction) => Promise<unknown>, times?: number): Promise<unknown>;
}

/** CloudBase reports a unique-index or `_id` clash with DATABASE_DUPLICATE_WRITE or MongoDB's E11000 text. */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  const text = `${String(code ?? '')} ${String(message ?? '')}`;
  return /DATABASE_DUPLICATE_WRITE|E11000|duplicate/i.test(text);
}

/** The code node-sdk's runTransaction retries on (`@cloudbase/database` const/code.js). */
export function isTransactionConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'DATABASE_TRANSACTION_CONFLICT';
}

/**
 * Maps what an SDK request threw onto the port. `request` is only the request itself (queries are
 * built before), so whatever it throws comes from the SDK's exchange with the server: a duplicate
 * is DuplicateKeyError, a transaction conflict stays as it is for the retry loop, and anything else
 * — the server's TcbError, a network error such as ESOCKETTIMEDOUT when the request timeout passes,
 * an answer that is not JSON — is the platform failing: UnavailableError.
 */
function platformError(err: unknown, collection: string, id: string): unknown {
  if (err instanceof DuplicateKeyError || err instanceof UnavailableError || isTransactionConflict(err)) return err;
  if (isDuplicateKeyError(err)) return new DuplicateKeyError(collection, id);
  return new UnavailableError('DATABASE_UNAVAILABLE', err);
}

async function sdk<T>(collection: string, id: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (err) {
    throw platformError(err, collection, id);
  }
}

function hasKeys(filter: Filter | undefined): filter is Filter {
  return filter !== undefined && Object.keys(filter).some((k) => filter[k] !== undefined);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface CloudBaseStoreOptions {
  /** How often a conflicting transaction is tried again (after the first attempt). */
  transactionRetries?: number;
  /** Pause before retry n: between half and all of min(backoffCapMs, backoffBaseMs · 2ⁿ). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** No retry starts unless this much budget is left after its pause: the time one attempt may take. */
  attemptReserveMs?: number;
  /** Milliseconds left in the current call (adapters/call-budget.ts); Infinity when unbounded. */
  remaining?: () => number;
  random?: () => number;
}

/** The Store port on the CloudBase document database via `@cloudbase/node-sdk`. */
export class CloudBaseStore implements Store {
  private readonly _: Command;
  private readonly retries: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly attemptReserveMs: number;
  private readonly remaining: () => number;
  private readonly random: () => number;

  constructor(
    private readonly db: CloudBaseDb,
    options: CloudBaseStoreOptions = {},
  ) {
    this._ = db.command;
    this.retries = options.transactionRetries ?? 10;
    this.backoffBaseMs = options.backoffBaseMs ?? 25;
    this.backoffCapMs = options.backoffCapMs ?? 400;
    this.attemptReserveMs = options.attemptReserveMs ?? 1000;
    this.remaining = options.remaining ?? (() => remainingBudget());
    this.random = options.random ?? Math.random;
  }

  private byId(id: string, where: Filter | undefined): object {
    return hasKeys(where) ? this._.and([{ _id: id }, toQuery(this._, where)]) : { _id: id };
  }

  async get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    const ref = this.db.collection(collection).doc(id);
    const res = await sdk(collection, id, () => ref.get());
    return firstDoc<T>(res.data);
  }

  async insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    await insertVia(this.db.collection(collection), collection, doc);
  }

  /**
   * One `modifyAndReturnDoc` request: the server finds the document by `_id` and the condition and
   * updates it in one atomic step, and returns it — or null when nothing matched. "Matched" is
   * read from that one answer, so a `$set` that changed no value still counts, as on SQLite.
   */
  async update(collection: string, id: string, patch: Patch, where?: Filter): Promise<0 | 1> {
    const data = toUpdate(this._, patch);
    const matching = this.db.collection(collection).where(this.byId(id, where));
    if (Object.keys(data).length === 0) {
      const res = await sdk(collection, id, () => matching.count());
      return (res.total ?? 0) > 0 ? 1 : 0;
    }
    const res = await sdk(collection, id, () => matching.updateAndReturn(data));
    return (res.doc !== null && res.doc !== undefined) || (res.updated ?? 0) > 0 ? 1 : 0;
  }

  async remove(collection: string, id: string, where?: Filter): Promise<0 | 1> {
    const matching = this.db.collection(collection).where(this.byId(id, where));
    const res = await sdk(collection, id, () => matching.remove());
    return Number(res.deleted ?? 0) > 0 ? 1 : 0;
  }

  async find<T extends Doc = Doc>(collection: string, filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const { limit, skip } = findWindow(options);
    // The SDK turns limit(0) into its default of 100.
    if (limit === 0) return [];
    let q = this.db.collection(collection).where(toQuery(this._, filter));
    for (const [field, direction] of options.orderBy ?? []) q = q.orderBy(checkField(field), direction);
    if (skip > 0) q = q.skip(skip);
    const query = q.limit(limit);
    const res = await sdk(collection, '', () => query.get());
    return (Array.isArray(res.data) ? res.data : []) as T[];
  }

  async count(collection: string, filter: Filter): Promise<number> {
    const query = this.db.collection(collection).where(toQuery(this._, filter));
    const res = await sdk(collection, '', () => query.count());
    return res.total ?? 0;
  }

  /**
   * Each attempt is one node-sdk transaction without its own retries (`times` 0: on a conflict it
   * rolls back and throws). Conflicts are retried here after a growing, jittered pause, at most
   * `transactionRetries` times and only while the call's budget leaves room for another attempt;
   * then the caller gets UnavailableError('DATABASE_BUSY').
   */
  async transaction<R>(fn: (tx: DocumentOps) => Promise<R>): Promise<R> {
    for (let retry = 0; ; retry++) {
      // What `fn` throws is the use case's (its database errors are mapped already) and passes unchanged.
      const thrown = new Set<unknown>();
      const body = async (t: CloudBaseTransaction) => {
        try {
          return await fn(this.opsOn(t));
        } catch (err) {
          thrown.add(err);
          throw err;
        }
      };
      try {
        return (await this.db.runTransaction(body, 0)) as R;
      } catch (err) {
        if (!isTransactionConflict(err)) throw thrown.has(err) ? err : platformError(err, '', '');
        const ceiling = Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** retry);
        const pause = Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
        if (retry >= this.retries || this.remaining() < pause + this.attemptReserveMs) {
          throw new UnavailableError('DATABASE_BUSY', err);
        }
        await sleep(pause);
      }
    }
  }

  /** Single-document operations inside transaction `t`; conditions are checked on the read document. */
  private opsOn(t: CloudBaseTransaction): DocumentOps {
    const _ = this._;
    const read = async (collection: string, id: string): Promise<Doc | null> => {
      const ref = t.collection(collection).doc(id);
      return firstDoc<Doc>((await sdk(collection, id, () => ref.get())).data);
    };
    return {
      get: async <T extends Doc = Doc>(collection: string, id: string) => (await read(collection, id)) as T | null,
      insert: (collection, doc) => insertVia(t.collection(collection), collection, doc),
      update: async (collection, id, patch, where) => {
        const data = toUpdate(_, patch);
        const current = await read(collection, id);
        if (!current || (where && !matchesFilter(current, where))) return 0;
        if (Object.keys(data).length === 0) return 1;
        const ref = t.collection(collection).doc(id);
        await sdk(collection, id, () => ref.update(data));
        return 1;
      },
      remove: async (collection, id, where) => {
        const current = await read(collection, id);
        if (!current || (where && !matchesFilter(current, where))) return 0;
        const ref = t.collection(collection).doc(id);
        await sdk(collection, id, () => ref.delete());
        return 1;
      },
    };
  }

  async close(): Promise<void> {
    // node-sdk keeps no connection of its own: each call is an HTTP request.
  }
}

/** `doc(id).get()` answers `{data: []}` outside a transaction and `{data: doc | null}` inside one. */
function firstDoc<T>(data: unknown): T | null {
  if (Array.isArray(data)) return (data[0] as T | undefined) ?? null;
  return (data as T | null | undefined) ?? null;
}

async function insertVia(target: CloudBaseCollection, collection: string, doc: Doc): Promise<void> {
  if (typeof doc._id !== 'string' || doc._id.length === 0) throw new Error('document needs a string _id');
  // add() is allowed inside transactions too (a single-document insert), and the server checks _id and unique indexes.
  const copy = { ...doc };
  await sdk(collection, doc._id, () => target.add(copy));
}

/**
 * The SDK's timeout for each request. A database request inside the region takes tens of
 * milliseconds; one that takes 3 s is stuck, and failing it then leaves the call's budget room to
 * answer. The SDK's own default, 15 s, is longer than the functions' 10 s timeout.
 */
export const SDK_REQUEST_TIMEOUT_MS = 3000;

/** The CloudBase app of the environment the cloud function runs in, with the request timeout set. */
export function initCloudBase(): ReturnType<typeof init> {
  return init({ env: SYMBOL_CURRENT_ENV, timeout: SDK_REQUEST_TIMEOUT_MS });
}

/** A CloudBaseStore on `app`'s database; by default the environment the cloud function runs in. */
export function createCloudBaseStore(app: ReturnType<typeof init> = initCloudBase(), options: CloudBaseStoreOptions = {}): CloudBaseStore {
  return new CloudBaseStore(app.database(), options);
}
