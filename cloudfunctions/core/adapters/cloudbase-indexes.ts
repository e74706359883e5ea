import type { CollectionSpec } from '../ports/store';
import { checkField } from './cloudbase-filter';

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

/**
 * The collections and their indexes as steps for the CloudBase console (数据库 → 索引管理), one
 * collection a block: each index with its fields in order (↑ ascending, ↓ descending) and whether it
 * is unique. Collections without indexes are listed too: each must exist before the first call.
 */
export function describeIndexes(collections: CollectionSpec[]): string {
  const lines: string[] = [];
  for (const c of collections) {
    lines.push(c.name);
    if (c.indexes.length === 0) lines.push('  (no index besides _id)');
    const width = Math.max(0, ...c.indexes.map((i) => i.name.length));
    for (const index of c.indexes) {
      const fields = index.fields.map(([field, direction]) => `${checkField(field)} ${direction === 'desc' ? '↓' : '↑'}`).join(', ');
      lines.push(`  ${index.name.padEnd(width)}  ${fields}${index.unique ? '  unique' : ''}`);
    }
  }
  return lines.join('\n');
}
