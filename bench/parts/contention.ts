// Bench part: contention. The local gateway (startGateway, port 0, SQLite file) serves 1,000
// concurrent volunteer.signup calls over loopback HTTP for one activity with 50 seats, sent by a
// separate client process (bounded concurrency, keep-alive). Repeated ROUNDS times on fresh
// activities; reports calls/s (median) and checks that exactly 50 signups are confirmed each
// round — in the answers and in the database.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startGateway } from '../../cloudfunctions/core/runtime/gateway';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { median, percentile, writeResult } from '../lib/io';
import { addVolunteers, openWorld } from '../lib/world';

const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 1000);
const SEATS = 50;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const ROUNDS = Number(process.env.BENCH_CONTENTION_ROUNDS ?? 3);
const HOUR = 3_600_000;

interface ClientJob {
  url: string;
  activityId: string;
  openids: string[];
  concurrency: number;
}

interface ClientReport {
  ms: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
  httpErrors: number;
}

/** The client process: fires the signups with at most `concurrency` in flight, then reports. */
async function client(job: ClientJob): Promise<ClientReport> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const target = new URL(`${job.url}/functions/volunteer`);
  const post = (openid: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ action: 'signup', data: { activityId: job.activityId } });
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-openid': openid },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const statuses: Record<string, number> = {};
  const latenciesMs: number[] = [];
  let httpErrors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < job.openids.length) {
      const openid = job.openids[next++];
      const t0 = process.hrtime.bigint();
      try {
        const res = await post(openid);
        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        const r = JSON.parse(res.body) as { ok: boolean; data?: { status?: string }; error?: { code: string; reason?: string } };
        const k = r.ok ? String(r.data?.status) : `${r.error?.code}${r.error?.reason ? ` ${r.error.reason}` : ''}`;
        statuses[k] = (statuses[k] ?? 0) + 1;
      } catch {
        httpErrors++;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return { ms, statuses, latenciesMs, httpErrors };
}

function runClient(job: ClientJob): Promise<ClientReport> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['client'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m as ClientReport));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`contention client exited ${code}`)));
    child.send(job);
  });
}

async function server(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-contention-'));
  try {
    const w = await openWorld(path.join(dir, 'community.db'));
    if (!w.has('volunteer', 'signup') || !w.has('volunteer', 'createActivity')) {
      writeResult({ built: false });
      await w.close();
      return;
    }
    const openids = await addVolunteers(w, SIGNUPS, 'bench-crowd');
    const gateway = await startGateway({ deps: w.deps, port: 0, tickMs: 0 });
    const rounds = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const start = new Date(w.clock.now().getTime() + (20 * 24 + round * 5) * HOUR);
        const created = await fetch(`${gateway.url}/functions/volunteer`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-openid': 'demo-rc' },
          body: JSON.stringify({
            action: 'createActivity',
            data: {
              communityId: DEMO.communityId,
              title: `爱国卫生月集中行动 第${round + 1}轮`,
              category: 'patriotic_health',
              description: '清理小区卫生死角，宣传爱国卫生知识。',
              location: '红星社区党群服务中心',
              startAt: start.toISOString(),
              endAt: new Date(start.getTime() + 3 * HOUR).toISOString(),
              capacity: SEATS,
              waitlist: true,
            },
          }),
        }).then((r) => r.json() as Promise<{ ok: boolean; data?: { activityId?: string }; error?: unknown }>);
        if (!created.ok || !created.data?.activityId) throw new Error(`createActivity answered ${JSON.stringify(created)}`);
        const activityId = created.data.activityId;
        const cpu0 = process.cpuUsage();
        const report = await runClient({ url: gateway.url, activityId, openids, concurrency: CONCURRENCY });
        const cpu = process.cpuUsage(cpu0);
        const activity = await w.deps.store.get<{ _id: string; confirmedCount: number; waitlistCount: number }>('activities', activityId);
        const confirmedInDb = await w.deps.store.count('signups', { activityId, status: 'confirmed' });
        rounds.push({
          ms: report.ms,
          callsPerSecond: (SIGNUPS / report.ms) * 1000,
          /** The gateway process's CPU time per call (user + system): what the machine's load does not inflate. */
          gatewayCpuMsPerCall: (cpu.user + cpu.system) / 1000 / SIGNUPS,
          statuses: report.statuses,
          httpErrors: report.httpErrors,
          p50Ms: percentile(report.latenciesMs, 50),
          p99Ms: percentile(report.latenciesMs, 99),
          confirmedAnswers: report.statuses.confirmed ?? 0,
          confirmedInDb,
          activityConfirmedCount: activity?.confirmedCount ?? null,
          activityWaitlistCount: activity?.waitlistCount ?? null,
        });
        process.stderr.write(
          `[bench] contention: round ${round + 1}/${ROUNDS}: ${Math.round((SIGNUPS / report.ms) * 1000)} calls/s, ${JSON.stringify(report.statuses)}\n`,
        );
      }
    } finally {
      await gateway.close();
    }
    const exactly = rounds.every((r) => r.confirmedAnswers === SEATS && r.confirmedInDb === SEATS && r.activityConfirmedCount === SEATS);
    writeResult({
      built: true,
      signups: SIGNUPS,
      seats: SEATS,
      concurrency: CONCURRENCY,
      rounds,
      callsPerSecond: median(rounds.map((r) => r.callsPerSecond)),
      p50Ms: median(rounds.map((r) => r.p50Ms)),
      p99Ms: median(rounds.map((r) => r.p99Ms)),
      gatewayCpuMsPerCall: median(rounds.map((r) => r.gatewayCpuMsPerCall)),
      exactlyFiftyConfirmed: exactly,
      loggedErrors: w.logger.errors.slice(0, 3).map((e) => `${e.message}: ${String(e.detail)}`),
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'client') {
  process.once('message', (job) => {
    client(job as ClientJob).then(
      (report) => process.send?.(report, () => process.exit(0)),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
} else {
  server().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
