// How the port's filters and patches map onto CloudBase's `db.command`, and CloudBase's matching
// semantics for conditions checked on a document already read (inside transactions).
import type { init } from '@cloudbase/node-sdk';
import type { Condition, Filter, Patch, Scalar } from '../ports/store';
import { checkPatch, getPath, splitPath } from './doc-path';

/** `db.command` of node-sdk: builds query and update operators. */
export type Command = ReturnType<ReturnType<typeof init>['database']>['command'];

const OPERATORS = new Set(['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$exists', '$contains']);

function isCondition(v: unknown): v is Condition {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => OPERATORS.has(k))
  );
}

/** Field paths are checked as on SQLite; a `$` key would be read by the server as an operator. */
export function checkField(field: string): string {
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
  checkPatch(patch);
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
