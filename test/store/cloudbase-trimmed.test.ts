// The production bundles leave parts of @cloudbase/node-sdk out (scripts/trim-cloudbase-sdk.mjs) and
// keep only two of zod's languages (scripts/trim-zod-locales.mjs). Nothing a function needs may be
// cut: each function's bundle, built by scripts/build.mjs's `bundleFunction` (the production build,
// with the SDK's `init` and `productionDeps` exported beside `main`), is loaded here and drives every
// Store operation, both Files operations and the content check through the trimmed SDK up to its
// outgoing HTTP requests, answered by local stand-ins: the recorder for CloudBase's API
// (test/support/cloudbase-recorder.ts) and a COS server for the file bytes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Deps } from '../../cloudfunctions/core/app/context';
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { asCloudFunction, CloudBaseRecorder, replies, type Recorded, type Reply } from '../support/cloudbase-recorder';
import { whole } from '../../cloudfunctions/core/ports/store';

const root = path.resolve(__dirname, '../..');
const requireFile = createRequire(__filename);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trimmed-bundles-'));

/** Each function's bundle as scripts/build.mjs builds it, with the SDK's init and the production ports exported. */
function buildBundles(): string[] {
  const script = `
    import { bundleFunction, FUNCTION_NAMES } from ${JSON.stringify(path.join(root, 'scripts/build.mjs'))};
    for (const fn of FUNCTION_NAMES) {
      const contents = [
        "export { main } from './cloudfunctions/" + fn + "/index';",
        "export { productionDeps } from './cloudfunctions/core/runtime/cloud-entry';",
        "export { init } from '@cloudbase/node-sdk';",
      ].join('\\n');
      await bundleFunction(fn, ${JSON.stringify(dir)} + '/' + fn + '/index.js', { stdin: { contents, resolveDir: ${JSON.stringify(root)}, loader: 'ts' } });
    }
    console.log(FUNCTION_NAMES.join(','));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the bundles failed: ${r.stderr}`);
  return r.stdout.trim().split(',');
}

interface Bundle {
  main(
    event: unknown,
    context: unknown,
  ): Promise<{ ok: boolean; data?: unknown; error?: { code: string; issues?: Array<{ message: string }> } }>;
  productionDeps(app: unknown, env: Record<string, string | undefined>, fn: string): Deps;
  init(config: object): unknown;
}

/** COS as the SDK meets it: temporary download URLs and signed upload URLs, here on 127.0.0.1. */
class CosServer {
  readonly requests: Array<{ method: string; url: string; body: Buffer }> = [];
  private server: Server | null = null;
  /** The body of the answer to an upload: empty when COS took the file, an XML error otherwise. */
  uploadAnswer = '';
  constructor(private readonly content: Buffer) {}
  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }
  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }
  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks) });
    res.end(req.method === 'GET' ? this.content : this.uploadAnswer);
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const server = new CloudBaseRecorder();
const cos = new CosServer(Buffer.from('PK stored spreadsheet bytes'));
const FILE_ID = 'cloud://trim-test.7472-trim-test/uploads/register.xlsx';
const EXPORT_ID = 'cloud://trim-test.7472-trim-test/exports/ledger.xlsx';

/** Storage and WeChat open-API answers, as node-sdk's storage/index.js and wx/index.js read them. */
function platformReply(r: Recorded): Reply | undefined {
  if (r.action === 'storage.batchGetDownloadUrl')
    return {
      body: { requestId: 'r', data: { download_list: [{ fileID: FILE_ID, tempFileURL: `${cos.url}/dl/register.xlsx`, code: 'SUCCESS' }] } },
    };
  if (r.action === 'storage.getUploadMetadata')
    return { body: { requestId: 'r', data: { url: `${cos.url}/up`, token: 't', authorization: 'a', fileId: EXPORT_ID, cosFileId: 'c' } } };
  if (r.action === 'wx.api')
    return { body: { requestId: 'r', data: { responseData: JSON.stringify({ errcode: 0, result: { suggest: 'pass' } }) } } };
  return undefined;
}

let names: string[] = [];
let restoreEnv: () => void;
const savedEnv = { ...process.env };

beforeAll(async () => {
  names = buildBundles();
  restoreEnv = asCloudFunction();
  await server.start();
  await cos.start();
  // What the platform injects into a function's container: credentials and the API's address.
  Object.assign(process.env, {
    TENCENTCLOUD_SECRETID: 'AKIDtrimtest',
    TENCENTCLOUD_SECRETKEY: 'trim-test-key',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: server.url }),
    // What the deployment sets on every function (docs/DEPLOY.md, step 1).
    USER_ID_SALT: 'trim-test-salt',
  });
}, 180_000);

afterAll(async () => {
  await server.stop();
  await cos.stop();
  restoreEnv();
  for (const key of ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TCB_CONTEXT_CNFG', 'USER_ID_SALT']) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  server.clear();
  server.reply = (r) => platformReply(r);
  cos.requests.length = 0;
  cos.uploadAnswer = '';
});

const load = (fn: string): Bundle => requireFile(path.join(dir, fn, 'index.js')) as Bundle;
const context = (openid: string) => ({
  environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: openid, WX_APPID: 'wx-t' }),
  request_id: 't',
});

it('builds a bundle for every function', () => {
  expect(names).toEqual(expect.arrayContaining([...Object.keys(FUNCTIONS), 'scheduler']));
});

describe.each(['account', 'community', 'volunteer', 'requests', 'ratings', 'messages', 'admin', 'owners', 'outreach', 'scheduler'])(
  '%s bundle',
  (fn) => {
    let deps: Deps;
    const files = () => {
      if (!deps.files) throw new Error('productionDeps gave no file store');
      return deps.files;
    };
    beforeAll(() => {
      const bundle = load(fn);
      const app = bundle.init({
        env: 'trim-test',
        secretId: 'AKIDtrimtest',
        secretKey: 'trim-test-key',
        serviceUrl: server.url,
        timeout: 3000,
      });
      deps = bundle.productionDeps(app, { SUBSCRIBE_TEMPLATES: undefined, MESSAGE_DAYS: undefined, USER_ID_SALT: 'trim-test-salt' }, fn);
    });

    it('sends every Store operation', async () => {
      server.reply = (r) =>
        r.action === 'database.getDocument' && r.transactionId
          ? replies.list([{ _id: 'c', n: 5 }])
          : r.action === 'database.getDocument'
            ? replies.list([{ _id: 'd', n: 1 }])
            : undefined;
      expect(await deps.store.get('items', 'd')).toEqual({ _id: 'd', n: 1 });
      await deps.store.insert('items', { _id: 'e', n: 2 });
      expect(await deps.store.update('items', 'd', { $inc: { n: 1 } }, { n: 1 })).toBe(0);
      expect(await deps.store.remove('items', 'd')).toBe(0);
      expect(await deps.store.find('items', { n: { $gte: 1 } }, { orderBy: [['n', 'desc']], limit: whole(5), skip: whole(2) })).toEqual([
        { _id: 'd', n: 1 },
      ]);
      expect(await deps.store.count('items', { n: 1 })).toBe(0);
      const inTx = await deps.store.transaction(async (tx) => {
        const c = await tx.get<{ _id: string; n: number }>('counters', 'c');
        await tx.insert('log', { _id: 'l1', n: c?.n ?? 0 });
        await tx.update('counters', 'c', { $inc: { n: 1 } });
        return tx.remove('counters', 'c', { n: 5 });
      });
      expect(inTx).toBe(1);
      expect(server.actions()).toEqual([
        'database.getDocument',
        'database.insertDocument',
        'database.modifyAndReturnDoc',
        'database.removeDocument',
        'database.getDocument',
        'database.calculateDocument',
        'database.startTransaction',
        'database.getDocument',
        'database.insertDocument',
        'database.getDocument',
        'database.modifyDocument',
        'database.getDocument',
        'database.removeDocument',
        'database.commitTransaction',
      ]);
      const find = server.requests[4];
      expect([find.collectionName, find.query, find.order, find.offset, find.limit]).toEqual([
        'items',
        { n: { $gte: 1 } },
        { n: -1 },
        2,
        5,
      ]);
    });

    it('reads an uploaded file and writes an export through storage', async () => {
      const read = await files().read(FILE_ID);
      expect(Buffer.from(read ?? []).toString()).toBe('PK stored spreadsheet bytes');
      expect(await files().write('ledger.xlsx', Buffer.from('xlsx bytes'))).toBe(EXPORT_ID);
      expect(server.actions()).toEqual(['storage.batchGetDownloadUrl', 'storage.getUploadMetadata']);
      expect(server.requests[1].raw.path).toMatch(/^exports\/[\w-]+\.xlsx$/);
      expect(cos.requests.map((r) => [r.method, r.url, r.body.toString()])).toEqual([
        ['GET', '/dl/register.xlsx', ''],
        ['PUT', '/up', 'xlsx bytes'],
      ]);
    });

    it('reads COS refusing an upload (its XML answer)', async () => {
      cos.uploadAnswer =
        '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>no</Message><RequestId>q</RequestId><TraceId>t</TraceId></Error>';
      await expect(files().write('ledger.xlsx', Buffer.from('xlsx bytes'))).rejects.toThrow(/AccessDenied/);
    });

    it('asks WeChat to check content', async () => {
      expect(await deps.contentCheck.check('小区路灯坏了', 'openid-t')).toEqual({ ok: true });
      expect(server.requests.map((r) => [r.action, r.raw.apiName])).toEqual([['wx.api', '/wxa/msg_sec_check']]);
    });

    // @cloudbase/database's realtime client is left out of index.js (scripts/trim-cloudbase-sdk.mjs,
    // DEFERRED_BELOW) and required from its own file when a query or a document is first watched.
    it('watches a query and a document through the realtime client, loaded from its own file', () => {
      expect(fs.readFileSync(path.join(dir, fn, 'index.js'), 'utf8')).not.toContain('wsclient.send timedout');
      const probe = path.join(__dirname, '../support/realtime-watch-probe.cjs');
      const r = spawnSync(process.execPath, [probe, path.join(dir, fn, 'index.js')], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(0);
      const seen = JSON.parse(r.stdout.split('\n')[0]) as { answers: string[]; requests: string[]; opened: string[] };
      expect(seen.answers).toEqual(['function', 'function']);
      expect([...new Set(seen.requests)]).toEqual(['auth.wsWebSign']);
      expect(seen.opened).toEqual(['ws://127.0.0.1:9/watch', 'ws://127.0.0.1:9/watch']);
    });

    if (fn !== 'scheduler') {
      it('answers a call through main, in Chinese when the input is wrong', async () => {
        const first = Object.keys(FUNCTIONS[fn as keyof typeof FUNCTIONS])[0];
        const answer = await load(fn).main({ action: first, data: 42 }, context('openid-t'));
        expect(answer.error?.code).toBe('INVALID_INPUT');
        expect(answer.error?.issues?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
      });

      // The entries load their actions by group on first call (cloudfunctions/core/runtime/lazy-actions.ts):
      // every action's code must be in the bundle and load there, and be found under its name.
      it('loads every action on its first call and validates its input with it', async () => {
        const bundle = load(fn);
        for (const action of Object.keys(FUNCTIONS[fn as keyof typeof FUNCTIONS])) {
          const answer = await bundle.main({ action, data: 42 }, context('openid-t'));
          expect([action, answer.error?.code]).toEqual([action, 'INVALID_INPUT']);
        }
        expect(server.requests).toEqual([]);
      });
    }
  },
);

it('exceljs sits in its own file beside the bundles whose spreadsheet actions require it', async () => {
  // The spreadsheet actions' code is in the files of their action groups, beside index.js.
  const code = (fn: string) =>
    fs
      .readdirSync(path.join(dir, fn))
      .filter((f) => f.endsWith('.js') && f !== 'exceljs.js')
      .map((f) => fs.readFileSync(path.join(dir, fn, f), 'utf8'))
      .join('\n');
  // require("./exceljs.js"), or esbuild's stand-in for require called with it.
  const withExcel = names.filter((fn) => code(fn).includes('("./exceljs.js")'));
  expect(withExcel.sort()).toEqual(['admin', 'owners', 'ratings']);
  for (const fn of names) expect(fs.existsSync(path.join(dir, fn, 'exceljs.js'))).toBe(withExcel.includes(fn));
  const ExcelJS = requireFile(path.join(dir, 'admin', 'exceljs.js')) as typeof import('exceljs');
  const book = new ExcelJS.Workbook();
  book.addWorksheet('台账').addRow(['姓名', '电话']);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await book.xlsx.writeBuffer());
  expect(back.worksheets[0].getRow(1).getCell(1).value).toBe('姓名');
});

it('a function reaches the database the platform injected, as the caller the platform named', async () => {
  server.reply = (r) => (r.action === 'database.getDocument' ? replies.list([]) : undefined);
  const answer = await load('account').main({ action: 'whoami', data: {} }, context('openid-whoami'));
  expect(answer.ok).toBe(true);
  expect(server.requests.map((r) => [r.action, r.collectionName])).toContainEqual(['database.getDocument', 'users']);
});

it('the scheduler runs its tick on the database', async () => {
  const answer = await load('scheduler').main({ Type: 'Timer', TriggerName: 'every10min' }, {});
  expect(answer.ok).toBe(true);
  expect(server.actions().length).toBeGreaterThan(0);
});
