/**
 * The built local gateway (dist/gateway/main.js, `node scripts/build.mjs gateway`) as a child
 * process on a temp DATA_DIR: for the crash and hardening tests, which need a real process to kill
 * or a real listening address to probe.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
export const GATEWAY_MAIN = path.join(ROOT, 'dist/gateway/main.js');
const LOCK = path.join(os.tmpdir(), 'jingzhou-gateway-build.lock');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the gateway bundle; test files building at once take turns (a lock directory). */
export async function buildGateway(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Someone else is building; a lock older than two minutes was left by a killed run.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another gateway build');
      await sleep(200);
    }
  }
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'gateway'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

/** Starts dist/gateway/main.js with `env` (PORT 0 by default) and waits until /healthz answers. */
export async function startGatewayProcess(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<GatewayProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', TICK_MS: '0' };
  delete childEnv.HOST;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  }
  const child = spawn(process.execPath, [GATEWAY_MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  let url: string | null = null;
  while (!url) {
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) url = m[1];
    else if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${out}`);
    else if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`gateway did not start within ${timeoutMs} ms:\n${out}`);
    } else await sleep(50);
  }
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`gateway at ${url} never answered /healthz:\n${out}`);
    await sleep(100);
  }
  return {
    child,
    url,
    output: () => out,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jz-gateway-'));
}

/** POSTs one call; resolves with the envelope, or rejects when the connection fails. */
export async function post<T = unknown>(
  url: string,
  fn: string,
  action: string,
  data: unknown,
  openid?: string,
): Promise<{ ok: boolean; data?: T; error?: { code: string } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (openid) headers['x-openid'] = openid;
  const res = await fetch(`${url}/functions/${fn}`, { method: 'POST', headers, body: JSON.stringify({ action, data }) });
  return (await res.json()) as { ok: boolean; data?: T; error?: { code: string } };
}
