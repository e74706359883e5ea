// Bench part: the owners' vote at scale (issue #16 §3). A compound of 5,000 units (the register
// imported through owners.importRegister, the owners linked by it), a motion drafted, announced and
// opened through the real actions and the scheduler, then 5,000 owners vote through the function
// entry with 200 calls in flight. Reports the throughput; the published tally must equal a recount
// of the ballots in the database (asserted: a difference fails the part).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BallotDoc, MotionDoc } from '../../cloudfunctions/core/app/owners/model';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import { COMPOUND, compoundOwners, CONVENOR, motionDraft } from '../../test/support/owners-compound';
import { median, percentile, writeResult } from '../lib/io';
import { openWorld } from '../lib/world';
import { whole } from '../../cloudfunctions/core/ports/store';

const UNITS = Number(process.env.BENCH_VOTE_UNITS ?? 5000);
const IN_FLIGHT = Number(process.env.BENCH_VOTE_IN_FLIGHT ?? 200);
const CHOICES = ['agree', 'object', 'abstain', 'agree'] as const;

interface Weight {
  number: number;
  area: number;
}

/** Runs the tasks with at most `limit` in flight. */
async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}

/** The tally recounted from the ballots themselves, independently of the motion's counters and the result. */
function recount(ballots: BallotDoc[]): Record<'participating' | 'agree' | 'object' | 'abstain', Weight> {
  const w = () => ({ number: 0, area: 0 });
  const t = { participating: w(), agree: w(), object: w(), abstain: w() };
  for (const b of ballots) {
    t.participating.number += b.units;
    t.participating.area += b.area;
    const c = t[b.choice as 'agree' | 'object' | 'abstain'];
    c.number += b.units;
    c.area += b.area;
  }
  return t;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-vote-'));
  const w = await openWorld(path.join(dir, 'vote.db'));
  try {
    // The compound's owners and the motion, as the tests build them (test/support/owners-compound.ts).
    const { rows, users } = compoundOwners(UNITS, w.clock.now().toISOString(), w.userId);
    const insert = w.deps.store.db.prepare('INSERT INTO "users" (_id, data) VALUES (?, ?)');
    w.deps.store.db.transaction(() => {
      for (const user of users) insert.run(user._id, JSON.stringify(user));
    })();
    await w.must('owners', 'importRegister', { compoundId: COMPOUND, rows }, CONVENOR);
    const { data, opensAt, closesAt } = motionDraft(w.clock.now());
    const d = await w.must<{ motionId: string }>('owners', 'draft', data, CONVENOR);
    const motionId = d.motionId;
    await w.must('owners', 'announce', { motionId }, CONVENOR);
    w.clock.set(opensAt);
    await tick(w.deps);

    const times: number[] = [];
    const failures: string[] = [];
    const tasks = Array.from({ length: UNITS }, (_, i) => async () => {
      const t0 = process.hrtime.bigint();
      const r = await w.call('owners', 'vote', { motionId, choice: CHOICES[i % CHOICES.length], clientToken: `tok-${i}-vote` }, `own-${i}`);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!r.ok && failures.length < 5) failures.push(`${r.error.code}: ${r.error.message}`);
      return r.ok;
    });
    const started = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const answers = await pool(tasks, IN_FLIGHT);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    const accepted = answers.filter(Boolean).length;

    w.clock.set(closesAt);
    await tick(w.deps);
    const result = await w.must<Record<'participating' | 'agree' | 'object' | 'abstain', Weight> & { ballots: number; outcome: string }>(
      'owners',
      'result',
      { motionId },
      CONVENOR,
    );
    const ballots: BallotDoc[] = [];
    for (let skip = 0; ; skip += 1000) {
      const page = await w.deps.store.find<BallotDoc>(
        'owner_ballots',
        { motionId },
        { orderBy: [['seq', 'asc']], limit: whole(1000), skip: whole(skip) },
      );
      ballots.push(...page);
      if (page.length < 1000) break;
    }
    const counted = recount(ballots);
    const motion = (await w.deps.store.get<MotionDoc>('owner_motions', motionId)) as MotionDoc;
    const published = {
      participating: result.participating,
      agree: result.agree,
      object: result.object,
      abstain: result.abstain,
    };
    const same = (a: Weight, b: Weight) => a.number === b.number && a.area === b.area;
    const tallyEqualsRecount =
      (['participating', 'agree', 'object', 'abstain'] as const).every((k) => same(counted[k], published[k])) &&
      result.ballots === ballots.length &&
      same(motion.turnout, counted.participating);
    writeResult({
      units: UNITS,
      inFlight: IN_FLIGHT,
      calls: UNITS,
      accepted,
      failures,
      wallMs,
      votesPerSecond: (accepted * 1000) / wallMs,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      medianMs: median(times),
      cpuMsPerVote: (cpu.user + cpu.system) / 1000 / UNITS,
      ballotsInDb: ballots.length,
      motionTurnout: motion.turnout,
      published,
      recount: counted,
      outcome: result.outcome,
      tallyEqualsRecount,
    });
    if (!tallyEqualsRecount)
      throw new Error(`owners vote: the published tally ${JSON.stringify(published)} differs from the recount ${JSON.stringify(counted)}`);
  } finally {
    await w.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
