// Shared by the bench runner's modules: paths, child processes, statistics and formatting.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the bench bundles are built. */
export const out = path.join(root, 'dist/bench');
/** This run's scratch folder (removed at the end of the run). */
export const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
export const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

export function runNode(args, env = {}, { quiet = false } = {}) {
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
export function runPart(name, args = [], env = {}) {
  const file = path.join(tmp, `${name}.json`);
  runNode([path.join(out, `${name}.js`), ...args], { ...env, BENCH_OUT: file });
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms' : 'n/a');
export const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
export const count = (n) => n.toLocaleString('en-US');

/**
 * A table row's status cell: true → ok, false → MISS, null → —, 'budgeted' → MISS within its budget,
 * 'answerGrows' → MISS by a call whose answer itself grows more than × 1.5 with the city (a list of
 * every street: 30 rows at the full city, 3 at a tenth), within its 20 ms bound: the measured cell
 * gives the answer's bytes at both sizes.
 */
export function status(okay) {
  if (okay === 'budgeted') return '**MISS** (within its budget)';
  if (okay === 'answerGrows') return '**MISS** (its answer itself grows more than × 1.5 with the city; within 20 ms)';
  return okay === null ? '—' : okay ? 'ok' : '**MISS**';
}

/** A row collector: `row(figure, measured, goal, okay)` appends to the returned `rows`. */
export function rowCollector() {
  const rows = [];
  const row = (figure, measured, goal, okay) => rows.push({ figure, measured, goal, status: status(okay) });
  return { rows, row };
}

export function machine() {
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

export function renderTable(rows) {
  const head = ['figure', 'measured', 'goal', 'status'];
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${esc(r.figure)} | ${esc(r.measured)} | ${esc(r.goal)} | ${r.status} |`);
  return lines.join('\n');
}
