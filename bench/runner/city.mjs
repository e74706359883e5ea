// The city parts (issue #16 §3): the generated city (cached), latency of every page's first calls at
// a tenth of the city and at the whole city, and the owners' vote at scale.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, log, ms, out, root, rowCollector, runPart, tmp } from './common.mjs';
import { firstRender } from './setdata.mjs';

/** The sizes measured: a tenth of Jingzhou and the whole city (BENCH_CITY_FRACTIONS overrides). */
const FRACTIONS = (process.env.BENCH_CITY_FRACTIONS ?? '0.1,1').split(',').map(Number);
const CACHE = path.join(root, '.data/bench-city');
const label = (f) => (f === 1 ? 'full city' : f === 0.1 ? '1/10 city' : `${f} city`);

/**
 * The generated city at `fraction`, from the cache when the generator is unchanged: the file is
 * keyed by a hash of the generator's bundle (bench/city/ and every product module it uses: the
 * document builders, the seed, the collections and their indexes), so any change to what the
 * documents would be makes a new file.
 */
function cityDatabase(fraction) {
  const bundle = fs.readFileSync(path.join(out, 'city-db.js'));
  const version = createHash('sha256').update(bundle).update(String(fraction)).digest('hex').slice(0, 12);
  const file = path.join(CACHE, `city-${fraction}-${version}.db`);
  const reportFile = `${file}.json`;
  fs.mkdirSync(CACHE, { recursive: true });
  if (fs.existsSync(file) && fs.existsSync(reportFile)) {
    log(`city: ${label(fraction)} from the cache (${path.relative(root, file)})`);
    return { file, report: { ...JSON.parse(fs.readFileSync(reportFile, 'utf8')), cached: true } };
  }
  // Other versions of this size are stale.
  for (const f of fs.readdirSync(CACHE)) if (f.startsWith(`city-${fraction}-`)) fs.rmSync(path.join(CACHE, f), { force: true });
  log(`city: generating the ${label(fraction)} into ${path.relative(root, file)}`);
  const partial = `${file}.partial`;
  const report = runPart('city-db', [partial, String(fraction)]);
  fs.renameSync(partial, file);
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n');
  return { file, report: { ...report, cached: false } };
}

/** Every distinct call the pages make on their first render, with the pages that make it. */
function firstCalls(setdata) {
  const calls = new Map();
  for (const p of setdata.pages) {
    for (const c of p.calls ?? []) {
      const k = JSON.stringify([c.fn, c.action, c.openid, c.data]);
      const entry = calls.get(k) ?? { ...c, pages: [] };
      if (!entry.pages.includes(p.page)) entry.pages.push(p.page);
      calls.set(k, entry);
    }
  }
  return [...calls.values()];
}

/** The city overview (issue #16 §3: depth ≤ 3, p99 ≤ 50 ms at the full city), measured even if no first render makes it. */
const OVERVIEW = { fn: 'admin', action: 'overview', data: { level: 'city' }, openid: 'demo-admin' };
const isOverview = (c) => c.fn === OVERVIEW.fn && c.action === OVERVIEW.action && c.openid === OVERVIEW.openid && c.data?.level === 'city';

export function city(results) {
  const setdata = results.setdata ?? (log("city: the first-render bench, for the pages' first calls"), firstRender());
  const calls = firstCalls(setdata);
  if (!calls.length) throw new Error('the first-render bench recorded no calls');
  if (!calls.some(isOverview)) calls.push({ ...OVERVIEW, pages: ['(the city overview, called directly)'] });
  const callsFile = path.join(tmp, 'city-calls.json');
  fs.writeFileSync(callsFile, JSON.stringify(calls));
  const databases = [];
  const args = [];
  for (const f of FRACTIONS) {
    const { file, report } = cityDatabase(f);
    // Measured on a copy: the cache stays as generated.
    const copy = path.join(tmp, path.basename(file));
    fs.copyFileSync(file, copy);
    databases.push({ label: label(f), bytes: fs.statSync(file).size, ...report });
    args.push(`${label(f)}=${copy}`);
  }
  log(`city: ${calls.length} first calls at ${databases.map((d) => d.label).join(' and ')}`);
  const latency = runPart('city-latency', [callsFile, ...args]);
  for (const a of args) fs.rmSync(a.split('=')[1], { force: true });
  return { databases, latency };
}

const describe = (c) => {
  const data = c.data && Object.keys(c.data).length ? ` ${JSON.stringify(c.data)}` : '';
  return `${c.fn}.${c.action} as ${c.openid}${data}`;
};

export function cityRows(c) {
  const { rows, row } = rowCollector();
  for (const d of c.databases) {
    const n = d.counts;
    row(
      `city data set — ${d.label}`,
      `${count(n.streets)} streets, ${count(n.communities)} communities, ${count(n.compounds)} compounds, ${count(n.users)} registered users, ` +
        `${count(n.requests)} requests with timelines, ${count(n.signups)} volunteer signups (${count(n.activities)} activities, ${count(n.volunteers)} profiles), ` +
        `${count(n.rating_periods)} rating periods (${d.shape.ratingPeriods} half-years), ${count(n.rating_sheets)} rating sheets; ` +
        `${(d.bytes / 2 ** 30).toFixed(2)} GB; generated in ${(d.ms / 1000).toFixed(0)} s${d.cached ? ' (from the cache)' : ''}`,
      d.label === 'full city'
        ? '30 streets, 368 communities, 3,000 compounds, 300,000 residents, 1,000,000 requests, 200,000 signups, 5 years'
        : '—',
      null,
    );
  }
  const l = c.latency;
  const [small, big] = l.sizes;
  for (const call of l.calls) {
    const s1 = call.bySize[small];
    const s2 = call.bySize[big];
    const failures = [...s1.failures, ...s2.failures];
    const ratio = s2.p99 / s1.p99;
    const grows = s2.answerBytes / s1.answerBytes;
    const within = failures.length === 0 && s2.p99 <= 20;
    row(
      `city latency — ${describe(call)} (first call of ${call.pages.join(', ')}; ${l.rounds} rounds × ${l.callsPerRound} calls)`,
      `${small}: p50 ${ms(s1.p50)}, p99 ${ms(s1.p99)}; ${big}: p50 ${ms(s2.p50)}, p99 ${ms(s2.p99)} (p99 × ${ratio.toFixed(2)}); CPU per call ${ms(s1.cpuMsPerCall)} / ${ms(s2.cpuMsPerCall)}; depth ${s1.depth ?? 'n/a'} / ${s2.depth ?? 'n/a'}; ` +
        `answer ${count(s1.answerBytes)} / ${count(s2.answerBytes)} bytes (× ${grows.toFixed(2)})` +
        (failures.length ? `; calls failed: ${failures[0]}` : ''),
      `p99 at ${big} ≤ 1.5 × p99 at ${small}, and ≤ 20 ms`,
      within && ratio <= 1.5 ? true : within && grows > 1.5 ? 'answerGrows' : false,
    );
    if (isOverview(call)) {
      row(
        `city overview — admin.overview {"level":"city"} as demo-admin at the ${big} (${count(call.bySize[big].answerBytes)} bytes answered)`,
        `p50 ${ms(s2.p50)}, p99 ${ms(s2.p99)}; depth ${s2.depth ?? 'n/a'} (${small}: p99 ${ms(s1.p99)}, depth ${s1.depth ?? 'n/a'})` +
          (failures.length ? `; calls failed: ${failures[0]}` : ''),
        'depth ≤ 3, p99 ≤ 50 ms',
        failures.length === 0 && s2.p99 <= 50 && s2.depth !== undefined && s2.depth <= 3,
      );
    }
  }
  return rows;
}

export function voteRows(v) {
  const { rows, row } = rowCollector();
  row(
    `owners' vote — ${count(v.units)}-unit compound, ${count(v.calls)} ballots, ${v.inFlight} in flight (through the function entry, embedded database)`,
    `${Math.round(v.votesPerSecond)} ballots/s (${(v.wallMs / 1000).toFixed(1)} s); p50 ${ms(v.p50Ms)}, p99 ${ms(v.p99Ms)} per call; CPU ${ms(v.cpuMsPerVote)} per ballot; ` +
      `${count(v.ballotsInDb)} ballots stored; tally ${v.tallyEqualsRecount ? 'equals' : 'DIFFERS from'} the recount (participating ${count(v.published.participating.number)})`,
    'every ballot accepted; tally = recount; throughput reported',
    v.tallyEqualsRecount && v.accepted === v.calls,
  );
  return rows;
}
