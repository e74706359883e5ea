import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { USERS, type UserDoc } from '../app/account/user';
import type { Deps } from '../app/context';
import { userIdFor } from '../app/ids';
import { dispatch } from '../app/dispatch';
import { FUNCTIONS, isFunctionName } from '../app/functions';
import type { AppError } from '../app/result';
import { tick } from '../app/scheduler/tick';
import { createUploadsHandler } from './uploads';

/** 100 KB: the platform's limit on a function call's text payload (API.md §3). */
const MAX_BODY_BYTES = 100 * 1024;
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

export interface GatewayOptions {
  deps: Deps;
  host?: string;
  port?: number;
  /** Scheduler interval in ms; 0 turns the interval off. */
  tickMs?: number;
  /** Where uploaded photos are kept (`<dataDir>/uploads`); default ./.data. */
  dataDir?: string;
  /** Time to receive a request's headers, and the whole request, in ms (defaults 10 s and 15 s). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface Gateway {
  url: string;
  server: http.Server;
  /** Stops accepting, lets in-flight calls finish, stops the scheduler, closes the store. */
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, error: AppError, close = false): void {
  if (close) res.setHeader('connection', 'close');
  send(res, status, { ok: false, error });
}

/**
 * The local gateway (API.md §3): every cloud function in one process on the embedded database.
 * `x-openid` stands in for the platform-injected OPENID; this is the local mode only — the
 * production entries never read identity from a request.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { deps } = options;
  let inFlight = 0;
  let idle: (() => void) | null = null;

  // Only approved users may put files on the disk of the machine.
  const uploads = createUploadsHandler({
    dir: path.join(options.dataDir ?? './.data', 'uploads'),
    mayUpload: async (openid) => (await deps.store.get<UserDoc>(USERS, userIdFor(openid, deps.userIdSalt)))?.status === 'active',
  });

  /**
   * An exported spreadsheet (`local://files/<name>`, API.md §6), for an active user only: the
   * mini-program downloads it with the x-openid header (wx.downloadFile) and opens it.
   */
  const download = async (req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> => {
    req.resume();
    const header = req.headers['x-openid'];
    const openid = typeof header === 'string' && OPENID.test(header) ? header : null;
    const user = openid ? await deps.store.get<UserDoc>(USERS, userIdFor(openid, deps.userIdSalt)) : null;
    if (user?.status !== 'active') return sendError(res, 403, { code: 'FORBIDDEN', message: '只有已审核的用户可以下载文件' });
    const body = deps.files ? await deps.files.read(`local://files/${name}`) : null;
    if (!body) return sendError(res, 404, { code: 'NOT_FOUND', message: '文件不存在' });
    const type = name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    res.writeHead(200, { 'content-type': type, 'content-length': body.byteLength, 'cache-control': 'no-store' });
    res.end(body);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (await uploads(req, res)) return;
    const url = req.url ?? '/';
    if (req.method === 'GET' && url === '/healthz') return send(res, 200, { ok: true });
    const file = /^\/files\/([A-Za-z0-9_-]{8,64}\.(xlsx|csv))$/.exec(url);
    if (req.method === 'GET' && file) return download(req, res, file[1]);
    const match = /^\/functions\/([A-Za-z0-9_-]{1,40})$/.exec(url);
    if (!match || !isFunctionName(match[1])) {
      req.resume();
      return sendError(res, 404, { code: 'NOT_FOUND', message: '没有这个云函数' });
    }
    if (req.method !== 'POST') {
      req.resume();
      return sendError(res, 404, { code: 'NOT_FOUND', message: '请使用 POST 调用云函数' });
    }
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type)) {
      req.resume();
      return sendError(res, 400, { code: 'INVALID_INPUT', message: '请求体须为 JSON（content-type: application/json）' });
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      return sendError(res, 400, { code: 'INVALID_INPUT', message: '请求体超过 100 KB' }, true);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        break;
      }
      chunks.push(chunk as Buffer);
    }
    if (tooLarge) return sendError(res, 400, { code: 'INVALID_INPUT', message: '请求体超过 100 KB' }, true);
    let event: unknown;
    try {
      event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return sendError(res, 400, { code: 'INVALID_INPUT', message: '请求体不是合法的 JSON' });
    }
    const header = req.headers['x-openid'];
    const openid = typeof header === 'string' && OPENID.test(header) ? header : null;
    send(res, 200, await dispatch(match[1], FUNCTIONS[match[1]], event, deps, openid));
  };

  const requestTimeout = options.requestTimeoutMs ?? 15_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout);
  const server = http.createServer(
    { maxHeaderSize: 16 * 1024, requestTimeout, headersTimeout, connectionsCheckingInterval: Math.min(headersTimeout, 30_000) / 2 },
    (req, res) => {
      inFlight++;
      handle(req, res)
        .catch((err) => {
          // A client that hangs up mid-request is not a failure of ours: nothing to log or answer.
          if (req.destroyed || res.destroyed || (err as NodeJS.ErrnoException)?.code === 'ECONNRESET') {
            res.destroy();
            return;
          }
          deps.logger.error('gateway request failed', err);
          if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
          else res.destroy();
        })
        .finally(() => {
          inFlight--;
          if (inFlight === 0 && idle) idle();
        });
    },
  );
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // Answer what can be answered, then close for good: a client that never closes its side must
    // not keep the connection.
    const status =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`, () => socket.destroy());
    else socket.destroy();
    setTimeout(() => socket.destroy(), 1_000).unref();
  });

  let ticking = false;
  const tickMs = options.tickMs ?? 60_000;
  const timer =
    tickMs > 0
      ? setInterval(() => {
          if (ticking) return;
          ticking = true;
          tick(deps)
            .catch((err) => deps.logger.error('scheduler tick failed', err))
            .finally(() => (ticking = false));
        }, tickMs)
      : null;
  timer?.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  return {
    url: `http://${host}:${addr.port}`,
    server,
    close: async () => {
      if (timer) clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      while (ticking) await new Promise((r) => setTimeout(r, 10));
      server.closeAllConnections();
      await closed;
      await deps.store.close();
    },
  };
}
