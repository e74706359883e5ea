/**
 * Messages across a SIGKILL at every step (RULES.md §8, issue #13): the built gateway is killed
 * with a real SIGKILL at each step of one event's operation — before each SQLite write of it (a
 * death before a read leaves the same as one before the next write) and right after its COMMIT,
 * before the answer — for the message events that happen in one operation with their
 * change: a waitlist promotion (a volunteer cancels), the scheduler's overdue tick (an overdue
 * request escalated) and an owners' motion announcement. After each death the change and its
 * messages are there together or not at all; after a restart on the same data and the retry (the
 * client's call again, the scheduler's next tick), the event's people have exactly one message
 * each: the messages of a run that never died.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { userIdFor } from '../../cloudfunctions/core/app/ids';
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { REQUESTS } from '../../cloudfunctions/core/app/requests/request';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import { signupIdOf } from '../../cloudfunctions/core/app/volunteer/model';
import type { Deps } from '../../cloudfunctions/core/app/context';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { LOCAL_USER_ID_SALT } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { DEMO_ACTIVITIES } from '../../cloudfunctions/core/seed/volunteer';
import { buildGateway, post, tempDataDir } from './support/gateway-process';
import {
  copyDir,
  crashSteps,
  lastCommitTouching,
  openDeps,
  startStepGateway,
  storedMessages,
  type StepGateway,
  type StoredMessage,
} from './support/step-kill';

jest.setTimeout(900_000);

const uid = (openid: string) => userIdFor(openid, LOCAL_USER_ID_SALT);
const DAY = 86_400_000;

/** One call through the production entry on the restarted process's ports. */
async function call(deps: Deps, fn: keyof typeof FUNCTIONS, action: string, data: unknown, openid: string) {
  return createCloudEntry(fn, FUNCTIONS[fn], deps)({ action, data }, platformContextFor(openid));
}

function readDoc<T>(dir: string, collection: string, id: string): T | null {
  const db = new Database(path.join(dir, 'community.db'), { readonly: true });
  try {
    const row = db.prepare(`SELECT data FROM "${collection}" WHERE _id = ?`).get(id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : null;
  } finally {
    db.close();
  }
}

interface Event {
  name: string;
  on: 'call' | 'tick';
  /** The world before the event, written on the prepared directory. */
  setup(deps: Deps): Promise<Record<string, string>>;
  /** The operation over HTTP (events started by a call). */
  run?(url: string, ids: Record<string, string>): Promise<unknown>;
  /** The retry on the restarted process. */
  retry(deps: Deps, ids: Record<string, string>): Promise<unknown>;
  /** Whether the change is stored. */
  changed(dir: string, ids: Record<string, string>): boolean;
  /** The event's messages among all stored. */
  mine(m: StoredMessage, ids: Record<string, string>): boolean;
  /** People who must be among the recipients. */
  people: string[];
  /** Where the crash points end: the last COMMIT of the event's writes (default: the call's last). */
  lastCommit?(steps: string[]): number;
}

const EVENTS: Event[] = [
  {
    name: 'waitlist promotion (a confirmed volunteer cancels; the first waitlisted is promoted)',
    on: 'call',
    setup: async () => ({ activityId: DEMO_ACTIVITIES.civility }),
    run: (url, ids) => post(url, 'volunteer', 'cancel', { activityId: ids.activityId }, 'demo-oc'),
    retry: (deps, ids) => call(deps, 'volunteer', 'cancel', { activityId: ids.activityId }, 'demo-oc'),
    changed: (dir, ids) =>
      readDoc<{ status: string }>(dir, 'signups', signupIdOf(ids.activityId, uid('demo-resident3')))?.status === 'confirmed',
    mine: (m) => m.template === 'volunteer_promoted',
    people: [uid('demo-resident3')],
  },
  {
    name: 'the scheduler’s overdue tick (an accepted request past its time limit is escalated)',
    on: 'tick',
    setup: async (deps) => {
      const submitted = await call(
        deps,
        'requests',
        'submit',
        { category: 'environment', title: '超期消息测试', description: '垃圾清运不及时', compoundId: DEMO.compound1 },
        'demo-resident',
      );
      const requestId = submitted.ok ? (submitted.data as { requestId: string }).requestId : '';
      const accepted = await call(deps, 'requests', 'accept', { requestId, leadParty: 'property', coHandlers: [] }, 'demo-rc');
      expect(accepted.ok).toBe(true);
      // Its time limit passed a day ago.
      const yesterday = new Date(Date.now() - DAY).toISOString();
      await deps.store.update(REQUESTS, requestId, { $set: { dueAt: yesterday, escalateAt: yesterday } });
      return { requestId };
    },
    retry: (deps) => tick(deps),
    changed: (dir, ids) => Boolean(readDoc<{ escalatedAt?: string }>(dir, REQUESTS, ids.requestId)?.escalatedAt),
    mine: (m, ids) => m.template === 'request_escalated' && m._id.startsWith(`rq:${ids.requestId}:`),
    people: [uid('demo-party'), uid('demo-property')],
    lastCommit: (steps) => lastCommitTouching(steps, /UPDATE "requests"/),
  },
  {
    name: 'an owners’ motion announced',
    on: 'call',
    setup: async (deps) => {
      const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
      const motion = {
        compoundId: DEMO.compound1,
        matter: 'manager',
        title: '续聘物业服务企业',
        text: '是否续聘楚韵物业为本小区物业服务企业，服务期三年',
      };
      const d = await call(deps, 'owners', 'draft', { ...motion, opensAt: at(20), closesAt: at(27) }, 'demo-oc');
      expect(d.ok).toBe(true);
      return { motionId: d.ok ? (d.data as { motionId: string }).motionId : '' };
    },
    run: (url, ids) => post(url, 'owners', 'announce', { motionId: ids.motionId }, 'demo-oc'),
    retry: (deps, ids) => call(deps, 'owners', 'announce', { motionId: ids.motionId }, 'demo-oc'),
    changed: (dir, ids) => readDoc<{ status: string }>(dir, 'owner_motions', ids.motionId)?.status === 'announced',
    mine: (m, ids) => m._id.startsWith(`owners:${ids.motionId}:announced:`),
    people: [uid('demo-oc'), uid('demo-party'), uid('demo-rc'), uid('demo-cparty')],
  },
];

const dirs: string[] = [];
beforeAll(() => buildGateway());
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const fresh = (from: string) => {
  const d = copyDir(from);
  dirs.push(d);
  return d;
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs the event on a gateway started with `env`; resolves once the event's writes are done or the process ended. */
async function runEvent(e: Event, dir: string, ids: Record<string, string>, env: Record<string, string>): Promise<StepGateway> {
  const gw = startStepGateway(dir, e.on, env);
  let ended = false;
  void gw.ended.then(() => (ended = true));
  if (e.on === 'call') {
    const url = await gw.url.catch(() => null);
    if (url) await e.run?.(url, ids).catch(() => undefined);
    return gw;
  }
  // The first tick starts 300 ms after the start; its requests part is done once its last
  // escalation's COMMIT is followed by further steps (the steps are listed with STEP_LOG only).
  const done = () => {
    const steps = gw.steps();
    const last = e.lastCommit?.(steps) ?? 0;
    return last > 0 && steps.length > last + 5;
  };
  for (const deadline = Date.now() + 120_000; !ended && !done() && Date.now() < deadline;) await sleep(100);
  return gw;
}

/** How the process ended: its signal, or 'still running' (then it is stopped) when it outlived the event by 10 s. */
async function endOf(gw: StepGateway): Promise<string | null> {
  const signal = await Promise.race([gw.ended, sleep(10_000).then(() => 'still running')]);
  if (signal === 'still running') await gw.stop();
  return signal;
}

describe.each(EVENTS)('$name', (e) => {
  test('a SIGKILL at every step, then a restart and the retry: the event’s people get exactly one message each', async () => {
    // The world before the event, on disk.
    const base = tempDataDir();
    dirs.push(base);
    const deps = openDeps(base);
    await seedDemo(deps);
    const ids = await e.setup(deps);
    await deps.store.close();
    const before = new Set(storedMessages(base).map((m) => m._id));
    const newMessages = (dir: string) => storedMessages(dir).filter((m) => !before.has(m._id) && e.mine(m, ids));

    // A run that never dies: its steps, and the messages every crashed run must end with.
    const ref = fresh(base);
    const gw = await runEvent(e, ref, ids, { STEP_LOG: '1' });
    await gw.stop();
    const steps = gw.steps();
    const expected = newMessages(ref)
      .map((m) => `${m._id} → ${m.userId}`)
      .sort();
    expect(e.changed(ref, ids)).toBe(true);
    expect(expected.length).toBeGreaterThanOrEqual(e.people.length);
    for (const person of e.people) expect(expected.filter((m) => m.endsWith(`→ ${person}`))).toHaveLength(1);
    const points = crashSteps(steps, e.lastCommit?.(steps));
    expect(steps.filter((s) => /^exec (BEGIN|COMMIT)/.test(s)).length).toBeGreaterThanOrEqual(2);

    for (const at of points) {
      const dir = fresh(base);
      const dying = await runEvent(e, dir, ids, { DIE_AT_STEP: String(at) });
      expect({ at, signal: await endOf(dying) }).toEqual({ at, signal: 'SIGKILL' });
      // Together or not at all.
      const changed = e.changed(dir, ids);
      expect({ at, messages: newMessages(dir).length }).toEqual({ at, messages: changed ? expected.length : 0 });
      // Restarted on the same data; the retry.
      const restarted = openDeps(dir);
      try {
        await e.retry(restarted, ids);
      } finally {
        await restarted.store.close();
      }
      const after = newMessages(dir)
        .map((m) => `${m._id} → ${m.userId}`)
        .sort();
      expect({ at, changed: e.changed(dir, ids), after }).toEqual({ at, changed: true, after: expected });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
