import Database from 'better-sqlite3';
import {
  DuplicateKeyError,
  findWindow,
  type CollectionSpec,
  type Doc,
  type DocumentOps,
  type FindOptions,
  type Filter,
  type Patch,
  type Store,
} from '../ports/store';
import { applyPatch, checkPatch } from './doc-path';
import { compileFilter, fieldExpr, orderSql } from './sqlite-filter';

const NAME = /^[a-z][a-z0-9_]*$/;

function table(collection: string): string {
  if (!NAME.test(collection)) throw new Error(`invalid collection name: ${collection}`);
  return `"${collection}"`;
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface SqliteStoreOptions {
  /** A file path, or ':memory:'. */
  filename: string;
  collections: CollectionSpec[];
  /**
   * How often to fold the WAL back into the database file, in ms (default 2000; 0: never, leaving
   * it to SQLite's own checkpoint at a large WAL). SQLite's automatic checkpoint runs inside the
   * commit that crosses its threshold and syncs the file there, which put 20 ms on one request in a
   * hundred; a timer does the same work between requests.
   */
  checkpointMs?: number;
}

/** Prepared statements kept per connection; the SQL of a query depends only on its filter's shape. */
const STATEMENT_CACHE = 500;
/** The automatic checkpoint stays as a backstop, at a WAL of about 40 MB instead of 4 MB. */
const BACKSTOP_CHECKPOINT_PAGES = 10_000;

/**
 * The Store port on SQLite (better-sqlite3): one table per collection holding JSON documents,
 * declared indexes as expression indexes, WAL mode, real transactions.
 *
 * better-sqlite3 is synchronous while the port is asynchronous, so an open transaction would
 * otherwise let other calls' statements slip into it between awaits: every operation waits until
 * no transaction is open, then runs synchronously; transactions run one at a time.
 */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  private txActive: Promise<void> | null = null;
  private readonly known = new Set<string>();
  private readonly ops: DocumentOps;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly checkpointTimer: NodeJS.Timeout | null = null;

  constructor(options: SqliteStoreOptions) {
    this.db = new Database(options.filename);
    if (options.filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a process crash (SIGKILL); only an OS crash may lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    const checkpointMs = options.checkpointMs ?? 2000;
    if (options.filename !== ':memory:' && checkpointMs > 0) {
      this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
      this.checkpointTimer = setInterval(() => {
        // PASSIVE: never waits for readers or writers; skipped while a transaction is open.
        if (!this.txActive && this.db.open && !this.db.inTransaction) this.db.pragma('wal_checkpoint(PASSIVE)');
      }, checkpointMs);
      this.checkpointTimer.unref();
    }
    for (const spec of options.collections) this.ensureCollection(spec);
    this.ops = {
      get: async <T extends Doc>(c: string, id: string) => this.getSync<T>(c, id),
      insert: async (c, doc) => this.insertSync(c, doc),
      update: async (c, id, patch, where) => this.updateSync(c, id, patch, where),
      remove: async (c, id, where) => this.removeSync(c, id, where),
    };
  }

  private ensureCollection(spec: CollectionSpec): void {
    const t = table(spec.name);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${t} (_id TEXT PRIMARY KEY, data TEXT NOT NULL)`);
    for (const index of spec.indexes) {
      const cols = index.fields.map(([f, d]) => `${fieldExpr(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
      const name = `"${spec.name}__${index.name}"`;
      this.db.exec(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${t} (${cols})`);
    }
    this.known.add(spec.name);
  }

  private t(collection: string): string {
    if (!this.known.has(collection)) this.ensureCollection({ name: collection, indexes: [] });
    return table(collection);
  }

  /** A prepared statement for `sql`, prepared once per connection. */
  private prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      if (this.statements.size >= STATEMENT_CACHE) this.statements.clear();
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs `op` once no transaction is open; the check and `op` happen without yielding. */
  private async run<R>(op: () => R): Promise<R> {
    while (this.txActive) await this.txActive;
    return op();
  }

  private getSync<T extends Doc>(collection: string, id: string): T | null {
    const row = this.prepare(`SELECT data FROM ${this.t(collection)} WHERE _id = ?`).get(id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : null;
  }

  private insertSync(collection: string, doc: Doc): void {
    if (typeof doc._id !== 'string' || doc._id.length === 0) throw new Error('document needs a string _id');
    try {
      this.prepare(`INSERT INTO ${this.t(collection)} (_id, data) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc));
    } catch (err) {
      if (isUniqueViolation(err)) throw new DuplicateKeyError(collection, doc._id);
      throw err;
    }
  }

  private selectWhere(collection: string, id: string, where: Filter | undefined): Doc | null {
    const { sql, params } = compileFilter(where ?? {});
    const row = this.prepare(`SELECT data FROM ${this.t(collection)} WHERE _id = ? AND ${sql}`).get(id, ...params) as
      { data: string } | undefined;
    return row ? (JSON.parse(row.data) as Doc) : null;
  }

  private updateSync(collection: string, id: string, patch: Patch, where?: Filter): 0 | 1 {
    checkPatch(patch);
    const apply = this.db.transaction((): 0 | 1 => {
      const current = this.selectWhere(collection, id, where);
      if (!current) return 0;
      const next = applyPatch(current, patch);
      try {
        this.prepare(`UPDATE ${this.t(collection)} SET data = ? WHERE _id = ?`).run(JSON.stringify(next), id);
      } catch (err) {
        if (isUniqueViolation(err)) throw new DuplicateKeyError(collection, id);
        throw err;
      }
      return 1;
    });
    return apply.immediate();
  }

  private removeSync(collection: string, id: string, where?: Filter): 0 | 1 {
    const { sql, params } = compileFilter(where ?? {});
    const info = this.prepare(`DELETE FROM ${this.t(collection)} WHERE _id = ? AND ${sql}`).run(id, ...params);
    return info.changes > 0 ? 1 : 0;
  }

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return this.run(() => this.getSync<T>(collection, id));
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.run(() => this.insertSync(collection, doc));
  }

  update(collection: string, id: string, patch: Patch, where?: Filter): Promise<0 | 1> {
    return this.run(() => this.updateSync(collection, id, patch, where));
  }

  remove(collection: string, id: string, where?: Filter): Promise<0 | 1> {
    return this.run(() => this.removeSync(collection, id, where));
  }

  find<T extends Doc = Doc>(collection: string, filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.run(() => {
      const { limit, skip } = findWindow(options);
      const { sql, params } = compileFilter(filter);
      const rows = this.prepare(`SELECT data FROM ${this.t(collection)} WHERE ${sql}${orderSql(options.orderBy)} LIMIT ? OFFSET ?`).all(
        ...params,
        limit,
        skip,
      ) as Array<{ data: string }>;
      return rows.map((r) => JSON.parse(r.data) as T);
    });
  }

  count(collection: string, filter: Filter): Promise<number> {
    return this.run(() => {
      const { sql, params } = compileFilter(filter);
      const row = this.prepare(`SELECT COUNT(*) AS n FROM ${this.t(collection)} WHERE ${sql}`).get(...params) as { n: number };
      return row.n;
    });
  }

  async transaction<R>(fn: (tx: DocumentOps) => Promise<R>): Promise<R> {
    while (this.txActive) await this.txActive;
    let release!: () => void;
    this.txActive = new Promise<void>((resolve) => (release = resolve));
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.ops);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      this.txActive = null;
      release();
    }
  }

  /** Query plan of a find, for tests that check an index is used. */
  explain(collection: string, filter: Filter, options: FindOptions = {}): string {
    const { sql, params } = compileFilter(filter);
    const rows = this.db
      .prepare(`EXPLAIN QUERY PLAN SELECT data FROM ${this.t(collection)} WHERE ${sql}${orderSql(options.orderBy)} LIMIT 1`)
      .all(...params) as Array<{ detail: string }>;
    return rows.map((r) => r.detail).join('\n');
  }

  async close(): Promise<void> {
    while (this.txActive) await this.txActive;
    if (this.checkpointTimer) clearInterval(this.checkpointTimer);
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}
