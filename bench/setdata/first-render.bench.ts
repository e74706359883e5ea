/**
 * First-render data of every page: each page of app.json (subpackages included) is rendered with
 * miniprogram-simulate as its natural demo user would open it; every setData is recorded with its
 * JSON size until the page is idle. wx.request (the local transport) is answered in process by
 * `dispatch` — the real use cases on the seeded embedded database — so the data is the demo data.
 * Writes { pages: [...] } to $BENCH_OUT.
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { FUNCTIONS, isFunctionName } from '../../cloudfunctions/core/app/functions';
import { dispatch } from '../../cloudfunctions/core/app/dispatch';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { MemoryLogger } from '../../cloudfunctions/core/adapters/console-logger';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';
import { DEMO, DEMO_MOTIONS } from '../../cloudfunctions/core/seed/demo-ids';
import { DEMO_ACTIVITIES } from '../../cloudfunctions/core/seed/volunteer';
import { installWx } from '../../test/miniprogram/wx-mock';
import { BENCH_NOW } from '../lib/round-trips';

const ROOT = path.resolve(__dirname, '../../miniprogram');

/** Who opens each page (the first matching prefix; default demo-resident): the person the page is for. */
const VIEWERS: Array<[prefix: string, openid: string]> = [
  ['pages/register/', 'demo-newcomer'],
  ['pages/activities/', 'demo-volunteer'],
  ['pages/volunteer/activity/', 'demo-volunteer'],
  ['pages/volunteer/records/', 'demo-volunteer'],
  ['staff/ratings/sheet/', 'demo-oc'],
  // The owners' committee drafts, keeps the register, links residents and records paper ballots.
  ['owners/draft/', 'demo-oc'],
  ['owners/paper/', 'demo-oc'],
  ['owners/register/', 'demo-oc'],
  ['owners/link/', 'demo-oc'],
  ['staff/ratings/', 'demo-party'],
  ['staff/', 'demo-rc'],
  // Redeeming an invitation is anyone's; the other admin pages are the platform admin's.
  ['admin/redeem/', 'demo-resident'],
  ['admin/', 'demo-admin'],
];

/** The query a page is opened with (as WeChat gives it: page properties and onLoad), from the demo seed. */
const QUERIES: Record<string, Record<string, string>> = {
  'pages/volunteer/activity/index': { activityId: DEMO_ACTIVITIES.cleanup },
  'pages/requests/detail/index': { requestId: 'rq_demo_light' },
  'ratings/firm/index': { firmId: DEMO.firm1 },
  'staff/volunteer/roster/index': { activityId: DEMO_ACTIVITIES.cleanup },
  'staff/volunteer/create/index': { communityId: DEMO.communityId },
  'owners/draft/index': { compoundId: DEMO.compound1 },
  'owners/paper/index': { motionId: DEMO_MOTIONS.open },
  'owners/register/index': { compoundId: DEMO.compound1 },
  'owners/link/index': { compoundId: DEMO.compound1, building: '8栋', room: '801' },
};

function viewerOf(page: string): string {
  return VIEWERS.find(([prefix]) => page.startsWith(prefix))?.[1] ?? 'demo-resident';
}

function appPages(): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: Array<{ root: string; pages: string[] }>;
    subpackages?: Array<{ root: string; pages: string[] }>;
  };
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/?$/, '/')}${p}`))];
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '');

interface PageReport {
  page: string;
  viewer: string;
  query?: Record<string, string>;
  initialDataBytes: number;
  setDataCalls: number[];
  totalBytes: number;
  largestBytes: number;
  requests: string[];
  /** The calls themselves, for the city-latency bench (every page's first calls at city scale). */
  calls: Array<{ fn: string; action: string; data: unknown; openid: string | null }>;
  failedRequests: string[];
  error?: string;
}

const reports: PageReport[] = [];
let deps: ReturnType<typeof createLocalDeps>;

beforeAll(async () => {
  deps = createLocalDeps({ filename: ':memory:', clock: new FixedClock(BENCH_NOW), logger: new MemoryLogger() });
  await seedDemo(deps);
});

afterAll(async () => {
  await deps.store.close();
  const out = process.env.BENCH_OUT;
  if (out) fs.writeFileSync(out, JSON.stringify({ pages: reports }, null, 2) + '\n');
});

test.each(appPages())('%s', async (page) => {
  installWx();
  const viewer = viewerOf(page);
  wx.setStorageSync('devOpenid', viewer);
  const report: PageReport = {
    page,
    viewer,
    initialDataBytes: 0,
    setDataCalls: [],
    totalBytes: 0,
    largestBytes: 0,
    requests: [],
    calls: [],
    failedRequests: [],
  };
  reports.push(report);
  let pending = 0;
  (wx.request as unknown as jest.Mock).mockImplementation((options: WechatMiniprogram.RequestOption) => {
    const fn = String(options.url).split('/functions/')[1] ?? '';
    const body = options.data as { action: string; data: unknown };
    const openid = ((options.header ?? {}) as Record<string, string>)['x-openid'] ?? null;
    report.requests.push(`${fn}.${body.action}`);
    report.calls.push({ fn, action: body.action, data: JSON.parse(JSON.stringify(body.data ?? {})), openid });
    pending++;
    const answer = isFunctionName(fn)
      ? dispatch(fn, FUNCTIONS[fn], JSON.parse(JSON.stringify(body)), deps, openid)
      : Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个云函数' } });
    answer.then((envelope) => {
      if (!envelope.ok) report.failedRequests.push(`${fn}.${body.action}: ${envelope.error.code}`);
      const data = JSON.parse(JSON.stringify(envelope));
      setTimeout(() => {
        pending--;
        options.success?.({ statusCode: 200, data, header: {}, cookies: [], errMsg: 'request:ok' } as never);
      }, 0);
    });
    return { abort: jest.fn() } as never;
  });

  const id = simulate.load(path.join(ROOT, page), 'page', { rootPath: ROOT });
  const query = QUERIES[page] ?? {};
  report.query = query;
  const comp = simulate.render(id, query) as ReturnType<typeof simulate.render> & {
    instance: { setData(d: object, cb?: () => void): void; data: object; onLoad?: (q: object) => void; onShow?: () => void };
    attach(parent: Node): void;
    detach(): void;
  };
  const instance = comp.instance;
  report.initialDataBytes = bytes(instance.data);
  const original = instance.setData.bind(instance);
  instance.setData = (d: object, cb?: () => void) => {
    report.setDataCalls.push(bytes(d));
    original(d, cb);
  };
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  comp.attach(parent);
  // As WeChat opens a page: onLoad, then onShow.
  instance.onLoad?.({ ...query });
  instance.onShow?.();
  // Idle: no request in flight and no new setData for a few turns (at most 5 s).
  let last = -1;
  let quiet = 0;
  for (let i = 0; i < 250 && quiet < 3; i++) {
    await simulate.sleep(20);
    if (pending === 0 && report.setDataCalls.length === last) quiet++;
    else quiet = 0;
    last = report.setDataCalls.length;
  }
  comp.detach();
  parent.remove();
  report.totalBytes = report.initialDataBytes + report.setDataCalls.reduce((a, b) => a + b, 0);
  report.largestBytes = Math.max(report.initialDataBytes, ...report.setDataCalls);
  expect(report.requests.length + report.setDataCalls.length).toBeGreaterThanOrEqual(0);
});
