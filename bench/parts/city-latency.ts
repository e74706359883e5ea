// Bench part: latency as the city grows (issue #16 §3). Every call the pages make on their first
// render (recorded by the first-render bench: function, action, data, caller) is timed through the
// function entries on two copies of the generated city, a tenth of Jingzhou and the whole of it,
// both open in this process and measured in alternating rounds; each figure is the median over the
// rounds of each round's p50 and p99. Each call's depth (store calls in sequence) is measured too,
// with every store call answering BENCH_CITY_DELAY_MS late (bench/city/delayed-store.ts): the
// median wall time of a few calls divided by the delay, less the time the call takes undelayed.
// Usage: node dist/bench/city-latency.js <calls.json> <label>=<file> <label>=<file>
import fs from 'node:fs';
import { FUNCTIONS, type FunctionName } from '../../cloudfunctions/core/app/functions';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { delayedStore } from '../city/delayed-store';
import { median, percentile, writeResult } from '../lib/io';
import { openWorld, type World } from '../lib/world';

const ROUNDS = Number(process.env.BENCH_CITY_ROUNDS ?? 5);
const CALLS = Number(process.env.BENCH_CITY_CALLS ?? 100);
const WARMUP = 10;
const DELAY_MS = Number(process.env.BENCH_CITY_DELAY_MS ?? 20);
const DEPTH_CALLS = 5;

export interface FirstCall {
  fn: string;
  action: string;
  data: unknown;
  openid: string | null;
}

interface Timed {
  times: number[];
  failures: string[];
  cpuMsPerCall: number;
  answerBytes: number;
}

async function timeCall(w: World, c: FirstCall, n: number): Promise<Timed> {
  const times: number[] = [];
  const failures: string[] = [];
  let answerBytes = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = await w.call(c.fn, c.action, c.data, c.openid);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    answerBytes = JSON.stringify(r).length;
    if (!r.ok && failures.length < 3) failures.push(`${r.error.code}${r.error.reason ? ` ${r.error.reason}` : ''}: ${r.error.message}`);
  }
  const cpu = process.cpuUsage(cpu0);
  return { times, failures, cpuMsPerCall: (cpu.user + cpu.system) / 1000 / n, answerBytes };
}

/** Store calls in sequence: (median wall time with every store call delayed − undelayed p50) / delay. */
async function depthOf(w: World, c: FirstCall, undelayedMs: number): Promise<number> {
  const entry = createCloudEntry(c.fn, FUNCTIONS[c.fn as FunctionName], { ...w.deps, store: delayedStore(w.deps.store, DELAY_MS) });
  const times: number[] = [];
  for (let i = 0; i < DEPTH_CALLS; i++) {
    const t0 = process.hrtime.bigint();
    await entry({ action: c.action, data: c.data }, platformContextFor(c.openid));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return Math.round((median(times) - undelayedMs) / DELAY_MS);
}

async function main(): Promise<void> {
  const [callsFile, ...sized] = process.argv.slice(2);
  const input = JSON.parse(fs.readFileSync(callsFile, 'utf8')) as Array<FirstCall & { pages: string[] }>;
  const worlds: Array<{ label: string; world: World }> = [];
  for (const arg of sized) {
    const [label, file] = arg.split('=');
    worlds.push({ label, world: await openWorld(file, { seed: false }) });
  }
  const key = (c: FirstCall, label: string) => `${c.fn}.${c.action}|${c.openid}|${JSON.stringify(c.data)}@${label}`;
  const acc = new Map<string, { p50: number[]; p99: number[]; cpu: number[]; failures: string[]; answerBytes: number; depth?: number }>();
  for (const c of input) for (const { world } of worlds) await timeCall(world, c, WARMUP);
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of input) {
      // Alternate which size goes first, so neither gets a systematic advantage.
      const order = round % 2 === 0 ? worlds : [...worlds].reverse();
      for (const { label, world } of order) {
        const t = await timeCall(world, c, CALLS);
        const k = key(c, label);
        const a = acc.get(k) ?? { p50: [], p99: [], cpu: [], failures: [], answerBytes: 0 };
        a.p50.push(percentile(t.times, 50));
        a.p99.push(percentile(t.times, 99));
        a.cpu.push(t.cpuMsPerCall);
        a.failures.push(...t.failures);
        a.answerBytes = t.answerBytes;
        acc.set(k, a);
      }
    }
    process.stderr.write(`[bench] city latency: round ${round + 1}/${ROUNDS}\n`);
  }
  for (const c of input) {
    for (const { label, world } of worlds) {
      const a = acc.get(key(c, label))!;
      a.depth = await depthOf(world, c, median(a.p50));
    }
  }
  writeResult({
    rounds: ROUNDS,
    callsPerRound: CALLS,
    delayMs: DELAY_MS,
    sizes: worlds.map((x) => x.label),
    calls: input.map((c) => ({
      ...c,
      bySize: Object.fromEntries(
        worlds.map(({ label }) => {
          const a = acc.get(key(c, label))!;
          return [
            label,
            {
              p50: median(a.p50),
              p99: median(a.p99),
              depth: a.depth,
              cpuMsPerCall: median(a.cpu),
              answerBytes: a.answerBytes,
              p99Rounds: a.p99,
              failures: a.failures.slice(0, 3),
            },
          ];
        }),
      ),
    })),
  });
  for (const { world } of worlds) await world.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
