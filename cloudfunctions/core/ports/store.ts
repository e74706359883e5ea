/**
 * The Store port: the slice of the CloudBase document database the use cases need.
 * Shaped after CloudBase so the production adapter stays a thin mapping, and implemented
 * locally on SQLite (see adapters/sqlite-store.ts).
 */

/** A stored JSON document; every document has a string `_id`. */
export interface Doc {
  _id: string;
}

/** Values a filter compares against. */
export type Scalar = string | number | boolean | null;

/** Operators on one (possibly dotted) field. */
export interface Condition {
  $eq?: Scalar;
  $ne?: Scalar;
  $in?: Scalar[];
  $nin?: Scalar[];
  $gt?: Scalar;
  $gte?: Scalar;
  $lt?: Scalar;
  $lte?: Scalar;
  $exists?: boolean;
  /** The field is an array that contains this value. */
  $contains?: Scalar;
}

/** A query: equality or a condition per field, combined with `$and` / `$or`. */
export interface Filter {
  $and?: Filter[];
  $or?: Filter[];
  [field: string]: Scalar | Condition | Filter[] | undefined;
}

/** Atomic changes to one document; dotted paths address nested fields. */
export interface Patch {
  $set?: Record<string, unknown>;
  $inc?: Record<string, number>;
  /** Appends one value to an array field (created when missing). */
  $push?: Record<string, unknown>;
  $unset?: string[];
}

export type SortDirection = 'asc' | 'desc';

declare const wholeNumberBrand: unique symbol;

/**
 * A whole number ≥ 0. TypeScript has no integer type, so this one is branded: `whole(n)` is the
 * only way to make one, and it checks. A plain `number` (`1.5`, `limit + 1`) does not compile where
 * a page size or offset is asked for; `findWindow` checks again at the adapters' boundary, for
 * values that crossed a cast.
 */
export type WholeNumber = number & { readonly [wholeNumberBrand]: true };

export interface FindOptions {
  orderBy?: Array<[field: string, direction: SortDirection]>;
  /** At most this many documents (default and cap MAX_FIND_LIMIT); 0 returns none. */
  limit?: WholeNumber;
  /** Leaves out this many documents first (default 0). */
  skip?: WholeNumber;
}

/** An index declaration; created as expression indexes on SQLite, exported as CloudBase index config. */
export interface IndexSpec {
  name: string;
  fields: Array<[field: string, direction: SortDirection]>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
}

/** Raised by `insert` when `_id` or a unique index already holds the value. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly collection: string,
    readonly key: string,
  ) {
    super(`duplicate key in ${collection}: ${key}`);
    this.name = 'DuplicateKeyError';
  }
}

/** Single-document operations: all that a transaction may do (CloudBase's rule). */
export interface DocumentOps {
  /** Reads one document by id, or null. */
  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null>;
  /** Inserts a new document; throws DuplicateKeyError on an existing `_id` or unique key. */
  insert<T extends Doc>(collection: string, doc: T): Promise<void>;
  /**
   * Applies `patch` to the document `id` if it exists and matches `where`; returns 1 if it
   * matched (even when the patch changed no value), 0 otherwise. The check and the write are one
   * atomic step.
   */
  update(collection: string, id: string, patch: Patch, where?: Filter): Promise<0 | 1>;
  /** Deletes the document `id` if it matches `where`; returns 1 if deleted. */
  remove(collection: string, id: string, where?: Filter): Promise<0 | 1>;
}

/** The whole port. */
export interface Store extends DocumentOps {
  /** Documents matching `filter`, in `orderBy` order; at most 1000 per call (CloudBase's cap). */
  find<T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]>;
  /** How many documents match `filter`. */
  count(collection: string, filter: Filter): Promise<number>;
  /**
   * Runs `fn` in a transaction of single-document operations. `fn` may run more than once
   * (retried on conflict), so it must have no side effects besides its `tx` calls.
   */
  transaction<R>(fn: (tx: DocumentOps) => Promise<R>): Promise<R>;
  /** Releases the underlying connection. */
  close(): Promise<void>;
}

/** The most documents one `find` returns, mirroring CloudBase's server-side cap. */
export const MAX_FIND_LIMIT = whole(1000);

function wholeNumber(name: string, value: unknown): WholeNumber {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${String(value)}`);
  }
  return value as WholeNumber;
}

/** `n` as a WholeNumber (a page size, an offset); throws RangeError unless it is a safe integer ≥ 0. */
export function whole(n: number): WholeNumber {
  return wholeNumber('a page size or offset', n);
}

/**
 * The page a `find` asks for, checked at the port's boundary by every adapter: `limit` and `skip`
 * must be whole numbers ≥ 0 (CloudBase's SDK throws on others, SQLite would round them), and
 * `limit` is capped at MAX_FIND_LIMIT. A bad value is a bug of the caller: it throws RangeError.
 */
export function findWindow(options: FindOptions = {}): { limit: number; skip: number } {
  const limit = options.limit === undefined ? MAX_FIND_LIMIT : wholeNumber('find limit', options.limit);
  const skip = options.skip === undefined ? 0 : wholeNumber('find skip', options.skip);
  return { limit: Math.min(limit, MAX_FIND_LIMIT), skip };
}
