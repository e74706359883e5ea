// Where a production bundle's load time goes, per package: builds the function's bundle exactly as
// scripts/build.mjs does (trimmed or not) plus a source map, loads it RUNS times in a fresh
// `node --cpu-prof`, maps every sample through the source map to its original file and sums the
// time per package (node_modules/<pkg>, our code as "app", V8 compiling the bundle as "compile").
// Usage: node bench/cold/profile.mjs [function=account] [--untrimmed] [--baseline] [--answer] [--runs=5]
//   --baseline profiles bench/baseline/index.js (wx-server-sdk, unbundled: no source map needed).
//   --answer profiles what the cold-start row times: the bench's bundle of the function (SQLite
//   deps, bench/cold/local-entry.ts) loading and answering its cold call on the seeded demo database
//   (the baseline answering whoami with --baseline).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFunction } from '../../scripts/build.mjs';
import { buildColdBundle, buildParts } from '../runner/build.mjs';
import { baselineEnv, COLD_CALLS, contextFor } from '../runner/cold.mjs';
import { out, runNode, tmp } from '../runner/common.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const fn = args.find((a) => !a.startsWith('--')) ?? 'account';
const trimmed = !args.includes('--untrimmed');
const baseline = args.includes('--baseline');
const answer = args.includes('--answer');
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cold-prof-'));

let file;
/** The source map of each file of the bundle (index.js and, split off, its action groups' files). */
const maps = new Map();
const mapOf = (url) => (url ? maps.get(url.replace(/^file:\/\//, '')) : undefined);
/**
 * The original source of a position: none for esbuild's own code (its module wrappers and helpers),
 * which in a split bundle maps to the ESM build's file it came from (scripts/build.mjs's staging).
 */
function sourceAt(map, line, column) {
  const source = map?.findEntry(line, column)?.originalSource;
  return source && !/(^|\/)fn-[\w-]+-\w{6}\//.test(source) ? source : null;
}
// Unminified, so each line of the bundle comes from one source file (V8 attributes ticks to lines).
const unminified = { sourcemap: true, minify: false };
if (baseline) file = path.join(root, 'bench/baseline/index.js');
else {
  file = path.join(dir, fn, 'index.js');
  // The bench bundle requires better-sqlite3 from node_modules: it is built inside the repository.
  if (answer) file = path.join(out, 'cold-profile', fn, 'index.js');
  if (answer) await buildColdBundle(fn, { outfile: file, ...unminified });
  else await bundleFunction(fn, file, { trim: trimmed, ...unminified });
  const folder = path.dirname(file);
  for (const f of fs.readdirSync(folder).filter((f) => f.endsWith('.js.map'))) {
    maps.set(path.join(folder, f.slice(0, -4)), new SourceMap(JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8'))));
  }
}
let env = {};
if (answer) {
  const db = path.join(dir, 'cold.db');
  await buildParts(['seed-db']);
  runNode([path.join(out, 'seed-db.js'), db]);
  if (baseline) env = baselineEnv(db);
  else {
    const call = COLD_CALLS[fn];
    const event = call
      ? { action: call.action, data: call.data }
      : { Type: 'Timer', TriggerName: 'every10min', Time: new Date().toISOString() };
    env = { BENCH_DB: db, BENCH_EVENT: JSON.stringify(event), BENCH_CONTEXT: JSON.stringify(contextFor(call?.openid ?? null)) };
  }
}

/** The package a source path belongs to: node_modules/<@scope/name>, or our own code. */
function packageOf(source) {
  if (!source) return '(unmapped)';
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return source.startsWith('node:') ? 'node internals' : 'app';
  const rest = source.slice(at + 'node_modules/'.length).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

/** The category of each tick of a profile node: per line of the bundle where V8 recorded lines. */
function* ticksOf(node, samples) {
  const { url } = node.callFrame;
  const map = mapOf(url);
  if (map && node.positionTicks?.length) {
    let recorded = 0;
    for (const { line, ticks } of node.positionTicks) {
      recorded += ticks;
      const source = sourceAt(map, line - 1, 0);
      // esbuild's __require/__init wrappers (no source): V8 compiling the wrapped module's function
      // lazily on first call counts there, so it goes to the module it calls.
      yield [source ? packageOf(source) : calleePackage(node), ticks];
    }
    if (samples > recorded) yield [categorise(node.callFrame), samples - recorded];
  } else {
    const category = categorise(node.callFrame);
    yield [category === 'node internals' ? `node internals ← ${requirer(node)}` : category, samples];
  }
}

function calleePackage(node) {
  for (const id of node.children ?? []) {
    const { url, lineNumber, columnNumber } = byId.get(id).callFrame;
    const source = sourceAt(mapOf(url), lineNumber, columnNumber);
    if (source) return packageOf(source);
  }
  return '(esbuild runtime)';
}

/** Node's own JavaScript is mostly loading built-in modules: it counts for the nearest package on the stack that asked for them. */
function requirer(node) {
  for (let n = parentOf.get(node.id); n; n = parentOf.get(n.id)) {
    const { url } = n.callFrame;
    if (url && !url.startsWith('node:')) return mapOf(url) ? categorise(n.callFrame) : packageOf(url);
  }
  return 'node';
}

function categorise(frame) {
  const { url, functionName, lineNumber, columnNumber } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'gc';
    if (functionName === '(program)' || functionName === '(idle)') return functionName;
    return 'native';
  }
  if (url.startsWith('node:')) {
    // Compiling a module's source (one function for the whole bundle) shows as wrapSafe/compileFunction.
    return /wrapSafe|compileFunction/.test(functionName) ? 'compile' : 'node internals';
  }
  if (mapOf(url)) {
    const source = sourceAt(mapOf(url), lineNumber, columnNumber);
    return source ? packageOf(source) : '(esbuild runtime)';
  }
  return packageOf(url);
}

const totals = new Map();
let byId = new Map();
let parentOf = new Map();
let wall = 0;
for (let i = 0; i < runs; i++) {
  const profDir = path.join(dir, `prof-${i}`);
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`, path.join(root, 'bench/cold/invoke.cjs'), file, ...(answer ? [] : ['--load-only'])],
    { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const profile = JSON.parse(fs.readFileSync(path.join(profDir, fs.readdirSync(profDir)[0]), 'utf8'));
  byId = new Map(profile.nodes.map((n) => [n.id, n]));
  parentOf = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n])));
  // Time per node from the sample deltas, then split over its lines by their tick counts.
  const timeOf = new Map();
  const countOf = new Map();
  profile.samples.forEach((id, k) => {
    timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000);
    countOf.set(id, (countOf.get(id) ?? 0) + 1);
  });
  for (const [id, time] of timeOf) {
    const count = countOf.get(id);
    for (const [key, ticks] of ticksOf(byId.get(id), count)) totals.set(key, (totals.get(key) ?? 0) + (time * ticks) / count);
  }
  wall += (profile.endTime - profile.startTime) / 1000;
}

const rows = [...totals].map(([k, v]) => [k, v / runs]).sort((a, b) => b[1] - a[1]);
const label =
  (baseline
    ? 'bench/baseline (wx-server-sdk)'
    : answer
      ? `${fn} bench bundle (SQLite deps)`
      : `${fn} bundle${trimmed ? ' (trimmed)' : ' (untrimmed)'}`) + (answer ? ', load and answer' : ', load only');
console.log(
  `${label}: profiled ${(wall / runs).toFixed(0)} ms per load, mean of ${runs}; size ${baseline ? '—' : `${(fs.statSync(file).size / 1024).toFixed(0)} KB`}`,
);
for (const [k, v] of rows.filter(([, v]) => v >= 0.5)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(tmp, { recursive: true, force: true });
