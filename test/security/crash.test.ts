/**
 * Crash durability: the built gateway on a temp DATA_DIR takes a few hundred concurrent writes
 * (registrations, signups and cancellations, request submissions, rating sheets), is killed with
 * SIGKILL mid-stream, and started again on the same DATA_DIR. Every write answered `ok` is there,
 * and the stored counters equal the records.
 */
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { periodOf } from '../../cloudfunctions/core/domain/period';
import { LOCAL_USER_ID_SALT } from '../../cloudfunctions/core/runtime/local-deps';
import { userIdFor } from '../../cloudfunctions/core/app/ids';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { buildGateway, post, startGatewayProcess, tempDataDir, type GatewayProcess } from './support/gateway-process';

jest.setTimeout(300_000);

const uid = (openid: string) => userIdFor(openid, LOCAL_USER_ID_SALT);
const VOLUNTEERS = 40;
const ACTIVITIES = 4;
const REGISTRATIONS = 200;
const SUBMISSIONS = 100;
const SHEETS = 30;
const IN_FLIGHT = 24;

interface Acked {
  registered: string[];
  signups: Array<{ activityId: string; userId: string }>;
  cancels: Array<{ activityId: string; userId: string }>;
  requests: Array<{ requestId: string; title: string; clientToken?: string }>;
  sheets: Array<{ raterId: string; compoundId: string; version: number }>;
  accepts: string[];
}

let dir: string;
let gw: GatewayProcess | null = null;

beforeAll(async () => {
  await buildGateway();
  dir = tempDataDir();
});

afterAll(async () => {
  if (gw) await gw.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `jobs` with at most IN_FLIGHT at once; a failed connection just ends that job. */
async function pool(jobs: Array<() => Promise<void>>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      await job().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/** A deterministic shuffle, so the mix of writes is the same on every run. */
function shuffle<T>(items: T[]): T[] {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function must(url: string, fn: string, action: string, data: unknown, openid: string): Promise<Record<string, unknown>> {
  const r = await post<Record<string, unknown>>(url, fn, action, data, openid);
  if (!r.ok) throw new Error(`setup ${fn}.${action} as ${openid} failed: ${JSON.stringify(r)}`);
  return r.data as Record<string, unknown>;
}

test('every acknowledged write survives a SIGKILL mid-stream, and the counters equal the records', async () => {
  gw = await startGatewayProcess({ DATA_DIR: dir });
  const url = gw.url;
  const period = periodOf(new Date());
  // Activities a month ahead (the gateway runs on the real clock), on separate days: no overlaps.
  const HOUR = 3_600_000;
  const firstStart = Math.ceil(Date.now() / HOUR) * HOUR + 30 * 24 * HOUR;
  const at = (i: number, hours: number) => new Date(firstStart + i * 24 * HOUR + hours * HOUR).toISOString();

  // Setup, one call at a time: activities, and approved volunteers of the demo community.
  const activityIds: string[] = [];
  for (let i = 0; i < ACTIVITIES; i++) {
    const a = await must(
      url,
      'volunteer',
      'createActivity',
      {
        communityId: DEMO.communityId,
        title: `压力测试活动 ${i + 1}`,
        category: 'other',
        description: '并发报名与崩溃恢复测试',
        location: '社区活动室',
        startAt: at(i, 0),
        endAt: at(i, 2),
        capacity: 5,
        waitlist: true,
      },
      'demo-rc',
    );
    activityIds.push(a.activityId as string);
  }
  const volunteers = Array.from({ length: VOLUNTEERS }, (_, i) => `crash-vol-${i}`);
  for (const [i, openid] of volunteers.entries()) {
    const phone = `1380000${String(1000 + i).padStart(4, '0')}`;
    await must(
      url,
      'account',
      'register',
      { name: `志愿者${i}`, phone, communityId: DEMO.communityId, compoundId: DEMO.compound1, building: '12栋', room: `${100 + i}` },
      openid,
    );
    await must(url, 'account', 'approve', { userId: uid(openid) }, 'demo-rc');
    await must(url, 'volunteer', 'register', { realName: `志愿者${i}`, phone }, openid);
  }
  // Ten of them already hold a seat on the first activity: they cancel during the storm.
  const cancellers = volunteers.slice(0, 10);
  for (const openid of cancellers) await must(url, 'volunteer', 'signup', { activityId: activityIds[0] }, openid);

  // Twenty requests waiting for acceptance: the residents' committee accepts them during the storm.
  const waiting: string[] = [];
  for (let i = 0; i < 20; i++) {
    const r = await must(
      url,
      'requests',
      'submit',
      { category: 'environment', title: `待受理 ${i}`, description: '等待居委会受理', compoundId: DEMO.compound1 },
      'demo-resident',
    );
    waiting.push(r.requestId as string);
  }

  // The storm.
  const acked: Acked = { registered: [], signups: [], cancels: [], requests: [], sheets: [], accepts: [] };
  const jobs: Array<() => Promise<void>> = [];
  for (let i = 0; i < REGISTRATIONS; i++) {
    const openid = `crash-new-${i}`;
    jobs.push(async () => {
      const r = await post(
        url,
        'account',
        'register',
        {
          name: `新居民${i}`,
          phone: '13912345678',
          communityId: DEMO.communityId,
          compoundId: DEMO.compound2,
          building: '3栋',
          room: '301',
        },
        openid,
      );
      if (r.ok) acked.registered.push(openid);
    });
  }
  for (const openid of volunteers) {
    for (const activityId of activityIds) {
      if (activityId === activityIds[0] && cancellers.includes(openid)) continue;
      jobs.push(async () => {
        const r = await post(url, 'volunteer', 'signup', { activityId }, openid);
        if (r.ok) acked.signups.push({ activityId, userId: uid(openid) });
      });
    }
  }
  for (const openid of cancellers) {
    jobs.push(async () => {
      const r = await post(url, 'volunteer', 'cancel', { activityId: activityIds[0] }, openid);
      if (r.ok) acked.cancels.push({ activityId: activityIds[0], userId: uid(openid) });
    });
  }
  const submitters = ['demo-resident', 'demo-volunteer', 'demo-oc', ...volunteers.slice(10, 20)];
  for (let i = 0; i < SUBMISSIONS; i++) {
    // Every fourth submission carries a clientToken and is sent twice, as a retrying client would.
    const clientToken = i % 4 === 1 ? `crash-token-${i}` : undefined;
    const payload = {
      category: 'other',
      title: `诉求 ${i}`,
      description: '崩溃恢复测试提交的诉求',
      compoundId: DEMO.compound1,
      clientToken,
    };
    for (let copy = 0; copy < (clientToken ? 2 : 1); copy++) {
      jobs.push(async () => {
        const r = await post<{ requestId: string }>(url, 'requests', 'submit', payload, submitters[i % submitters.length]);
        if (r.ok && r.data) acked.requests.push({ requestId: r.data.requestId, title: payload.title, clientToken });
      });
    }
  }
  for (const requestId of waiting) {
    jobs.push(async () => {
      const r = await post(url, 'requests', 'accept', { requestId, leadParty: 'property', coHandlers: ['owners_committee'] }, 'demo-rc');
      if (r.ok) acked.accepts.push(requestId);
    });
  }
  const raters: Array<[string, string]> = [
    ['demo-oc', DEMO.compound1],
    ['demo-oc2', DEMO.compound1],
    ['demo-party', DEMO.compound1],
    ['demo-party', DEMO.compound2],
    ['demo-oc3', DEMO.compound2],
  ];
  for (let i = 0; i < SHEETS; i++) {
    const [openid, compoundId] = raters[i % raters.length];
    const s = (i % 5) + 1;
    jobs.push(async () => {
      const r = await post<{ version: number }>(
        url,
        'ratings',
        'submit',
        { compoundId, period, scores: { environment: s, greening: s, security: s, facilities: s, repairs: s, fees: s, coGovernance: s } },
        openid,
      );
      if (r.ok && r.data) acked.sheets.push({ raterId: uid(openid), compoundId, version: r.data.version });
    });
  }

  const total = jobs.length;
  const countAcked = () =>
    acked.registered.length + acked.signups.length + acked.cancels.length + acked.requests.length + acked.sheets.length;
  const killAt = Math.floor(total * 0.5);
  const child = gw.child;
  const killer = (async () => {
    while (countAcked() < killAt && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
  })();
  await pool(shuffle(jobs));
  await killer;
  await gw.exited;
  const ackedCount = countAcked();
  expect(ackedCount).toBeGreaterThanOrEqual(killAt);
  expect(ackedCount).toBeLessThan(total);

  // Restart on the same DATA_DIR: it must come up and answer for what it acknowledged.
  gw = await startGatewayProcess({ DATA_DIR: dir });
  for (const openid of acked.registered.slice(0, 20)) {
    const r = await post<{ user: { status: string } | null }>(gw.url, 'account', 'whoami', {}, openid);
    expect(r.ok && r.data?.user?.status).toBe('pending');
  }
  for (const { requestId } of acked.requests.slice(0, 20)) {
    expect((await post(gw.url, 'requests', 'get', { requestId }, 'demo-rc')).ok).toBe(true);
  }
  await gw.stop();
  gw = null;

  // Then every record, read straight from the database file.
  const db = new Database(path.join(dir, 'community.db'), { readonly: true });
  try {
    const all = <T>(table: string): T[] =>
      (db.prepare(`SELECT data FROM "${table}"`).all() as Array<{ data: string }>).map((r) => JSON.parse(r.data) as T);
    const byId = <T extends { _id: string }>(table: string) => new Map(all<T>(table).map((d) => [d._id, d]));

    const users = byId<{ _id: string; openid: string }>('users');
    const missingUsers = acked.registered.filter((o) => !users.has(uid(o)));
    const signups = byId<{ _id: string; activityId: string; userId: string; status: string }>('signups');
    const missingSignups = acked.signups.filter((s) => !signups.has(`${s.activityId}:${s.userId}`));
    const notCancelled = acked.cancels.filter((c) => signups.get(`${c.activityId}:${c.userId}`)?.status !== 'cancelled');
    const requests = byId<{ _id: string; status: string; timeline: Array<{ action: string; to: string }>; followers: number }>('requests');
    const unaccepted = acked.accepts.filter((id) => !requests.get(id)?.timeline.some((e) => e.action === 'accept'));
    const missingRequests = acked.requests.filter((r) => !requests.has(r.requestId));
    const sheets = byId<{ _id: string; raterId: string; compoundId: string; version: number; period: string; communityId: string }>(
      'rating_sheets',
    );
    const sheetOf = (raterId: string, compoundId: string) =>
      [...sheets.values()].find((s) => s.raterId === raterId && s.compoundId === compoundId && s.period === period);
    const staleSheets = acked.sheets.filter((a) => (sheetOf(a.raterId, a.compoundId)?.version ?? 0) < a.version);
    const audits = all<{ action: string; targetId: string; detail?: { version?: number } }>('audit');
    const unauditedVersions = acked.sheets.filter(
      (a) =>
        !audits.some(
          (e) => e.action === 'ratings.submit' && e.targetId === sheetOf(a.raterId, a.compoundId)?._id && e.detail?.version === a.version,
        ),
    );
    expect({ missingUsers, missingSignups, notCancelled, missingRequests, unaccepted, staleSheets, unauditedVersions }).toEqual({
      unaccepted: [],
      missingUsers: [],
      missingSignups: [],
      notCancelled: [],
      missingRequests: [],
      staleSheets: [],
      unauditedVersions: [],
    });
    // A submission sent twice with its clientToken made one request, and both answers name it.
    const duplicated = [...requests.values()].filter(
      (r, _, list) => list.filter((x) => (x as { title?: string }).title === (r as { title?: string }).title).length > 1,
    );
    expect(duplicated.map((r) => r._id)).toEqual([]);
    for (const a of acked.requests.filter((r) => r.clientToken)) {
      const twins = acked.requests.filter((r) => r.clientToken === a.clientToken);
      expect(new Set(twins.map((r) => r.requestId)).size).toBe(1);
    }

    // Invariants over everything stored, acknowledged or not.
    const problems: string[] = [];
    const allSignups = [...signups.values()];
    for (const a of all<{ _id: string; capacity: number; confirmedCount: number; waitlistCount: number; waitlist: string[] }>(
      'activities',
    )) {
      const mine = allSignups.filter((s) => s.activityId === a._id);
      const confirmed = mine.filter((s) => s.status === 'confirmed').length;
      const waitlisted = mine.filter((s) => s.status === 'waitlisted').map((s) => s.userId);
      if (a.confirmedCount > a.capacity) problems.push(`${a._id}: confirmed ${a.confirmedCount} > capacity ${a.capacity}`);
      if (a.confirmedCount !== confirmed) problems.push(`${a._id}: confirmedCount ${a.confirmedCount} but ${confirmed} confirmed signups`);
      if (a.waitlistCount !== waitlisted.length)
        problems.push(`${a._id}: waitlistCount ${a.waitlistCount} but ${waitlisted.length} waitlisted`);
      if ([...a.waitlist].sort().join() !== [...waitlisted].sort().join())
        problems.push(`${a._id}: waitlist differs from the waitlisted signups`);
    }
    const vols = all<{ _id: string; volunteerNo: string; totalHours: number; slots: Array<{ activityId: string; endAt: string }> }>(
      'volunteers',
    );
    const endOf = new Map(all<{ _id: string; endAt: string }>('activities').map((a) => [a._id, a.endAt]));
    const nowIso = new Date().toISOString();
    for (const v of vols) {
      // The slots that refuse overlapping confirmations are exactly the confirmed, not yet ended signups.
      const slots = new Set(v.slots.filter((x) => x.endAt > nowIso).map((x) => x.activityId));
      const confirmed = new Set(
        allSignups
          .filter((x) => x.userId === v._id && x.status === 'confirmed' && (endOf.get(x.activityId) ?? '') > nowIso)
          .map((x) => x.activityId),
      );
      if ([...slots].sort().join() !== [...confirmed].sort().join()) problems.push(`${v._id}: slots differ from confirmed signups`);
    }
    if (new Set(vols.map((v) => v.volunteerNo)).size !== vols.length) problems.push('two volunteers share a volunteer number');
    for (const v of vols) {
      const hours = allSignups.filter((s) => s.userId === v._id).reduce((sum, s) => sum + ((s as { hours?: number }).hours ?? 0), 0);
      if (Math.abs(hours - v.totalHours) > 1e-9) problems.push(`${v._id}: totalHours ${v.totalHours} but signups hold ${hours}`);
    }
    for (const r of requests.values()) {
      if (!r.timeline?.length || r.timeline[0].action !== 'submit') problems.push(`${r._id}: no submit entry on its timeline`);
      else if (r.timeline[r.timeline.length - 1].to !== r.status)
        problems.push(`${r._id}: status ${r.status} but its timeline ends at ${r.timeline[r.timeline.length - 1].to}`);
    }
    const follows = all<{ requestId: string }>('request_follows');
    for (const r of requests.values()) {
      const n = follows.filter((f) => f.requestId === r._id).length;
      if (r.followers !== n) problems.push(`${r._id}: followers ${r.followers} but ${n} follows`);
    }
    for (const p of all<{ _id: string; communityId: string; period: string; sheetCount: number }>('rating_periods')) {
      const n = [...sheets.values()].filter((s) => s.communityId === p.communityId && s.period === p.period).length;
      if (p.sheetCount !== n) problems.push(`${p._id}: sheetCount ${p.sheetCount} but ${n} sheets`);
    }
    expect(problems).toEqual([]);
    console.log(
      `crash: ${total} writes fired, ${ackedCount} acknowledged before SIGKILL, all found after restart ` +
        `(registrations ${acked.registered.length}, signups ${acked.signups.length}, cancellations ${acked.cancels.length}, ` +
        `request submissions ${acked.requests.length}, acceptances ${acked.accepts.length}, rating sheets ${acked.sheets.length})`,
    );
  } finally {
    db.close();
  }
});
