// Bench part: latency as data grows. p50 and p99 of the main actions through the function entries on
// SQLite files holding 1,000 and 100,000 documents per collection, both open in this process and
// measured in alternating rounds (side by side); each figure is the median over the rounds.
// Actions not in FUNCTIONS yet are reported as not built.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACTIVITY_LIMITS } from '../../cloudfunctions/core/domain/activity';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { median, percentile, writeResult } from '../lib/io';
import { addVolunteers, growTo, openWorld, type GrowReport, type World } from '../lib/world';
import { whole } from '../../cloudfunctions/core/ports/store';

const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const WARMUP = 20;

interface Call {
  openid: string | null;
  data: unknown;
}

interface Scenario {
  label: string;
  fn: string;
  action: string;
  /** Prepares a world for `total` calls and returns the i-th call. */
  setup(w: World, total: number): Promise<(i: number) => Call>;
}

const HOUR = 3_600_000;

/** A future activity of the demo community, created by demo-rc through volunteer.createActivity. */
async function createActivity(w: World, n: number, capacity: number): Promise<string> {
  const start = new Date(w.clock.now().getTime() + (10 * 24 + n * 3) * HOUR);
  const a = await w.must<{ activityId?: string; _id?: string }>(
    'volunteer',
    'createActivity',
    {
      communityId: DEMO.communityId,
      title: `楼道清洁日 第${n + 1}场`,
      category: 'environment',
      description: '清理楼道杂物，张贴文明养犬提示。',
      location: '江津花园 中心广场',
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      capacity,
      waitlist: true,
    },
    'demo-rc',
  );
  const id = a.activityId ?? a._id;
  if (!id) throw new Error(`volunteer.createActivity answered no activityId: ${JSON.stringify(a)}`);
  return id;
}

/** The demo community's first activity in the store (seeded), or a new one. */
async function someActivity(w: World): Promise<string> {
  const found = await w.deps.store.find(
    'activities',
    { communityId: DEMO.communityId, status: 'open', startAt: { $gt: w.clock.now().toISOString() } },
    { orderBy: [['startAt', 'asc']], limit: whole(1) },
  );
  return found[0]?._id ?? createActivity(w, 99, 30);
}

const SCENARIOS: Scenario[] = [
  {
    label: 'account.whoami',
    fn: 'account',
    action: 'whoami',
    setup: async () => () => ({ openid: 'demo-resident', data: {} }),
  },
  {
    label: 'volunteer.listActivities',
    fn: 'volunteer',
    action: 'listActivities',
    setup: async () => () => ({ openid: 'demo-volunteer', data: { communityId: DEMO.communityId } }),
  },
  {
    label: 'volunteer.getActivity',
    fn: 'volunteer',
    action: 'getActivity',
    setup: async (w) => {
      const activityId = await someActivity(w);
      return () => ({ openid: 'demo-volunteer', data: { activityId } });
    },
  },
  {
    label: 'volunteer.signup',
    fn: 'volunteer',
    action: 'signup',
    setup: async (w, total) => {
      // Every call is a new volunteer's first signup; activities hold the maximum seats, so each is confirmed.
      const cap = ACTIVITY_LIMITS.maxCapacity;
      const activities: string[] = [];
      for (let k = 0; k * cap < total; k++) activities.push(await createActivity(w, k, cap));
      const volunteers = await addVolunteers(w, total, 'bench-lat');
      return (i) => ({ openid: volunteers[i], data: { activityId: activities[Math.floor(i / cap)] } });
    },
  },
  {
    label: 'requests.submit',
    fn: 'requests',
    action: 'submit',
    setup: async () => (i) => ({
      openid: 'demo-resident',
      data: {
        category: 'facilities',
        title: '3栋电梯异响',
        description: `3栋2单元电梯运行时有明显异响，请尽快检修。（第${i + 1}次）`,
        compoundId: DEMO.compound1,
        clientToken: `bench-submit-${i}-${Date.now().toString(36)}`,
      },
    }),
  },
  {
    label: 'requests.list (inbox)',
    fn: 'requests',
    action: 'list',
    setup: async () => () => ({ openid: 'demo-rc', data: { scope: 'inbox' } }),
  },
  {
    label: 'ratings.board',
    fn: 'ratings',
    action: 'board',
    setup: async () => () => ({ openid: 'demo-resident', data: { communityId: DEMO.communityId } }),
  },
];

interface Prepared {
  size: number;
  world: World;
  grow: GrowReport;
  next: Map<string, (i: number) => Call>;
  cursor: Map<string, number>;
  /** Size of the last answer per scenario: a read answers the same at every size (the copies live elsewhere). */
  answerBytes: Map<string, number>;
}

async function prepare(size: number, dir: string, built: Scenario[], total: number): Promise<Prepared> {
  const world = await openWorld(path.join(dir, `latency-${size}.db`));
  const next = new Map<string, (i: number) => Call>();
  for (const s of built) next.set(s.label, await s.setup(world, total));
  const p: Prepared = { size, world, grow: { counts: {}, synthesized: [], ms: 0 }, next, cursor: new Map(), answerBytes: new Map() };
  // The first calls leave real documents (signups, requests, idempotency records, outbox entries)
  // for growTo to copy; then the world grows to `size` documents per collection.
  for (const s of built) await timeCalls(p, s, WARMUP);
  // Accepting a request notifies its submitter and handlers: real outbox entries to copy.
  if (world.has('requests', 'accept')) {
    await world.call(
      'requests',
      'accept',
      { requestId: 'rq_demo_light', leadParty: 'property', coHandlers: ['owners_committee'] },
      'demo-rc',
    );
  }
  p.grow = growTo(world, size);
  return p;
}

/** Times `n` sequential calls of a scenario; returns their durations in ms and how many failed. */
async function timeCalls(p: Prepared, s: Scenario, n: number): Promise<{ times: number[]; failures: string[]; cpuMsPerCall: number }> {
  const times: number[] = [];
  const failures: string[] = [];
  const cpu0 = process.cpuUsage();
  const make = p.next.get(s.label) as (i: number) => Call;
  for (let j = 0; j < n; j++) {
    const i = p.cursor.get(s.label) ?? 0;
    p.cursor.set(s.label, i + 1);
    const c = make(i);
    const t0 = process.hrtime.bigint();
    const r = await p.world.call(s.fn, s.action, c.data, c.openid);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    p.answerBytes.set(s.label, JSON.stringify(r).length);
    if (!r.ok && failures.length < 3) failures.push(`${r.error.code}${r.error.reason ? ` ${r.error.reason}` : ''}: ${r.error.message}`);
  }
  const cpu = process.cpuUsage(cpu0);
  return { times, failures, cpuMsPerCall: (cpu.user + cpu.system) / 1000 / n };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-latency-'));
  try {
    const probe = await openWorld(':memory:', { seed: false });
    const built = SCENARIOS.filter((s) => probe.has(s.fn, s.action));
    await probe.close();
    const total = 2 * WARMUP + ROUNDS * CALLS;
    const worlds: Prepared[] = [];
    for (const size of SIZES) {
      const t0 = Date.now();
      worlds.push(await prepare(size, dir, built, total));
      process.stderr.write(`[bench] latency: ${size} documents per collection ready in ${Date.now() - t0} ms\n`);
    }
    const samples = new Map<string, { p50: number[]; p99: number[]; cpu: number[]; failures: string[] }>();
    const key = (label: string, size: number) => `${label}@${size}`;
    for (const s of built) for (const p of worlds) await timeCalls(p, s, WARMUP);
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of built) {
        // Alternate which size goes first, so neither gets a systematic advantage.
        const order = round % 2 === 0 ? worlds : [...worlds].reverse();
        for (const p of order) {
          const { times, failures, cpuMsPerCall } = await timeCalls(p, s, CALLS);
          const k = key(s.label, p.size);
          const acc = samples.get(k) ?? { p50: [], p99: [], cpu: [], failures: [] };
          acc.p50.push(percentile(times, 50));
          acc.p99.push(percentile(times, 99));
          acc.cpu.push(cpuMsPerCall);
          acc.failures.push(...failures);
          samples.set(k, acc);
        }
      }
    }
    const actions = SCENARIOS.map((s) => {
      if (!built.includes(s)) return { label: s.label, built: false };
      const bySize = Object.fromEntries(
        worlds.map((p) => {
          const acc = samples.get(key(s.label, p.size))!;
          return [
            p.size,
            {
              p50: median(acc.p50),
              p99: median(acc.p99),
              // The process's CPU time per call (all threads): unlike wall time, not inflated by a busy machine.
              cpuMsPerCall: median(acc.cpu),
              answerBytes: p.answerBytes.get(s.label) ?? null,
              p50Rounds: acc.p50,
              p99Rounds: acc.p99,
              failures: acc.failures.slice(0, 3),
            },
          ];
        }),
      );
      return { label: s.label, built: true, bySize };
    });
    writeResult({
      sizes: SIZES,
      rounds: ROUNDS,
      callsPerRound: CALLS,
      collections: Object.fromEntries(
        worlds.map((p) => [p.size, { counts: p.grow.counts, synthesized: p.grow.synthesized, fillMs: p.grow.ms }]),
      ),
      actions,
    });
    for (const p of worlds) {
      if (p.world.logger.errors.length)
        process.stderr.write(`[bench] latency: logged errors at ${p.size}: ${JSON.stringify(p.world.logger.errors.slice(0, 2))}\n`);
      await p.world.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
