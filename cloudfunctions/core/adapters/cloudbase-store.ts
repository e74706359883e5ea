import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';
import {
  DuplicateKeyError,
  MAX_FIND_LIMIT,
  type CollectionSpec,
  type Condition,
  type Doc,
  type DocumentOps,
  type Filter,
  type FindOptions,
  type Patch,
  type Scalar,
  type Store,
} from '../ports/store';
import { getPath, splitPath } from './doc-path';

/** The node-sdk database object (`tcb.init(...).database()`). */
type NodeSdkDb = ReturnType<ReturnType<typeof init>['database']>;

/** `db.command` of node-sdk: builds query and update operators. */
export type Command = NodeSdkDb['command'];

/** The query-builder calls this adapter makes: a structural subset of node-sdk's Query. */
export interface CloudBaseQuery {
  where(query: object): CloudBaseQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CloudBaseQuery;
  skip(offset: number): CloudBaseQuery;
  limit(limit: number): CloudBaseQuery;
  get(): Promise<{ data: unknown }>;
  count(): Promise<{ total?: number }>;
  update(data: object): Promise<{ updated?: number }>;
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

const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$exists', '$contains']);

function isCondition(v: unknown): v is Condition {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => OPERATORS.has(k))
  );
}

/** Field paths are checked as on SQLite; a `$` key would be read by the server as an operator. */
function checkField(field: string): string {
  splitPath(field);
  if (field.startsWith('$')) throw new Error(`invalid field path: ${field}`);
  return field;
}

function conditionCommand(_: Command, cond: Condition): object | undefined {
  const cmds: object[] = [];
  if (cond.$eq !== undefined) cmds.push(_.eq(cond.$eq));
  if (cond.$ne !== undefined) cmds.push(_.neq(cond.$ne));
  if (cond.$in !== undefined) cmds.push(_.in(cond.$in));
  if (cond.$nin !== undefined) cmds.push(_.nin(cond.$nin));
  if (cond.$gt !== undefined) cmds.push(_.gt(cond.$gt));
  if (cond.$gte !== undefined) cmds.push(_.gte(cond.$gte));
  if (cond.$lt !== undefined) cmds.push(_.lt(cond.$lt));
  if (cond.$lte !== undefined) cmds.push(_.lte(cond.$lte));
  if (cond.$exists !== undefined) cmds.push(_.exists(cond.$exists));
  // CloudBase matches equality on an array field element-wise, which is what $contains means.
  if (cond.$contains !== undefined) cmds.push(_.eq(cond.$contains));
  if (cmds.length === 0) return undefined;
  return cmds.length === 1 ? cmds[0] : _.and(cmds);
}

/** Maps a port Filter onto a CloudBase where() argument built with `db.command`. */
export function toQuery(_: Command, filter: Filter): object {
  const fields: Record<string, unknown> = {};
  const logic: object[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === '$and' || key === '$or') {
      const subs = (value as Filter[]).map((f) => toQuery(_, f));
      // The server rejects an empty $and/$or; an empty $and is "true", an empty $or is "false".
      if (key === '$and' && subs.length > 0) logic.push(_.and(subs));
      if (key === '$or') logic.push(subs.length > 0 ? _.or(subs) : { _id: _.in([]) });
      continue;
    }
    checkField(key);
    if (isCondition(value)) {
      const cmd = conditionCommand(_, value);
      if (cmd !== undefined) fields[key] = cmd;
    } else {
      fields[key] = value;
    }
  }
  if (logic.length === 0) return fields;
  const parts = Object.keys(fields).length > 0 ? [fields, ...logic] : logic;
  return parts.length === 1 ? parts[0] : _.and(parts);
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Maps a port Patch onto the fields argument of node-sdk's `update(data)`. */
export function toUpdate(_: Command, patch: Patch): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const put = (path: string, value: unknown) => {
    checkField(path);
    if (path === '_id' || path.startsWith('_id.')) throw new Error('_id cannot be changed');
    if (path in data) throw new Error(`field changed twice in one patch: ${path}`);
    data[path] = value;
  };
  // A plain object value would be flattened by the SDK into per-key sets (a merge); _.set replaces it, as on SQLite.
  for (const [path, value] of Object.entries(patch.$set ?? {})) put(path, isPlainObject(value) ? _.set(value) : value);
  for (const [path, by] of Object.entries(patch.$inc ?? {})) put(path, _.inc(by));
  // push takes a list of values to append; wrapping keeps an array value one element.
  for (const [path, value] of Object.entries(patch.$push ?? {})) put(path, _.push([value]));
  for (const path of patch.$unset ?? []) put(path, _.remove());
  return data;
}

function eqValue(actual: unknown, expected: Scalar): boolean {
  if (expected === null) return actual === null || actual === undefined;
  return actual === expected || (Array.isArray(actual) && actual.includes(expected));
}

function compare(actual: unknown, bound: Scalar, test: (a: number | string | boolean, b: number | string | boolean) => boolean): boolean {
  if (bound === null) return false;
  const values = Array.isArray(actual) ? actual : [actual];
  // Like the server, values of different types never compare.
  return values.some((v) => typeof v === typeof bound && test(v as number | string | boolean, bound));
}

function matchesCondition(actual: unknown, c: Condition): boolean {
  if (c.$eq !== undefined && !eqValue(actual, c.$eq)) return false;
  if (c.$ne !== undefined && eqValue(actual, c.$ne)) return false;
  if (c.$in !== undefined && !c.$in.some((x) => eqValue(actual, x))) return false;
  if (c.$nin !== undefined && c.$nin.some((x) => eqValue(actual, x))) return false;
  if (c.$gt !== undefined && !compare(actual, c.$gt, (a, b) => a > b)) return false;
  if (c.$gte !== undefined && !compare(actual, c.$gte, (a, b) => a >= b)) return false;
  if (c.$lt !== undefined && !compare(actual, c.$lt, (a, b) => a < b)) return false;
  if (c.$lte !== undefined && !compare(actual, c.$lte, (a, b) => a <= b)) return false;
  if (c.$exists !== undefined && (actual !== undefined) !== c.$exists) return false;
  if (c.$contains !== undefined && !eqValue(actual, c.$contains)) return false;
  return true;
}

/**
 * Whether `doc` matches `filter`, with CloudBase's semantics. Transactions allow only single-document
 * operations, so a conditional write inside one reads the document and checks the filter here.
 */
export function matchesFilter(doc: object, filter: Filter): boolean {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === '$and') {
      if (!(value as Filter[]).every((f) => matchesFilter(doc, f))) return false;
    } else if (key === '$or') {
      if (!(value as Filter[]).some((f) => matchesFilter(doc, f))) return false;
    } else {
      const actual = getPath(doc as Record<string, unknown>, checkField(key));
      if (!(isCondition(value) ? matchesCondition(actual, value) : eqValue(actual, value as Scalar))) return false;
    }
  }
  return true;
}

/** CloudBase reports a unique-index or `_id` clash with DATABASE_DUPLICATE_WRITE or MongoDB's E11000 text. */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  const text = `${String(code ?? '')} ${String(message ?? '')}`;
  return /DATABASE_DUPLICATE_WRITE|E11000|duplicate/i.test(text);
}

function hasKeys(filter: Filter | undefined): filter is Filter {
  return filter !== undefined && Object.keys(filter).some((k) => filter[k] !== undefined);
}

/** $set and $unset may leave a document unchanged, which the server reports as 0 updated. */
function mayBeNoOp(patch: Patch): boolean {
  return Object.keys(patch.$inc ?? {}).length === 0 && Object.keys(patch.$push ?? {}).length === 0;
}

export interface CloudBaseStoreOptions {
  /** How often `runTransaction` retries on a write conflict; contended counters need more than the SDK's 3. */
  transactionRetries?: number;
}

/** The Store port on the CloudBase document database via `@cloudbase/node-sdk`. */
export class CloudBaseStore implements Store {
  private readonly _: Command;
  private readonly retries: number;

  constructor(
    private readonly db: CloudBaseDb,
    options: CloudBaseStoreOptions = {},
  ) {
    this._ = db.command;
    this.retries = options.transactionRetries ?? 10;
  }

  private byId(id: string, where: Filter | undefined): object {
    return hasKeys(where) ? this._.and([{ _id: id }, toQuery(this._, where)]) : { _id: id };
  }

  async get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    const res = await this.db.collection(collection).doc(id).get();
    return firstDoc<T>(res.data);
  }

  async insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    await insertVia(this.db.collection(collection), collection, doc);
  }

  async update(collection: string, id: string, patch: Patch, where?: Filter): Promise<0 | 1> {
    const data = toUpdate(this._, patch);
    const query = this.byId(id, where);
    if (Object.keys(data).length === 0) return this.exists(collection, query);
    let updated: number;
    try {
      updated = (await this.db.collection(collection).where(query).update(data)).updated ?? 0;
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new DuplicateKeyError(collection, id);
      throw err;
    }
    if (updated > 0) return 1;
    // A matching document that already held the $set values counts as updated, as on SQLite.
    return mayBeNoOp(patch) ? this.exists(collection, query) : 0;
  }

  private async exists(collection: string, query: object): Promise<0 | 1> {
    const res = await this.db.collection(collection).where(query).count();
    return (res.total ?? 0) > 0 ? 1 : 0;
  }

  async remove(collection: string, id: string, where?: Filter): Promise<0 | 1> {
    const res = await this.db.collection(collection).where(this.byId(id, where)).remove();
    return Number(res.deleted ?? 0) > 0 ? 1 : 0;
  }

  async find<T extends Doc = Doc>(collection: string, filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const limit = Math.min(options.limit ?? MAX_FIND_LIMIT, MAX_FIND_LIMIT);
    // The SDK turns limit(0) into its default of 100.
    if (limit <= 0) return [];
    let q = this.db.collection(collection).where(toQuery(this._, filter));
    for (const [field, direction] of options.orderBy ?? []) q = q.orderBy(checkField(field), direction);
    if (options.skip && options.skip > 0) q = q.skip(options.skip);
    const res = await q.limit(limit).get();
    return (Array.isArray(res.data) ? res.data : []) as T[];
  }

  async count(collection: string, filter: Filter): Promise<number> {
    const res = await this.db.collection(collection).where(toQuery(this._, filter)).count();
    return res.total ?? 0;
  }

  async transaction<R>(fn: (tx: DocumentOps) => Promise<R>): Promise<R> {
    return (await this.db.runTransaction((t) => fn(this.opsOn(t)), this.retries)) as R;
  }

  /** Single-document operations inside transaction `t`; conditions are checked on the read document. */
  private opsOn(t: CloudBaseTransaction): DocumentOps {
    const _ = this._;
    const read = async (collection: string, id: string): Promise<Doc | null> =>
      firstDoc<Doc>((await t.collection(collection).doc(id).get()).data);
    return {
      get: async <T extends Doc = Doc>(collection: string, id: string) => (await read(collection, id)) as T | null,
      insert: (collection, doc) => insertVia(t.collection(collection), collection, doc),
      update: async (collection, id, patch, where) => {
        const data = toUpdate(_, patch);
        const current = await read(collection, id);
        if (!current || (where && !matchesFilter(current, where))) return 0;
        if (Object.keys(data).length === 0) return 1;
        try {
          await t.collection(collection).doc(id).update(data);
        } catch (err) {
          if (isDuplicateKeyError(err)) throw new DuplicateKeyError(collection, id);
          throw err;
        }
        return 1;
      },
      remove: async (collection, id, where) => {
        const current = await read(collection, id);
        if (!current || (where && !matchesFilter(current, where))) return 0;
        await t.collection(collection).doc(id).delete();
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
  try {
    // add() is allowed inside transactions too (a single-document insert), and the server checks _id and unique indexes.
    await target.add({ ...doc });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new DuplicateKeyError(collection, doc._id);
    throw err;
  }
}

/** A CloudBaseStore on `app`'s database; by default the environment the cloud function runs in. */
export function createCloudBaseStore(
  app: ReturnType<typeof init> = init({ env: SYMBOL_CURRENT_ENV }),
  options: CloudBaseStoreOptions = {},
): CloudBaseStore {
  return new CloudBaseStore(app.database(), options);
}

/** One collection's entry of the index config: the `UpdateTable` request body of the tcb API (2018-06-08). */
export interface CloudBaseIndexConfig {
  TableName: string;
  CreateIndexes: Array<{
    IndexName: string;
    MgoKeySchema: {
      MgoIndexKeys: Array<{ Name: string; Direction: '1' | '-1' }>;
      MgoIsUnique: boolean;
      MgoIsSparse: boolean;
    };
  }>;
}

/**
 * Index declarations as CloudBase database index config. Format: one object per collection that has
 * indexes, shaped as the body of the tcb API action `UpdateTable` (the same shape `@cloudbase/manager-node`'s
 * `database.updateCollection(name, { CreateIndexes })` takes):
 *
 *   { TableName, CreateIndexes: [{ IndexName, MgoKeySchema: { MgoIndexKeys: [{ Name, Direction: '1' | '-1' }],
 *     MgoIsUnique, MgoIsSparse } }] }
 *
 * Add `EnvId` when sending it. Unique indexes are sparse: on SQLite a document that lacks an indexed
 * field never collides, while a plain MongoDB unique index treats every missing value as one null.
 */
export function indexConfig(collections: CollectionSpec[]): CloudBaseIndexConfig[] {
  return collections
    .filter((c) => c.indexes.length > 0)
    .map((c) => ({
      TableName: c.name,
      CreateIndexes: c.indexes.map((index) => ({
        IndexName: index.name,
        MgoKeySchema: {
          MgoIndexKeys: index.fields.map(([field, direction]) => ({
            Name: checkField(field),
            Direction: direction === 'desc' ? '-1' : '1',
          })),
          MgoIsUnique: index.unique === true,
          MgoIsSparse: index.unique === true,
        },
      })),
    }));
}
