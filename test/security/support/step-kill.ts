/**
 * The built gateway (dist/gateway/main.js) killed with a real SIGKILL at one step of one operation:
 * die-at-step.cjs is preloaded into it and counts SQLite operations from the first call to
 * /functions/ or the first scheduler tick. A run with STEP_LOG lists the steps of an operation;
 * each crash run copies a prepared data directory and dies at step n.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../../cloudfunctions/core/ports/logger';
import { createLocalDeps } from '../../../cloudfunctions/core/runtime/local-deps';
import { GATEWAY_MAIN } from './gateway-process';

const PRELOAD = path.join(__dirname, 'die-at-step.cjs');
const quiet: Logger = { error: () => undefined, info: () => undefined };

export interface StepGateway {
  /** The address once it listens (rejects if the process ends first). */
  url: Promise<string>;
  /** The signal that ended the process (null after a clean exit). */
  ended: Promise<NodeJS.Signals | null>;
  /** The steps it counted, when started with STEP_LOG. */
  steps(): string[];
  stop(): Promise<void>;
}

/** Starts the gateway on `dir` with the preload; `on` is what starts the count. */
export function startStepGateway(dir: string, on: 'call' | 'tick', env: Record<string, string>): StepGateway {
  const child = spawn(process.execPath, [GATEWAY_MAIN], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      PORT: '0',
      TICK_MS: on === 'tick' ? '300' : '3600000',
      DIE_ON: on,
      NODE_OPTIONS: `--require ${PRELOAD}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const url = (async () => {
    for (;;) {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) return m[1];
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway ended before listening:\n${out}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  url.catch(() => undefined);
  return {
    url,
    ended,
    steps: () => [...out.matchAll(/^\[step\] \d+ (.*)$/gm)].map((m) => m[1]),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
}

/** A fresh copy of a prepared data directory. */
export function copyDir(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'jz-step-'));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** The local ports on `dir`'s database, as a restarted gateway opens them. */
export function openDeps(dir: string) {
  return createLocalDeps({ filename: path.join(dir, 'community.db'), logger: quiet, dataDir: dir });
}

export interface StoredMessage {
  _id: string;
  userId: string;
  template: string;
}

/** Every message in `dir`'s outbox, read straight from the file. */
export function storedMessages(dir: string): StoredMessage[] {
  const db = new Database(path.join(dir, 'community.db'), { readonly: true });
  try {
    return (db.prepare('SELECT data FROM outbox').all() as Array<{ data: string }>).map((r) => {
      const m = JSON.parse(r.data) as StoredMessage;
      return { _id: m._id, userId: m.userId, template: m.template };
    });
  } finally {
    db.close();
  }
}

/**
 * The crash points of an operation whose steps are `steps`, up to the COMMIT at `lastCommit`
 * (1-based; the last COMMIT among the steps when not given, and then every later step too): before
 * each step that writes (BEGIN, SAVEPOINT, INSERT, UPDATE, DELETE, RELEASE, COMMIT) and right after
 * each COMMIT. A death before a read leaves what a death before the next write leaves — nothing
 * happens in between — so these are every distinct state a death at any step can leave.
 */
export function crashSteps(steps: string[], lastCommit?: number): number[] {
  const commits = steps.flatMap((s, i) => (/^exec COMMIT/.test(s) ? [i + 1] : []));
  const last = lastCommit ?? commits[commits.length - 1];
  if (!last) throw new Error(`no COMMIT among the steps:\n${steps.join('\n')}`);
  const end = lastCommit ? last : steps.length;
  const points = new Set<number>();
  steps.forEach((s, i) => {
    if (i + 1 > end) return;
    if (!/^(get|all) SELECT/.test(s)) points.add(i + 1);
    if (/^exec COMMIT/.test(s)) points.add(i + 2);
  });
  return [...points].sort((a, b) => a - b);
}

/** The step of the last COMMIT whose transaction ran a statement matching `pattern` (0 when none). */
export function lastCommitTouching(steps: string[], pattern: RegExp): number {
  let touched = false;
  let last = 0;
  steps.forEach((s, i) => {
    if (/^exec BEGIN/.test(s)) touched = false;
    else if (pattern.test(s)) touched = true;
    else if (/^exec COMMIT/.test(s) && touched) last = i + 1;
  });
  return last;
}
