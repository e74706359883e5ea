// The far end of CloudBase's HTTP API, recorded: an http server on 127.0.0.1 that node-sdk is
// pointed at (`serviceUrl`), which records each request the SDK sends and answers it as the test
// says. The SDK and the adapter above it are the real code; only the server is stood in for.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { init } from '@cloudbase/node-sdk';
import { EJSON } from 'bson';

/** One request as the server reads it: the action, and query/data/order decoded from EJSON. */
export interface Recorded {
  action: string;
  at: number;
  collectionName?: string;
  transactionId?: string;
  queryType?: string;
  query?: unknown;
  data?: unknown;
  order?: unknown;
  offset?: number;
  limit?: number;
  multi?: boolean;
  /** The body as sent, for fields not decoded above. */
  raw: Record<string, unknown>;
}

/** What the recorder answers: a JSON body (HTTP 200), an HTTP status, no answer at all, or a reset connection. */
export type Reply = { body: object } | { status: number } | 'stall' | 'reset';

/** The replies node-sdk's source reads for each action (`@cloudbase/database` query.js, document.js, collection.js, transaction). */
export const replies = {
  list: (docs: object[]): Reply => ({ body: { requestId: 'r', data: { list: docs.map((d) => EJSON.stringify(d, { relaxed: false })) } } }),
  total: (total: number): Reply => ({ body: { requestId: 'r', data: { total } } }),
  updated: (updated: number): Reply => ({ body: { requestId: 'r', data: { updated } } }),
  returned: (doc: object | null, updated = doc ? 1 : 0): Reply => ({
    body: { requestId: 'r', data: { updated, doc: doc ? EJSON.stringify(doc, { relaxed: false }) : null } },
  }),
  deleted: (deleted: number | string): Reply => ({ body: { requestId: 'r', data: { deleted } } }),
  inserted: (...ids: string[]): Reply => ({ body: { requestId: 'r', data: { insertedIds: ids } } }),
  transaction: (transactionId: string): Reply => ({ body: { requestId: 'r', transactionId } }),
  done: (): Reply => ({ body: { requestId: 'r' } }),
  error: (code: string, message = code): Reply => ({ body: { requestId: 'r', code, message } }),
};

const decode = (v: unknown): unknown => (typeof v === 'string' ? EJSON.parse(v, { relaxed: true }) : v);

/** A sensible answer to each action when a test does not say otherwise. */
export function defaultReply(r: Recorded): Reply {
  switch (r.action) {
    case 'database.getDocument':
      return replies.list([]);
    case 'database.calculateDocument':
      return replies.total(0);
    case 'database.modifyDocument':
      return replies.updated(1);
    case 'database.modifyAndReturnDoc':
      return replies.returned(null);
    case 'database.removeDocument':
      return replies.deleted(0);
    case 'database.insertDocument':
      return replies.inserted('new');
    case 'database.startTransaction':
      return replies.transaction('tx-1');
    default:
      return replies.done();
  }
}

export class CloudBaseRecorder {
  readonly requests: Recorded[] = [];
  /** Answers each request; undefined leaves it to `defaultReply`. */
  reply: (r: Recorded, index: number) => Reply | undefined = defaultReply;
  private server: Server | null = null;
  private readonly stalled = new Set<ServerResponse>();

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    const { port } = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${port}/admin`;
  }

  /** node-sdk's database, as a cloud function would init it, with dummy credentials and this recorder as its server. */
  database(timeout = 3000): ReturnType<ReturnType<typeof init>['database']> {
    return init({ env: 'wire-test', secretId: 'AKIDwiretest', secretKey: 'wire-test-key', serviceUrl: this.url, timeout }).database();
  }

  /** The actions in order, e.g. ['database.startTransaction', 'database.getDocument', …]. */
  actions(): string[] {
    return this.requests.map((r) => r.action);
  }

  clear(): void {
    this.requests.length = 0;
    this.reply = defaultReply;
    this.releaseStalled();
  }

  releaseStalled(): void {
    for (const res of this.stalled) res.destroy();
    this.stalled.clear();
  }

  async stop(): Promise<void> {
    this.releaseStalled();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const raw = JSON.parse(text) as Record<string, unknown>;
    const r: Recorded = { action: String(raw.action), at: Date.now(), raw };
    for (const key of ['collectionName', 'transactionId', 'queryType', 'offset', 'limit', 'multi'] as const) {
      if (raw[key] !== undefined) (r as unknown as Record<string, unknown>)[key] = raw[key];
    }
    if (raw.query !== undefined) r.query = decode(raw.query);
    if (raw.order !== undefined) r.order = decode(raw.order);
    if (raw.data !== undefined) r.data = Array.isArray(raw.data) ? raw.data.map(decode) : decode(raw.data);
    this.requests.push(r);
    const answer = this.reply(r, this.requests.length - 1) ?? defaultReply(r);
    if (answer === 'stall') {
      this.stalled.add(res);
      return;
    }
    if (answer === 'reset') {
      req.socket.destroy();
      return;
    }
    if ('status' in answer) {
      res.statusCode = answer.status;
      res.end('server error');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer.body));
  }
}

/**
 * Runs the SDK as inside a cloud function (SCF), so it probes no cloud metadata service, and keeps
 * its slow-request warning quiet; restores the environment afterwards.
 */
export function asCloudFunction(): () => void {
  const keys = ['TENCENTCLOUD_RUNENV', 'TENCENTCLOUD_REGION', 'SCF_NAMESPACE', 'SILENCE'] as const;
  const saved = keys.map((k) => process.env[k]);
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'wire-test',
    SILENCE: 'true',
  });
  return () =>
    keys.forEach((k, i) => {
      if (saved[i] === undefined) delete process.env[k];
      else process.env[k] = saved[i];
    });
}
