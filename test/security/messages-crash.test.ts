/**
 * Messages across a crash (RULES.md §8): the built gateway accepts requests and approves
 * registrations — each call sent twice at once, as a retrying client would — and is killed with
 * SIGKILL mid-stream; after a restart on the same DATA_DIR every call is retried once more. Then
 * every accepted request's submitter and handlers, and every approved applicant, have exactly one
 * message of the event: none lost between the change and its message, none doubled by a retry.
 * The events of one operation killed at each of its steps — a waitlist promotion, the overdue
 * tick, a motion announced — are in messages-step-crash.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { userIdFor } from '../../cloudfunctions/core/app/ids';
import { LOCAL_USER_ID_SALT } from '../../cloudfunctions/core/runtime/local-deps';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { buildGateway, post, startGatewayProcess, tempDataDir, type GatewayProcess } from './support/gateway-process';

jest.setTimeout(300_000);

const uid = (openid: string) => userIdFor(openid, LOCAL_USER_ID_SALT);
const REQUESTS = 60;
const APPLICANTS = 40;
const IN_FLIGHT = 16;

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

async function pool(jobs: Array<() => Promise<void>>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]().catch(() => undefined);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

test('every event’s people get exactly one message across a SIGKILL and the retries after it', async () => {
  gw = await startGatewayProcess({ DATA_DIR: dir, TICK_MS: '3600000' });
  const requestIds: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const r = await post<{ requestId: string }>(
      gw.url,
      'requests',
      'submit',
      { category: 'environment', title: `崩溃消息测试 ${i}`, description: '等待居委会受理', compoundId: DEMO.compound1 },
      'demo-resident',
    );
    requestIds.push(r.data!.requestId);
  }
  const applicants = Array.from({ length: APPLICANTS }, (_, i) => `crash-msg-${i}`);
  for (const [i, openid] of applicants.entries()) {
    await post(
      gw.url,
      'account',
      'register',
      {
        name: `居民${i}`,
        phone: '13912345678',
        communityId: DEMO.communityId,
        compoundId: DEMO.compound1,
        building: '9栋',
        room: `${100 + i}`,
      },
      openid,
    );
  }

  const accept = (url: string, requestId: string) =>
    post(url, 'requests', 'accept', { requestId, leadParty: 'property', coHandlers: ['owners_committee'] }, 'demo-rc');
  const approve = (url: string, openid: string) => post(url, 'account', 'approve', { userId: uid(openid) }, 'demo-rc');

  let answered = 0;
  const acceptJobs = requestIds.flatMap((id) => [0, 1].map(() => async () => void (await accept(gw!.url, id), answered++)));
  const approveJobs = applicants.flatMap((o) => [0, 1].map(() => async () => void (await approve(gw!.url, o), answered++)));
  // Interleaved, so the kill lands among both kinds of change.
  const jobs = acceptJobs.flatMap((job, i) => (approveJobs[i] ? [job, approveJobs[i]] : [job]));

  const child = gw.child;
  const killAt = Math.floor(jobs.length * 0.4);
  const killer = (async () => {
    while (answered < killAt && child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
  })();
  await pool(jobs);
  await killer;
  await gw.exited;
  expect(answered).toBeLessThan(jobs.length);

  // The clients retry after the crash.
  gw = await startGatewayProcess({ DATA_DIR: dir, TICK_MS: '3600000' });
  await pool([
    ...requestIds.map((id) => async () => void (await accept(gw!.url, id))),
    ...applicants.map((o) => async () => void (await approve(gw!.url, o))),
  ]);
  await gw.stop();
  gw = null;

  const db = new Database(path.join(dir, 'community.db'), { readonly: true });
  try {
    const messages = (db.prepare('SELECT data FROM outbox').all() as Array<{ data: string }>).map(
      (r) => JSON.parse(r.data) as { _id: string; userId: string; template: string; data: Record<string, string> },
    );
    const count = (userId: string, template: string, about?: string) =>
      messages.filter((m) => m.userId === userId && m.template === template && (!about || m._id.startsWith(`rq:${about}:`))).length;
    const problems: string[] = [];
    for (const id of requestIds) {
      const accepted = count(uid('demo-resident'), 'request_status', id);
      const property = count(uid('demo-property'), 'request_assigned', id);
      const oc = count(uid('demo-oc'), 'request_assigned', id);
      if (accepted !== 1 || property !== 1 || oc !== 1) problems.push(`${id}: submitter ${accepted}, property ${property}, oc ${oc}`);
    }
    for (const o of applicants) {
      const n = count(uid(o), 'account_approved');
      if (n !== 1) problems.push(`${o}: ${n} approval messages`);
    }
    expect(problems).toEqual([]);
  } finally {
    db.close();
  }
});
