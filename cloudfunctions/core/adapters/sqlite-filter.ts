import type { Condition, Filter, Scalar, SortDirection } from '../ports/store';
import { splitPath } from './doc-path';

function jsonPath(field: string): string {
  return `$.${splitPath(field).join('.')}`;
}

/** SQL for a field: the same text is used by index declarations and queries, so indexes apply. */
export function fieldExpr(field: string): string {
  if (field === '_id') return '_id';
  return `json_extract(data, '${jsonPath(field)}')`;
}

/** better-sqlite3 binds no booleans; JSON booleans read back as 1/0. */
function bindValue(v: Scalar): string | number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** Characters JSON.stringify writes as they are: such a string appears verbatim, quoted, in the document's text. */
const PLAIN_WORD = /^[A-Za-z0-9_.:-]+$/;

const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$exists', '$contains']);

function isCondition(v: unknown): v is Condition {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => OPERATORS.has(k))
  );
}

function conditionSql(field: string, cond: Condition, params: Array<string | number | null>): string[] {
  const e = fieldExpr(field);
  const parts: string[] = [];
  const cmp = (op: string, v: Scalar | undefined) => {
    if (v === undefined) return;
    params.push(bindValue(v));
    parts.push(`${e} ${op} ?`);
  };
  if (cond.$eq !== undefined) {
    if (cond.$eq === null) parts.push(`${e} IS NULL`);
    else cmp('=', cond.$eq);
  }
  if (cond.$ne !== undefined) {
    if (cond.$ne === null) parts.push(`${e} IS NOT NULL`);
    else {
      params.push(bindValue(cond.$ne));
      parts.push(`(${e} IS NULL OR ${e} <> ?)`);
    }
  }
  // SQL's IN never matches NULL, while null in a CloudBase list stands for null and missing values.
  if (cond.$in !== undefined) {
    const values = cond.$in.filter((v) => v !== null);
    const alts = cond.$in.includes(null) ? [`${e} IS NULL`] : [];
    if (values.length > 0) {
      params.push(...values.map(bindValue));
      alts.push(`${e} IN (${values.map(() => '?').join(', ')})`);
    }
    parts.push(alts.length > 0 ? `(${alts.join(' OR ')})` : '0');
  }
  if (cond.$nin !== undefined) {
    const values = cond.$nin.filter((v) => v !== null);
    const notIn = `${e} NOT IN (${values.map(() => '?').join(', ')})`;
    params.push(...values.map(bindValue));
    if (cond.$nin.includes(null)) parts.push(values.length > 0 ? `(${e} IS NOT NULL AND ${notIn})` : `${e} IS NOT NULL`);
    else if (values.length > 0) parts.push(`(${e} IS NULL OR ${notIn})`);
  }
  cmp('>', cond.$gt);
  cmp('>=', cond.$gte);
  cmp('<', cond.$lt);
  cmp('<=', cond.$lte);
  // json_extract reads a JSON null and a missing field alike; json_type tells them apart (present null is 'null').
  if (cond.$exists !== undefined) parts.push(`json_type(data, '${jsonPath(field)}') IS ${cond.$exists ? 'NOT NULL' : 'NULL'}`);
  if (cond.$contains !== undefined) {
    // A plain word is in the document's text, quoted as JSON.stringify wrote it, wherever it is a
    // value: `instr` passes over the documents without it before json_each opens the array (a
    // community's thousand people, of whom a dozen hold a role). The json_each test decides.
    const v = cond.$contains;
    if (typeof v === 'string' && PLAIN_WORD.test(v)) {
      params.push(JSON.stringify(v));
      parts.push('instr(data, ?) > 0');
    }
    params.push(bindValue(v));
    parts.push(`EXISTS (SELECT 1 FROM json_each(data, '${jsonPath(field)}') WHERE value = ?)`);
  }
  return parts;
}

/** Compiles a filter to a WHERE clause (without the keyword) and its parameters. */
export function compileFilter(
  filter: Filter,
  params: Array<string | number | null> = [],
): { sql: string; params: Array<string | number | null> } {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === '$and' || key === '$or') {
      const subs = (value as Filter[]).map((f) => `(${compileFilter(f, params).sql})`);
      if (subs.length === 0) parts.push(key === '$and' ? '1' : '0');
      else parts.push(`(${subs.join(key === '$and' ? ' AND ' : ' OR ')})`);
    } else if (isCondition(value)) {
      parts.push(...conditionSql(key, value, params));
    } else {
      parts.push(...conditionSql(key, { $eq: value as Scalar }, params));
    }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

export function orderSql(orderBy: Array<[string, SortDirection]> | undefined): string {
  if (!orderBy || orderBy.length === 0) return '';
  return ' ORDER BY ' + orderBy.map(([f, d]) => `${fieldExpr(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
}
