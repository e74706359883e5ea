import { createHash, randomBytes } from 'node:crypto';

/** A new id: a prefix, the time in base 36 (so ids sort by creation) and 8 random characters. */
export function newId(prefix: string, at: Date): string {
  return `${prefix}_${at.getTime().toString(36)}${randomBytes(6).toString('base64url')}`;
}

/**
 * The user id for an OPENID: a salted hash, so registering twice collides on `_id` in the
 * database and no one can recover an OPENID from a user id.
 */
export function userIdFor(openid: string, salt: string): string {
  return 'u_' + createHash('sha256').update(`${salt}:${openid}`).digest('base64url').slice(0, 22);
}

/** A stable digest of a JSON value (object keys sorted), for comparing payloads. */
export function digest(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('base64url');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
