// Cold start: each function's bundle answering one call on the embedded database, in a fresh `node`
// per run, against a conventional unbundled wx-server-sdk function (bench/baseline/), interleaved.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleFunction } from '../../scripts/build.mjs';
import { buildColdBundle, functionNames } from './build.mjs';
import { kb, log, median, ms, out, root, rowCollector, runNode, tmp } from './common.mjs';

const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 20);

/** The call each function's cold start answers: a representative read on the demo data. */
export const COLD_CALLS = {
  account: { action: 'whoami', data: {}, openid: 'demo-resident' },
  community: { action: 'list', data: {}, openid: 'demo-resident' },
  volunteer: { action: 'listActivities', data: { communityId: 'cm_hongxing' }, openid: 'demo-volunteer' },
  requests: { action: 'list', data: { scope: 'mine' }, openid: 'demo-resident' },
  ratings: { action: 'board', data: {}, openid: 'demo-resident' },
  messages: { action: 'unread', data: {}, openid: 'demo-resident' },
  // The first call of the pages each function serves: 社区架构 (admin), 业主表决 (owners), 服务需求 (outreach).
  admin: { action: 'structure', data: {}, openid: 'demo-admin' },
  owners: { action: 'list', data: {}, openid: 'demo-resident' },
  outreach: { action: 'listNeeds', data: { communityId: 'cm_hongxing', status: 'open' }, openid: 'demo-cadre' },
};

export function contextFor(openid) {
  const environment = { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_APPID: 'wx-local' };
  if (openid) environment.WX_OPENID = openid;
  return { environment: JSON.stringify(environment), request_id: 'bench' };
}

/** The baseline's call (whoami, as account's) on `db`; wx-server-sdk reads the caller from the environment the platform sets per invocation. */
export function baselineEnv(db) {
  const openid = 'demo-resident';
  return {
    BENCH_DB: db,
    BENCH_EVENT: JSON.stringify({ action: 'whoami', data: {} }),
    BENCH_CONTEXT: JSON.stringify(contextFor(openid)),
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: openid,
    WX_APPID: 'wx-local',
  };
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

export async function coldStart() {
  const fns = functionNames();
  log('cold start: building the production bundles (scripts/build.mjs functions) and the bench bundles');
  runNode([path.join(root, 'scripts/build.mjs'), 'functions'], {}, { quiet: true });
  const db = path.join(tmp, 'cold.db');
  runNode([path.join(out, 'seed-db.js'), db]);
  const invoke = path.join(root, 'bench/cold/invoke.cjs');
  const baseline = path.join(root, 'bench/baseline/index.js');

  const variants = [];
  variants.push({ key: 'baseline', args: [invoke, baseline], env: baselineEnv(db) });
  // Loading only, the same three ways: the baseline (require wx-server-sdk, cloud.init), each
  // production bundle as deployed, and the same bundle built without trimming (before issue #16).
  variants.push({ key: 'baseline-load', args: [invoke, baseline, '--load-only'], env: {} });
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
    variants.push({ key: `bench:${fn}`, fn, args: [invoke, bundle], env });
    const prod = path.join(root, 'dist/functions', fn, 'index.js');
    variants.push({ key: `prod:${fn}`, fn, args: [invoke, prod, '--load-only'], env: {} });
    const untrimmed = path.join(tmp, 'cold-untrimmed', fn, 'index.js');
    await bundleFunction(fn, untrimmed, { trim: false });
    variants.push({ key: `untrimmed:${fn}`, fn, args: [invoke, untrimmed, '--load-only'], env: {} });
  }

  for (const v of variants) if (v.fn) Object.assign(v, sizes(v));

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
  const baseLoad = median(times['baseline-load']);
  const baselineOk = JSON.parse(answers.baseline).ok === true;
  const result = {
    runs: COLD_RUNS,
    baseline: {
      medianMs: base,
      runsMs: times.baseline,
      answeredOk: baselineOk,
      loadMedianMs: baseLoad,
      loadRunsMs: times['baseline-load'],
    },
    functions: fns.map((fn) => {
      const b = variants.find((v) => v.key === `bench:${fn}`);
      const p = variants.find((v) => v.key === `prod:${fn}`);
      const u = variants.find((v) => v.key === `untrimmed:${fn}`);
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
        bundleTotalBytes: b.totalBytes,
        prodBundleBytes: p.bytes,
        prodBundleTotalBytes: p.totalBytes,
        prodLoadMedianMs: median(times[p.key]),
        prodLoadRunsMs: times[p.key],
        prodLoadRatio: median(times[p.key]) / baseLoad,
        untrimmedBundleBytes: u.bytes,
        untrimmedLoadMedianMs: median(times[u.key]),
        untrimmedLoadRunsMs: times[u.key],
        untrimmedLoadRatio: median(times[u.key]) / baseLoad,
      };
    }),
  };
  return result;
}

/**
 * What a variant's run reads of its bundle (index.js and the files of the split bundle it requires:
 * what every call shares, and the called action's group) and the whole bundle (exceljs.js aside).
 */
function sizes(v) {
  const r = spawnSync(process.execPath, v.args, {
    cwd: root,
    env: { ...process.env, ...v.env, BENCH_LOADED_FILES: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`node ${v.args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const size = (f) => fs.statSync(f).size;
  const folder = path.dirname(v.args[1]);
  const all = fs.readdirSync(folder).filter((f) => f.endsWith('.js') && f !== 'exceljs.js');
  return {
    bytes: JSON.parse(r.stdout.split('\n')[1]).reduce((n, f) => n + size(f), 0),
    totalBytes: all.reduce((n, f) => n + size(path.join(folder, f)), 0),
  };
}

/** The action names of a function, read from its action map in a child process (via the bench bundle). */
const actionCache = new Map();
async function actionNames(fn) {
  if (!actionCache.has('all')) actionCache.set('all', JSON.parse(runNode([path.join(out, 'actions.js')])));
  return actionCache.get('all')[fn] ?? [];
}

/** The whole bundle, where the run read only part of it. */
const split = (read, total) => (total && total > read ? ` of ${kb(total)}` : '');

export function coldRows(c) {
  const { rows, row } = rowCollector();
  row(
    `cold start — conventional wx-server-sdk function (baseline, ${c.runs} runs)`,
    ms(c.baseline.medianMs),
    '—',
    c.baseline.answeredOk ? null : false,
  );
  row(`load only — conventional wx-server-sdk function (baseline: require, cloud.init)`, ms(c.baseline.loadMedianMs), '—', null);
  for (const f of c.functions) {
    row(
      `cold start — ${f.fn} bundle (${kb(f.bundleBytes)} read${split(f.bundleBytes, f.bundleTotalBytes)}), ${f.call}`,
      `${ms(f.medianMs)} = ${f.ratio.toFixed(2)} × baseline${f.answeredOk ? '' : ` (answered ${f.answerCode})`}`,
      '≤ 0.5 × baseline',
      f.ratio <= 0.5 && (f.answeredOk || f.call.includes('not built')),
    );
    row(
      `load only — ${f.fn} production bundle (${kb(f.prodBundleBytes)} read${split(f.prodBundleBytes, f.prodBundleTotalBytes)}, CloudBase store; untrimmed ${kb(f.untrimmedBundleBytes)})`,
      `${ms(f.prodLoadMedianMs)} = ${f.prodLoadRatio.toFixed(2)} × baseline load (untrimmed: ${ms(f.untrimmedLoadMedianMs)} = ${f.untrimmedLoadRatio.toFixed(2)} ×)`,
      '≤ 0.5 × baseline load',
      f.prodLoadRatio <= 0.5,
    );
  }
  return rows;
}
