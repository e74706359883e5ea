/**
 * Personal data (RULES.md §5): every action's sample, as every caller, on the demo world; every
 * answer is scanned for
 * - full mainland mobiles (`1[3-9]\d{9}`): allowed only to their owner, or to a caller who must
 *   call them — and then the reveal is in the audit log (an entry written by this call, by the
 *   caller, naming the owner);
 * - room numbers (a user's building and room together): only to the person, the staff of their
 *   community (and the admin), and the parties handling a request they filed;
 * - plain residents' names: the same people (the public board shows no submitter's name).
 */
import type { FunctionName } from '../../cloudfunctions/core/app/functions';
import { holdsInCompound } from '../../cloudfunctions/core/app/scope';
import { TEAMS } from '../../cloudfunctions/core/app/outreach/model';
import { ACTIVITIES, SIGNUPS } from '../../cloudfunctions/core/app/volunteer/model';
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { AUDIT, type AuditEntry } from '../../cloudfunctions/core/app/audit';
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import { OUTBOX } from '../../cloudfunctions/core/adapters/outbox-notifier';
import { ACTION_SAMPLES, actionOf, type Payload } from '../support/action-samples';
import type { Harness } from '../support/harness';
import { CALLER_NAMES, CALLERS, makeWorld, restore, type Snapshot } from './support/world';

const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

interface RequestRow {
  submitterId: string;
  communityId: string;
  compoundId: string;
  firmId: string;
  leadParty: string | null;
  coHandlers: string[];
  major: boolean;
}

function rows<T>(h: Harness, table: string): T[] {
  const exists = h.store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return [];
  return (h.store.db.prepare(`SELECT data FROM "${table}"`).all() as Array<{ data: string }>).map((r) => JSON.parse(r.data) as T);
}

/** Who owns each full phone the database holds: users, volunteer profiles, signups. */
function phoneOwners(h: Harness): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  const add = (phone: unknown, owner: unknown) => {
    if (typeof phone !== 'string' || typeof owner !== 'string') return;
    if (!owners.has(phone)) owners.set(phone, new Set());
    owners.get(phone)?.add(owner);
  };
  for (const u of rows<UserDoc>(h, 'users')) add(u.phone, u._id);
  for (const v of rows<{ _id: string; phone: string }>(h, 'volunteers')) add(v.phone, v._id);
  for (const s of rows<{ userId: string; phone: string }>(h, 'signups')) add(s.phone, s.userId);
  return owners;
}

/** Whether `viewer` handles a request `owner` filed (RULES.md §2: the parties it was routed to). */
function handlesRequestOf(viewer: UserDoc, ownerId: string, requests: RequestRow[]): boolean {
  if (viewer.status !== 'active') return false;
  return requests.some((r) => {
    if (r.submitterId !== ownerId) return false;
    const routed = (party: string) => r.major || r.leadParty === party || r.coHandlers.includes(party);
    if (viewer.roles.includes('property_staff') && viewer.firmId === r.firmId && routed('property')) return true;
    if (viewer.roles.includes('oc_member') && viewer.compoundId === r.compoundId && routed('owners_committee')) return true;
    return false;
  });
}

/**
 * Who may see a person's room and name: the person, their community's staff, the street_admin of
 * its street (who grants the roles there), the admin, the parties handling their requests, and in
 * the owners function the owners' committee of their compound.
 */
function maySeeAddress(
  viewer: UserDoc | null,
  owner: UserDoc,
  requests: RequestRow[],
  streetOf: Map<string, string>,
  fn?: FunctionName,
): boolean {
  if (!viewer) return false;
  if (viewer._id === owner._id) return true;
  if (viewer.status !== 'active') return false;
  if (viewer.roles.includes('admin')) return true;
  const street = streetOf.get(owner.communityId);
  if (
    street &&
    viewer.roles.includes('street_admin') &&
    (viewer.grants ?? []).some((g) => g.role === 'street_admin' && g.streetId === street)
  )
    return true;
  // The owners' committee and the compound party organisation convene the owners: they keep the
  // compound's owners' register, the committee links owners to it (RULES.md §6).
  if (
    fn === 'owners' &&
    (holdsInCompound(viewer, 'oc_member', owner.compoundId) || holdsInCompound(viewer, 'compound_party', owner.compoundId))
  )
    return true;
  if (viewer.communityId === owner.communityId && (viewer.roles.includes('rc_staff') || viewer.roles.includes('party_org'))) return true;
  return handlesRequestOf(viewer, owner._id, requests);
}

/**
 * Whether the viewer leads, now, the team of an activity the person signed up for: a team's leader
 * organises its activities (RULES.md §7), and the roster names their volunteers.
 */
function leadsTeamOf(h: Harness, viewer: UserDoc | null, personId: string): boolean {
  if (!viewer || viewer.status !== 'active') return false;
  const led = new Set(
    rows<{ _id: string; leaderUserId: string }>(h, TEAMS)
      .filter((t) => t.leaderUserId === viewer._id)
      .map((t) => t._id),
  );
  if (led.size === 0) return false;
  const acts = new Set(
    rows<{ _id: string; teamId?: string }>(h, ACTIVITIES)
      .filter((a) => a.teamId && led.has(a.teamId))
      .map((a) => a._id),
  );
  return rows<{ activityId: string; userId: string }>(h, SIGNUPS).some((x) => x.userId === personId && acts.has(x.activityId));
}

/** Objects anywhere in `v` carrying both `building` and `room`. */
function addressesIn(v: unknown, out: Array<{ building: unknown; room: unknown }> = []): Array<{ building: unknown; room: unknown }> {
  if (Array.isArray(v)) v.forEach((x) => addressesIn(x, out));
  else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if ('room' in o) out.push({ building: o.building, room: o.room });
    Object.values(o).forEach((x) => addressesIn(x, out));
  }
  return out;
}

/** The problems with one answer to `viewerOpenid` (or, `{ userId }`, a message to that user). */
function leaks(
  h: Harness,
  answer: unknown,
  viewerOpenid: string | null | { userId: string },
  newAudit: AuditEntry[],
  fn?: FunctionName,
): string[] {
  const text = JSON.stringify(answer);
  const users = rows<UserDoc>(h, 'users');
  const requests = rows<RequestRow>(h, 'requests');
  const viewerId = typeof viewerOpenid === 'object' && viewerOpenid ? viewerOpenid.userId : viewerOpenid ? h.userId(viewerOpenid) : null;
  const viewer = users.find((u) => u._id === viewerId) ?? null;
  const owners = phoneOwners(h);
  const streetOf = new Map(rows<{ _id: string; streetId?: string }>(h, 'communities').map((c) => [c._id, c.streetId ?? '']));
  const out: string[] = [];

  for (const phone of new Set(text.match(MOBILE) ?? [])) {
    const ownerIds = owners.get(phone);
    if (!ownerIds) {
      out.push(`full phone ${phone} of nobody known`);
      continue;
    }
    for (const ownerId of ownerIds) {
      if (ownerId === viewerId) continue;
      const audited = newAudit.some((e) => e.actorId === viewerId && JSON.stringify([e.targetId, e.detail ?? null]).includes(ownerId));
      const owner = users.find((u) => u._id === ownerId);
      if (!audited) out.push(`full phone of ${owner?.openid ?? ownerId} (${phone}) without an audit entry`);
    }
  }

  for (const owner of users) {
    if (maySeeAddress(viewer, owner, requests, streetOf, fn)) continue;
    // Staff invited without a residence (a street_admin) have no address to leak.
    if (!owner.room) continue;
    // Two people at one address (the seed's two property offices): the viewer's own is not a leak.
    if (viewer && viewer.building === owner.building && viewer.room === owner.room) continue;
    const shown =
      addressesIn(answer).some((a) => a.room === owner.room && (a.building === owner.building || a.building === undefined)) ||
      [`${owner.building}${owner.room}`, `${owner.building} ${owner.room}`, `${owner.building}-${owner.room}`].some((s) =>
        text.includes(s),
      );
    if (shown) out.push(`room of ${owner.openid} (${owner.building} ${owner.room})`);
    const plainResident = owner.roles.length === 1 && owner.roles[0] === 'resident';
    if (plainResident && text.includes(owner.name) && !leadsTeamOf(h, viewer, owner._id))
      out.push(`name of the resident ${owner.openid} (${owner.name})`);
  }
  return out;
}

interface Message {
  _id: string;
  userId: string;
  template: string;
  data: Record<string, string>;
}

function outboxIds(h: Harness): Set<string> {
  return new Set(rows<Message>(h, OUTBOX).map((m) => m._id));
}

function outboxSince(h: Harness, before: Set<string>): Message[] {
  return rows<Message>(h, OUTBOX).filter((m) => !before.has(m._id));
}

function auditIds(h: Harness): Set<string> {
  return new Set((h.store.db.prepare(`SELECT _id FROM "${AUDIT}"`).all() as Array<{ _id: string }>).map((r) => r._id));
}

test('every action has a sample, so every answer gets scanned', () => {
  const missing = FUNCTION_NAMES.flatMap((fn) =>
    Object.keys(FUNCTIONS[fn])
      .filter((a) => !ACTION_SAMPLES[fn][a])
      .map((a) => `${fn}.${a}`),
  );
  expect(missing).toEqual([]);
});

test('the scan finds what it looks for', async () => {
  const h = await makeWorld();
  try {
    const resident = h.userId('demo-resident');
    const answer = { items: [{ name: '陈玉珍', phone: '13907160006', building: '6栋', room: '602' }] };
    expect(leaks(h, answer, 'demo-volunteer', [])).toEqual([
      'full phone of demo-resident (13907160006) without an audit entry',
      'room of demo-resident (6栋 602)',
      'name of the resident demo-resident (陈玉珍)',
    ]);
    expect(leaks(h, { text: '住在6栋602' }, 'demo-oc3', [])).toEqual(['room of demo-resident (6栋 602)']);
    expect(leaks(h, answer, 'demo-resident', [])).toEqual([]);
    const reveal = { _id: 'a', at: '', actorId: h.userId('demo-rc'), action: 'x.revealPhone', targetType: 'user', targetId: resident };
    expect(leaks(h, { phone: '13907160006' }, 'demo-rc', [reveal])).toEqual([]);
  } finally {
    await h.close();
  }
});

for (const fn of FUNCTION_NAMES) {
  describe(fn, () => {
    for (const key of Object.keys(ACTION_SAMPLES[fn])) {
      describe(key, () => {
        let h: Harness;
        let payload: Payload;
        let snap: Snapshot;
        let at: string;
        beforeAll(async () => {
          h = await makeWorld();
          payload = await ACTION_SAMPLES[fn][key](h);
          snap = h.snapshot();
          at = h.clock.now().toISOString();
        });
        afterAll(() => h?.close());

        test.each(CALLER_NAMES)('shows %s no phone, room or name it may not see', async (caller) => {
          restore(h, snap, at);
          const before = auditIds(h);
          const outboxBefore = outboxIds(h);
          const r = await h.call(fn, actionOf(key), payload, CALLERS[caller]);
          const fresh = (h.store.db.prepare(`SELECT _id, data FROM "${AUDIT}"`).all() as Array<{ _id: string; data: string }>)
            .filter((row) => !before.has(row._id))
            .map((row) => JSON.parse(row.data) as AuditEntry);
          const found = leaks(h, r, CALLERS[caller], fresh, fn);
          // The messages this call queued reach their recipients: the same rules apply to them.
          for (const m of outboxSince(h, outboxBefore)) {
            for (const l of leaks(h, m.data, { userId: m.userId }, [])) found.push(`in a ${m.template} message to ${m.userId}: ${l}`);
          }
          expect(found).toEqual([]);
        });
      });
    }
  });
}

test('messages of the scheduler (reminders, escalations, auto-closing) carry no phone, room or name their recipient may not see', async () => {
  const h = await makeWorld();
  try {
    // The scenario: every sample's objects, then a month of ticks.
    for (const fn of FUNCTION_NAMES) {
      for (const key of Object.keys(ACTION_SAMPLES[fn])) {
        const at = h.clock.now().toISOString();
        await ACTION_SAMPLES[fn][key](h).catch(() => undefined);
        h.clock.set(at);
      }
    }
    const before = outboxIds(h);
    const start = h.clock.now().getTime();
    for (let hours = 0; hours <= 30 * 24; hours += 6) {
      h.clock.set(new Date(start + hours * 3_600_000));
      await tick(h.deps);
    }
    const messages = outboxSince(h, before);
    expect(messages.length).toBeGreaterThan(0);
    const found = messages.flatMap((m) => leaks(h, m.data, { userId: m.userId }, []).map((l) => `${m.template} to ${m.userId}: ${l}`));
    expect(found).toEqual([]);
  } finally {
    await h.close();
  }
});
