/**
 * Bulk writing into the embedded database's own layout (sqlite-store.ts: one table per collection,
 * `(_id, data JSON)`): the port's DocumentOps over prepared statements, used inside one transaction
 * with the journal in memory and the indexes dropped, so the product's own document builders
 * (storePublication, bumpBackbone, …) write at bulk speed. The indexes are rebuilt at the end.
 */
import type Database from 'better-sqlite3';
import { COLLECTIONS } from '../../cloudfunctions/core/app/collections';
import { applyPatch } from '../../cloudfunctions/core/adapters/doc-path';
import { compileFilter } from '../../cloudfunctions/core/adapters/sqlite-filter';
import type { Doc, DocumentOps, Filter, Patch } from '../../cloudfunctions/core/ports/store';

export class BulkWriter {
  private readonly inserts = new Map<string, Database.Statement>();
  private readonly dropped: Array<{ name: string; sql: string }> = [];
  readonly ops: DocumentOps;

  constructor(readonly db: Database.Database) {
    this.ops = {
      get: async <T extends Doc>(c: string, id: string) => this.get<T>(c, id),
      insert: async (c, doc) => this.insert(c, doc),
      update: async (c, id, patch, where) => this.update(c, id, patch, where),
      remove: async (c, id) => (this.db.prepare(`DELETE FROM "${c}" WHERE _id = ?`).run(id).changes > 0 ? 1 : 0),
    };
  }

  /** Loading mode: journal in memory, no sync, indexes dropped (kept to rebuild), one open transaction. */
  begin(): void {
    // Out of WAL (every page would go through the log first, then be copied back), and into a
    // rollback journal kept in memory: better-sqlite3's defensive mode refuses journal_mode OFF.
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('journal_mode = MEMORY');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -262144');
    for (const { name } of COLLECTIONS) {
      const ixs = this.db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(name) as Array<{ name: string; sql: string }>;
      for (const ix of ixs) {
        this.db.exec(`DROP INDEX "${ix.name}"`);
        this.dropped.push(ix);
      }
    }
    this.db.exec('BEGIN');
  }

  /** Commits, rebuilds the indexes and restores WAL (no ANALYZE: the product never runs it, so neither does the bench). */
  finish(): void {
    this.db.exec('COMMIT');
    for (const ix of this.dropped) this.db.exec(ix.sql);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
  }

  insert(collection: string, doc: Doc): void {
    this.insertJson(collection, doc._id, JSON.stringify(doc));
  }

  /** Inserts a document already serialised (its `_id` given alongside, as the store keeps it). */
  insertJson(collection: string, id: string, json: string): void {
    let stmt = this.inserts.get(collection);
    if (!stmt) this.inserts.set(collection, (stmt = this.db.prepare(`INSERT INTO "${collection}" (_id, data) VALUES (?, ?)`)));
    stmt.run(id, json);
  }

  get<T extends Doc>(collection: string, id: string): T | null {
    const row = this.db.prepare(`SELECT data FROM "${collection}" WHERE _id = ?`).get(id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : null;
  }

  update(collection: string, id: string, patch: Patch, where?: Filter): 0 | 1 {
    const { sql, params } = compileFilter(where ?? {});
    const row = this.db.prepare(`SELECT data FROM "${collection}" WHERE _id = ? AND ${sql}`).get(id, ...params) as
      { data: string } | undefined;
    if (!row) return 0;
    const next = applyPatch(JSON.parse(row.data) as Doc, patch);
    this.db.prepare(`UPDATE "${collection}" SET data = ? WHERE _id = ?`).run(JSON.stringify(next), id);
    return 1;
  }

  /** Documents per collection. */
  counts(): Record<string, number> {
    return Object.fromEntries(
      COLLECTIONS.map(({ name }) => [name, (this.db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  }
}
