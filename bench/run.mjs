// `npm run bench` (issue #7): measures performance — never in timed tests — and prints ONE table,
// also written to bench/results.md and bench/results.json with the machine it ran on.
//
// Parts (each figure a median of repeated runs; each comparison measured side by side in one run):
//   cold start      fresh `node` per run: each function's bundle answering one call on the embedded
//                   database vs a conventional unbundled wx-server-sdk function (bench/baseline/);
//                   plus the production bundle's load (require only)
//   round trips     reads and writes per action through a CountingStore (budgets: round-trip-budgets.ts)
//   latency         p50/p99 of the main actions at 1,000 and 100,000 documents per collection
//   contention      1,000 concurrent signups over HTTP through the local gateway on 50 seats
//   size            bytes of the built mini-program, main package vs subpackages
//   first render    JSON bytes of every setData on each page's first render with the demo data
//
// `node bench/run.mjs [part ...]` runs only the named parts (cold, trips, latency, contention, size,
// setdata) and prints their rows; bench/results.* are written only by a full run (or with --write).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/bench');
const ALL_PARTS = ['cold', 'trips', 'latency', 'contention', 'size', 'setdata'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const parts = wanted.length ? wanted : ALL_PARTS;
for (const p of parts) if (!ALL_PARTS.includes(p)) throw new Error(`unknown part ${p}; parts: ${ALL_PARTS.join(', ')}`);

const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 20);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

// ---------------------------------------------------------------------------------------------
// Building

/** The functions, as scripts/build.mjs builds them (one folder per function under cloudfunctions/). */
function functionNames() {
  const src = fs.readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8');
  const m = /FUNCTION_NAMES\s*=\s*\[([^\]]*)\]/.exec(src);
  if (!m) throw new Error('FUNCTION_NAMES not found in scripts/build.mjs');
  return [...m[1].matchAll(/'([a-z]+)'/g)].map((x) => x[1]);
}

const nodeBundle = { bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], logLevel: 'warning' };

async function buildParts(names) {
  await build({
    ...nodeBundle,
    target: 'node20',
    entryPoints: names.map((n) => path.join(root, 'bench/parts', `${n}.ts`)),
    outdir: out,
    external: ['better-sqlite3', 'esbuild'],
  });
}

/**
 * The cold-start bundle of a function: its real entry code (createCloudEntry with only its own
 * action map, as cloudfunctions/<fn>/index.ts) wired to the SQLite deps, built with the production
 * options of scripts/build.mjs (minified, node16, cjs) and better-sqlite3 left external.
 */
async function buildColdBundle(fn) {
  const index = fs.readFileSync(path.join(root, 'cloudfunctions', fn, 'index.ts'), 'utf8');
  let contents;
  if (fn === 'scheduler') {
    contents = `import { localSchedulerEntry } from './bench/cold/local-entry';\nexport const main = localSchedulerEntry();\n`;
  } else {
    const m = /import\s*\{\s*(\w+)\s*\}\s*from\s*'\.\.\/core\/app\/([\w-]+)\/actions'/.exec(index);
    if (!m) throw new Error(`cloudfunctions/${fn}/index.ts: no action map import found`);
    contents =
      `import { ${m[1]} } from './cloudfunctions/core/app/${m[2]}/actions';\n` +
      `import { localEntry } from './bench/cold/local-entry';\n` +
      `export const main = localEntry(${JSON.stringify(fn)}, ${m[1]});\n`;
  }
  const outfile = path.join(out, 'cold', fn, 'index.js');
  await build({
    ...nodeBundle,
    stdin: { contents, resolveDir: root, sourcefile: `bench-cold-${fn}.ts`, loader: 'ts' },
    outfile,
    target: 'node16',
    minify: true,
    legalComments: 'none',
  });
  return outfile;
}

function runNode(args, env = {}, { quiet = false } = {}) {
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
  }
  if (!quiet && r.stderr.trim()) process.stderr.write(r.stderr);
  return r.stdout;
}

/** Runs a bundled part in its own process and returns its JSON result. */
function runPart(name, args = [], env = {}) {
  const file = path.join(tmp, `${name}.json`);
  runNode([path.join(out, `${name}.js`), ...args], { ...env, BENCH_OUT: file });
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// Statistics

function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms' : 'n/a');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const count = (n) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Cold start

/** The call each function's cold start answers: a representative read on the demo data. */
const COLD_CALLS = {
  account: { action: 'whoami', data: {}, openid: 'demo-resident' },
  community: { action: 'list', data: {}, openid: 'demo-resident' },
  volunteer: { action: 'listActivities', data: { communityId: 'cm_hongxing' }, openid: 'demo-volunteer' },
  requests: { action: 'list', data: { scope: 'mine' }, openid: 'demo-resident' },
  ratings: { action: 'board', data: {}, openid: 'demo-resident' },
};

function contextFor(openid) {
  const environment = { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_APPID: 'wx-local' };
  if (openid) environment.WX_OPENID = openid;
  return { environment: JSON.stringify(environment), request_id: 'bench' };
}

/** Wall time from spawn to the answer's line on stdout, in ms, and the answer. */
function timeSpawn(args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let answeredAt = null;
    child.stdout.on('data', (d) => {
      stdout += d;
      if (answeredAt === null && stdout.includes('\n')) answeredAt = process.hrtime.bigint();
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || answeredAt === null) return reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ ms: Number(answeredAt - started) / 1e6, answer: stdout.split('\n')[0] });
    });
  });
}

async function coldStart() {
  const fns = functionNames();
  log('cold start: building the production bundles (scripts/build.mjs functions) and the bench bundles');
  runNode([path.join(root, 'scripts/build.mjs'), 'functions'], {}, { quiet: true });
  const db = path.join(tmp, 'cold.db');
  runNode([path.join(out, 'seed-db.js'), db]);
  const invoke = path.join(root, 'bench/cold/invoke.cjs');
  const baseline = path.join(root, 'bench/baseline/index.js');

  const variants = [];
  const baselineCall = { action: 'whoami', data: {}, openid: 'demo-resident' };
  variants.push({
    key: 'baseline',
    args: [invoke, baseline],
    // wx-server-sdk reads the caller from the environment the platform sets per invocation.
    env: {
      BENCH_DB: db,
      BENCH_EVENT: JSON.stringify({ action: baselineCall.action, data: baselineCall.data }),
      BENCH_CONTEXT: JSON.stringify(contextFor(baselineCall.openid)),
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
      WX_OPENID: baselineCall.openid,
      WX_APPID: 'wx-local',
    },
  });
  const notes = {};
  for (const fn of fns) {
    const bundle = await buildColdBundle(fn);
    let event;
    let openid = null;
    if (fn === 'scheduler') event = { Type: 'Timer', TriggerName: 'every10min', Time: new Date().toISOString() };
    else {
      const actions = await actionNames(fn);
      const call = COLD_CALLS[fn];
      if (call && actions.includes(call.action)) {
        event = { action: call.action, data: call.data };
        openid = call.openid;
        notes[fn] = `${fn}.${call.action}`;
      } else {
        // Not built yet: the entry still loads, opens the database and answers (UNKNOWN_ACTION).
        event = { action: call?.action ?? 'ping', data: {} };
        openid = 'demo-resident';
        notes[fn] = `${fn}.${event.action} not built: answers UNKNOWN_ACTION`;
      }
    }
    if (fn === 'scheduler') notes[fn] = 'scheduler tick';
    const env = { BENCH_DB: db, BENCH_EVENT: JSON.stringify(event), BENCH_CONTEXT: JSON.stringify(contextFor(openid)) };
    variants.push({ key: `bench:${fn}`, fn, args: [invoke, bundle], env, bytes: fs.statSync(bundle).size });
    const prod = path.join(root, 'dist/functions', fn, 'index.js');
    variants.push({ key: `prod:${fn}`, fn, args: [invoke, prod, '--load-only'], env: {}, bytes: fs.statSync(prod).size });
  }

  // One warm-up round (file cache), then COLD_RUNS rounds, each variant once per round, interleaved.
  const times = Object.fromEntries(variants.map((v) => [v.key, []]));
  const answers = {};
  for (let round = 0; round <= COLD_RUNS; round++) {
    for (const v of variants) {
      const r = await timeSpawn(v.args, v.env);
      if (round > 0) times[v.key].push(r.ms);
      answers[v.key] = r.answer;
    }
    if (round % 5 === 0) log(`cold start: round ${round}/${COLD_RUNS}`);
  }
  const base = median(times.baseline);
  const baselineOk = JSON.parse(answers.baseline).ok === true;
  const result = {
    runs: COLD_RUNS,
    baseline: { medianMs: base, runsMs: times.baseline, answeredOk: baselineOk },
    functions: fns.map((fn) => {
      const b = variants.find((v) => v.key === `bench:${fn}`);
      const p = variants.find((v) => v.key === `prod:${fn}`);
      const answer = JSON.parse(answers[b.key]);
      return {
        fn,
        call: notes[fn],
        answeredOk: answer.ok === true,
        answerCode: answer.ok ? null : answer.error?.code,
        medianMs: median(times[b.key]),
        ratio: median(times[b.key]) / base,
        runsMs: times[b.key],
        bundleBytes: b.bytes,
        prodBundleBytes: p.bytes,
        prodLoadMedianMs: median(times[p.key]),
        prodLoadRunsMs: times[p.key],
      };
    }),
  };
  return result;
}

/** The action names of a function, read from its action map in a child process (via the bench bundle). */
const actionCache = new Map();
async function actionNames(fn) {
  if (!actionCache.has('all')) actionCache.set('all', JSON.parse(runNode([path.join(out, 'actions.js')])));
  return actionCache.get('all')[fn] ?? [];
}

// ---------------------------------------------------------------------------------------------
// First-render setData (a jest run: miniprogram-simulate needs the jsdom test setup)

function firstRender() {
  const file = path.join(tmp, 'setdata.json');
  const jest = path.join(root, 'node_modules/jest/bin/jest.js');
  const r = spawnSync(process.execPath, [jest, '-c', 'bench/setdata/jest.config.js', '--runInBand', '--silent'], {
    cwd: root,
    env: { ...process.env, BENCH_OUT: file },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!fs.existsSync(file)) throw new Error(`first-render jest run wrote no result (${r.status}):\n${r.stderr}`);
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  result.jestPassed = r.status === 0;
  if (r.status !== 0) result.jestOutput = r.stderr.slice(-4000);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Machine

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    date: new Date().toISOString(),
    load: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

// ---------------------------------------------------------------------------------------------
// Table

function status(okay) {
  if (okay === 'budgeted') return '**MISS** (within its budget)';
  return okay === null ? '—' : okay ? 'ok' : '**MISS**';
}

function tableRows(results) {
  const rows = [];
  const row = (figure, measured, goal, okay) => rows.push({ figure, measured, goal, status: status(okay) });

  if (results.cold) {
    const c = results.cold;
    row(
      `cold start — conventional wx-server-sdk function (baseline, ${c.runs} runs)`,
      ms(c.baseline.medianMs),
      '—',
      c.baseline.answeredOk ? null : false,
    );
    for (const f of c.functions) {
      row(
        `cold start — ${f.fn} bundle (${kb(f.bundleBytes)}), ${f.call}`,
        `${ms(f.medianMs)} = ${f.ratio.toFixed(2)} × baseline${f.answeredOk ? '' : ` (answered ${f.answerCode})`}`,
        '≤ 0.5 × baseline',
        f.ratio <= 0.5 && (f.answeredOk || f.call.includes('not built')),
      );
      row(`load only — ${f.fn} production bundle (${kb(f.prodBundleBytes)}, CloudBase store)`, ms(f.prodLoadMedianMs), '—', null);
    }
  }
  if (results.trips) {
    for (const r of results.trips.rows) {
      const budgeted = r.budgetReads !== null && (r.budgetReads > 1 || r.budgetWrites > 3);
      const budget = budgeted ? `budget ${r.budgetReads} reads${r.budgetWrites > 3 ? `, ${r.budgetWrites} writes` : ''}` : '';
      const goal = `reads ≤ 1, writes ≤ 3${budgeted ? ` (${budget}: ${r.why})` : ''}`;
      if (r.reads === null) row(`round trips — ${r.fn}.${r.action}`, r.budgetReads === null ? 'n/a (no budget row)' : 'n/a', goal, false);
      else
        row(
          `round trips — ${r.fn}.${r.action}`,
          `${r.reads} reads, ${r.writes} writes${r.ok ? '' : ` (answered ${r.error?.code ?? 'error'})`}`,
          goal,
          r.ok && r.reads <= 1 && r.writes <= 3
            ? true
            : r.ok && r.reads <= r.budgetReads && r.writes <= r.budgetWrites
              ? 'budgeted'
              : false,
        );
    }
  }
  if (results.latency) {
    const l = results.latency;
    const [small, big] = l.sizes;
    for (const a of l.actions) {
      const figure = `latency — ${a.label} (${l.rounds} rounds × ${l.callsPerRound} calls)`;
      const goal = `p99 at ${count(big)} ≤ 1.5 × p99 at ${count(small)}, and ≤ 5 ms`;
      if (!a.built) {
        row(figure, 'n/a (not built)', goal, null);
        continue;
      }
      const s1 = a.bySize[small];
      const s2 = a.bySize[big];
      const failures = [...s1.failures, ...s2.failures];
      const ratio = s2.p99 / s1.p99;
      row(
        figure,
        `${count(small)}: p50 ${ms(s1.p50)}, p99 ${ms(s1.p99)}; ${count(big)}: p50 ${ms(s2.p50)}, p99 ${ms(s2.p99)} (p99 × ${ratio.toFixed(2)}); ` +
          `CPU per call ${ms(s1.cpuMsPerCall)} / ${ms(s2.cpuMsPerCall)}` +
          (failures.length ? `; calls failed: ${failures[0]}` : ''),
        goal,
        failures.length === 0 && ratio <= 1.5 && s2.p99 <= 5,
      );
    }
  }
  if (results.contention) {
    const c = results.contention;
    if (!c.built)
      row(
        'contention — 1,000 concurrent signups on 50 seats via the gateway',
        'n/a (not built)',
        'exactly 50 confirmed; throughput reported',
        null,
      );
    else
      row(
        `contention — ${c.signups} signups on ${c.seats} seats via the gateway, ${c.concurrency} in flight (${c.rounds.length} rounds)`,
        `${Math.round(c.callsPerSecond)} calls/s; p50 ${ms(c.p50Ms)}, p99 ${ms(c.p99Ms)} per call; gateway CPU ${ms(c.gatewayCpuMsPerCall)} per call; ` +
          `confirmed ${c.rounds.map((r) => `${r.confirmedAnswers} (db ${r.confirmedInDb})`).join(', ')}`,
        'exactly 50 confirmed; throughput reported',
        c.exactlyFiftyConfirmed,
      );
  }
  if (results.size) {
    const z = results.size;
    const unused = z.unreferencedComponents.reduce((n, c) => n + c.bytes, 0);
    row(
      'mini-program — main package',
      `${kb(z.main.bytes)} (${z.main.files} files; UI library ${kb(z.uiLibBytes)}, of which ${z.unreferencedComponents.length} copied components no page uses: ${kb(unused)})`,
      '≤ 600 KB (platform limit 2 MB)',
      z.main.bytes <= 600 * 1024,
    );
    for (const sp of z.subpackages)
      row(`mini-program — subpackage ${sp.name} (${sp.root})`, `${kb(sp.bytes)} (${sp.files} files)`, '—', null);
    row('mini-program — all packages', kb(z.total), '≤ 20 MB (platform)', z.total <= 20 * 1024 * 1024);
  }
  if (results.setdata) {
    for (const p of results.setdata.pages) {
      const notes = [p.failedRequests.length ? `failed calls: ${p.failedRequests.join(', ')}` : '', p.error ? `error: ${p.error}` : '']
        .filter(Boolean)
        .join('; ');
      row(
        `first render — ${p.page}${
          p.query && Object.keys(p.query).length
            ? `?${Object.entries(p.query)
                .map(([k, v]) => `${k}=${v}`)
                .join('&')}`
            : ''
        } as ${p.viewer}`,
        `${kb(p.totalBytes)} (initial data ${kb(p.initialDataBytes)} + ${p.setDataCalls.length} setData, largest ${kb(p.largestBytes)}; calls: ${p.requests.join(', ') || 'none'})${notes ? `; ${notes}` : ''}`,
        '≤ 16 KB per page',
        p.totalBytes <= 16 * 1024 && !p.error,
      );
    }
    if (!results.setdata.jestPassed) row('first render — jest run', 'failed (see results.json)', 'passes', false);
  }
  return rows;
}

function renderTable(rows) {
  const head = ['figure', 'measured', 'goal', 'status'];
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${esc(r.figure)} | ${esc(r.measured)} | ${esc(r.goal)} | ${r.status} |`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  fs.mkdirSync(out, { recursive: true });
  log(`building bench parts into ${path.relative(root, out)}`);
  await buildParts(['seed-db', 'actions', 'round-trips', 'latency', 'contention', 'size']);
  const loadAtStart = os.loadavg();
  const results = {};
  if (parts.includes('size')) {
    log('mini-program size');
    results.size = runPart('size');
  }
  if (parts.includes('trips')) {
    log('round trips');
    results.trips = runPart('round-trips');
  }
  if (parts.includes('cold')) results.cold = await coldStart();
  if (parts.includes('latency')) {
    log('latency: filling the databases (1,000 and 100,000 documents per collection)');
    results.latency = runPart('latency');
  }
  if (parts.includes('contention')) {
    log('contention: 1,000 concurrent signups through the gateway');
    results.contention = runPart('contention');
  }
  if (parts.includes('setdata')) {
    log('first-render setData (jest + miniprogram-simulate)');
    results.setdata = firstRender();
  }

  const m = { ...machine(), loadAtStart: loadAtStart.map((x) => Math.round(x * 100) / 100) };
  const rows = tableRows(results);
  const table = renderTable(rows);
  const header =
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}; ${m.date}; ` +
    `load average ${m.loadAtStart.join(' ')} at start, ${m.load.join(' ')} at end; bench took ${Math.round((Date.now() - started) / 1000)} s.`;
  console.log(table);
  console.log(`\n${header}`);
  if (wanted.length && !process.argv.includes('--write')) {
    log('only some parts ran: bench/results.* left as they were (add --write to overwrite them)');
    fs.rmSync(tmp, { recursive: true, force: true });
    return;
  }
  const md = `# Bench results\n\nWritten by \`npm run bench\` (bench/run.mjs); see bench/README.md for how each figure is measured.\n\n${header}\n\n${table}\n`;
  fs.writeFileSync(path.join(root, 'bench/results.md'), md);
  fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify({ machine: m, parts, rows, results }, null, 2) + '\n');
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
});
