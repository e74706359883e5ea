/**
 * The world the security tests run in: the demo seed plus a second community (for "right role,
 * wrong scope" callers), the callers of the authorisation matrix, and a fast snapshot/restore of
 * the embedded database so every cell starts from the same state.
 */
import { ERROR_CODES, type ErrorCode, type Result } from '../../../cloudfunctions/core/app/result';
import type { UserDoc } from '../../../cloudfunctions/core/app/account/user';
import type { CommunityDoc, CompoundDoc, FirmDoc } from '../../../cloudfunctions/core/app/community/community';
import { makeCreditCode } from '../../../cloudfunctions/core/domain/credit-code';
import { OTHER } from '../../support/action-samples';
import { makeHarness, type Harness } from '../../support/harness';

/**
 * The callers of the matrix, in its column order: every role of API.md §2 through the demo
 * accounts; then unregistered, pending and no identity; then the right role in the wrong scope.
 */
export const CALLERS = {
  admin: 'demo-admin',
  party: 'demo-party',
  rc: 'demo-rc',
  oc: 'demo-oc',
  property: 'demo-property',
  resident: 'demo-resident',
  volunteer: 'demo-volunteer',
  unregistered: 'someone-new',
  pending: 'demo-pending',
  none: null,
  /** oc_member of the other compound of the demo community (cp_wanshou). */
  ocOther: 'demo-oc3',
  /** property_staff of the other firm (serving cp_wanshou). */
  propertyOther: 'demo-property2',
  /** rc_staff of another community. */
  rcOther: OTHER.rcOpenid,
  /** party_org of another community. */
  partyOther: OTHER.partyOpenid,
  /** street_admin of the demo community's street (胜利街道). */
  street: 'demo-street',
  /** street_admin of the other community's street: right role, wrong street. */
  streetOther: OTHER.streetAdminOpenid,
  /** compound_party of the demo's first compound (江津花园), not a resident. */
  cparty: 'demo-cparty',
} as const satisfies Record<string, string | null>;

export type Caller = keyof typeof CALLERS;
export const CALLER_NAMES = Object.keys(CALLERS) as Caller[];
/** The callers added with the city's structure; their cells live in authz-matrix-city.ts. */
export const CITY_CALLER_NAMES = ['street', 'streetOther', 'cparty'] as const satisfies readonly Caller[];
/** The callers of the first matrix (authz-matrix.ts), in its column order. */
export const BASE_CALLER_NAMES = CALLER_NAMES.filter((c) => !(CITY_CALLER_NAMES as readonly Caller[]).includes(c));

/** The second community (ids in action-samples.ts), inserted directly in the store: the demo seed has one. */
export { OTHER };

/** Adds the second community, its compound and firm, its staff, one resident and one pending registration. */
export async function addOtherCommunity(h: Harness): Promise<void> {
  const at = h.clock.now().toISOString();
  const community: CommunityDoc = {
    _id: OTHER.communityId,
    name: '白云社区',
    city: '荆州市',
    district: '荆州区',
    street: '东城街道',
    streetId: OTHER.streetId,
    officePhone: '0716-8210399',
    population: 80,
    createdAt: at,
  };
  const firm: FirmDoc = {
    _id: OTHER.firmId,
    name: '荆州白云物业有限公司',
    creditCode: makeCreditCode('91', '421003', 'MA4B9X7Q'),
    contactPhone: '07168210099',
  };
  const compound: CompoundDoc = {
    _id: OTHER.compoundId,
    communityId: OTHER.communityId,
    name: '白云小区',
    firmId: OTHER.firmId,
    firmName: firm.name,
    streetId: OTHER.streetId,
  };
  await h.store.insert('streets', { _id: OTHER.streetId, name: '东城街道', city: '荆州市', district: '荆州区', createdAt: at });
  await h.store.insert('communities', community);
  await h.store.insert('firms', firm);
  await h.store.insert('compounds', compound);
  const people: Array<[string, string, string, UserDoc['roles'], UserDoc['status']]> = [
    [CALLERS.rcOther, '钱卫东', '13907169001', ['rc_staff'], 'active'],
    [CALLERS.partyOther, '孔令芳', '13907169002', ['party_org'], 'active'],
    [OTHER.residentOpenid, '蒋文斌', '13907169003', ['resident'], 'active'],
    [OTHER.pendingOpenid, '沈佳怡', '13907169004', [], 'pending'],
  ];
  for (const [openid, name, phone, roles, status] of people) {
    const user: UserDoc = {
      _id: h.userId(openid),
      openid,
      name,
      phone,
      communityId: OTHER.communityId,
      compoundId: OTHER.compoundId,
      building: '11栋',
      room: openid === OTHER.pendingOpenid ? '1102' : '1101',
      status,
      roles,
      isPartyMember: roles.includes('party_org'),
      createdAt: at,
      updatedAt: at,
    };
    await h.store.insert('users', user);
  }
  const streetAdmin: UserDoc = {
    _id: h.userId(OTHER.streetAdminOpenid),
    openid: OTHER.streetAdminOpenid,
    name: '曹志华',
    phone: '13907169005',
    communityId: '',
    compoundId: '',
    building: '',
    room: '',
    status: 'active',
    roles: ['street_admin'],
    grants: [{ role: 'street_admin', scopeId: OTHER.streetId, streetId: OTHER.streetId }],
    isPartyMember: true,
    createdAt: at,
    updatedAt: at,
  };
  await h.store.insert('users', streetAdmin);
}

/** A seeded harness with the second community. */
export async function makeWorld(): Promise<Harness> {
  const h = await makeHarness();
  await addOtherCommunity(h);
  return h;
}

export type Snapshot = ReturnType<Harness['snapshot']>;

/**
 * Puts every table back as it was in `snap` (tables created since are emptied), the clock at
 * `at`, and forgets logged errors. Much cheaper than a new harness, and exact: rows are restored
 * byte for byte.
 */
export function restore(h: Harness, snap: Snapshot, at: string): void {
  const db = h.store.db;
  db.transaction(() => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    for (const { name } of tables) {
      db.prepare(`DELETE FROM "${name}"`).run();
      const insert = db.prepare(`INSERT INTO "${name}" (_id, data) VALUES (?, ?)`);
      for (const row of snap[name] ?? []) insert.run(row._id, row.data);
    }
  })();
  h.clock.set(at);
  h.logger.errors.length = 0;
}

/** The codes an answer may carry (API.md §1), INTERNAL aside: that one is a bug. */
export const DOCUMENTED_CODES: readonly ErrorCode[] = ERROR_CODES.filter((c) => c !== 'INTERNAL');

/** Why `r` is not a well-formed envelope of API.md §1, or null when it is. */
export function envelopeProblem(r: unknown): string | null {
  if (typeof r !== 'object' || r === null) return 'not an object';
  const e = r as Record<string, unknown>;
  const keys = Object.keys(e).sort().join(',');
  if (e.ok === true) return keys === 'data,ok' ? null : `ok envelope with keys ${keys}`;
  if (e.ok !== false) return 'ok is neither true nor false';
  if (keys !== 'error,ok') return `error envelope with keys ${keys}`;
  const err = e.error as Record<string, unknown> | null;
  if (typeof err !== 'object' || err === null) return 'error is not an object';
  if (!ERROR_CODES.includes(err.code as ErrorCode)) return `undocumented code ${String(err.code)}`;
  if (typeof err.message !== 'string' || err.message.length === 0) return 'no message';
  if (err.message.length > 300) return 'message longer than 300 characters';
  if (/\bat .+:\d+|SQLITE|Error:|TypeError|ZodError|undefined is not|Cannot read/i.test(err.message)) {
    return `message leaks internals: ${err.message}`;
  }
  for (const k of Object.keys(err)) {
    if (!['code', 'message', 'reason', 'issues'].includes(k)) return `error has an undocumented field ${k}`;
  }
  if (err.issues !== undefined && err.code !== 'INVALID_INPUT') return 'issues on a code other than INVALID_INPUT';
  if (err.reason !== undefined && typeof err.reason !== 'string') return 'reason is not a string';
  return null;
}

/** 'ok' or the error code of an answer. */
export function outcome(r: Result<unknown>): 'ok' | ErrorCode {
  return r.ok ? 'ok' : r.error.code;
}
