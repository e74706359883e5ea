/**
 * Gateway test harness: the real local gateway on a free loopback port, over a temp-file
 * SQLite database with the demo seed.
 *
 *   const g = await startTestGateway();
 *   const r = await g.post('volunteer', 'signup', { activityId }, 'demo-volunteer');
 *   await g.close();
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../../cloudfunctions/core/app/result';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { MemoryLogger } from '../../cloudfunctions/core/adapters/console-logger';
import { startGateway, type Gateway } from '../../cloudfunctions/core/runtime/gateway';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';
import { DEFAULT_NOW } from './harness';

export interface TestGateway {
  url: string;
  gateway: Gateway;
  deps: ReturnType<typeof createLocalDeps>;
  clock: FixedClock;
  logger: MemoryLogger;
  dir: string;
  post<T = unknown>(fn: string, action: string, data?: unknown, openid?: string): Promise<Result<T>>;
  close(): Promise<void>;
}

export async function startTestGateway(options: { now?: string; seed?: boolean } = {}): Promise<TestGateway> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-test-'));
  const clock = new FixedClock(options.now ?? DEFAULT_NOW);
  const logger = new MemoryLogger();
  const deps = createLocalDeps({ filename: path.join(dir, 'community.db'), clock, logger });
  if (options.seed !== false) await seedDemo(deps);
  const gateway = await startGateway({ deps, port: 0, tickMs: 0, dataDir: dir });
  return {
    url: gateway.url,
    gateway,
    deps,
    clock,
    logger,
    dir,
    // A fresh connection per call (agent: false): fetch's pooled keep-alive sockets race the gateway's
    // 5 s keepAliveTimeout on a loaded machine, and a reused socket the server just closed fails
    // with ECONNRESET before the request reaches the gateway.
    post: (fn, action, data = {}, openid) =>
      new Promise((resolve, reject) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (openid) headers['x-openid'] = openid;
        const req = http.request(`${gateway.url}/functions/${fn}`, { method: 'POST', headers, agent: false }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            try {
              resolve(JSON.parse(text) as never);
            } catch (err) {
              reject(err);
            }
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(JSON.stringify({ action, data }));
      }),
    close: async () => {
      await gateway.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
