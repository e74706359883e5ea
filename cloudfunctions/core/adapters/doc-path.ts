import type { Patch } from '../ports/store';

// A segment is an identifier, or an id used as a key (counters per firm: `counters.firms.<firmId>`):
// ids are base64url (app/ids.ts newId), so a hyphen may follow the first character. Quotes,
// brackets, spaces and dots stay out: a segment is written into SQLite's JSON paths as it is.
const SEGMENT = /^[A-Za-z_$][A-Za-z0-9_-]*$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Splits and checks a dotted field path; throws on anything that is not a plain identifier path. */
export function splitPath(path: string): string[] {
  const parts = path.split('.');
  for (const part of parts) {
    if (!SEGMENT.test(part) || FORBIDDEN.has(part)) throw new Error(`invalid field path: ${path}`);
  }
  return parts;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a dotted path from a document. */
export function getPath(doc: Obj, path: string): unknown {
  let cur: unknown = doc;
  for (const part of splitPath(path)) {
    if (!isObj(cur)) return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
  }
  return cur;
}

function parentOf(doc: Obj, parts: string[]): Obj {
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
    if (!isObj(next)) cur[part] = {};
    cur = cur[part] as Obj;
  }
  return cur;
}

const PATCH_OPERATORS = new Set(['$set', '$inc', '$push', '$unset']);

/**
 * Throws on a patch with anything but the four operators: `{ name: 'x' }` for `{ $set: { name: 'x' } }`
 * would otherwise change nothing and still answer "updated". Both adapters check before writing.
 */
export function checkPatch(patch: Patch): void {
  for (const key of Object.keys(patch)) {
    if (!PATCH_OPERATORS.has(key)) throw new Error(`unknown patch operator: ${key} (a patch takes $set, $inc, $push and $unset)`);
  }
}

/** Returns a copy of `doc` with `patch` applied (the semantics both adapters share). */
export function applyPatch<T extends object>(doc: T, patch: Patch): T {
  const out = structuredClone(doc) as Obj;
  for (const [path, value] of Object.entries(patch.$set ?? {})) {
    const parts = splitPath(path);
    if (parts[0] === '_id') throw new Error('_id cannot be changed');
    parentOf(out, parts)[parts[parts.length - 1]] = structuredClone(value);
  }
  for (const [path, by] of Object.entries(patch.$inc ?? {})) {
    const parts = splitPath(path);
    const parent = parentOf(out, parts);
    const key = parts[parts.length - 1];
    const current = parent[key];
    parent[key] = (typeof current === 'number' ? current : 0) + by;
  }
  for (const [path, value] of Object.entries(patch.$push ?? {})) {
    const parts = splitPath(path);
    const parent = parentOf(out, parts);
    const key = parts[parts.length - 1];
    const current = parent[key];
    parent[key] = [...(Array.isArray(current) ? current : []), structuredClone(value)];
  }
  for (const path of patch.$unset ?? []) {
    const parts = splitPath(path);
    delete parentOf(out, parts)[parts[parts.length - 1]];
  }
  return out as T;
}
