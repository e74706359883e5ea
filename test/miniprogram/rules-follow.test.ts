// A community changes its rules (community.rules): every page that states a rule's figure shows the
// new one. The pages talk to the real use cases (dispatch, as the gateway does) on an in-memory
// SQLite seeded with the demo data; the activity and the request are made after the change, through
// the use cases, so they carry the community's rules as the product would.
import { deserialize, serialize } from 'node:v8';
import { dispatch } from '../../cloudfunctions/core/app/dispatch';
import { FUNCTIONS, isFunctionName } from '../../cloudfunctions/core/app/functions';
import { COMMUNITIES } from '../../cloudfunctions/core/app/community/community';
import type { RulesConfig } from '../../cloudfunctions/core/domain/rules-config';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';
import { renderPage, type PageHandle } from './harness';
import { installWx } from './wx-mock';

// jsdom's window has no structuredClone; the store uses it.
const g = globalThis as { structuredClone?: <T>(value: T) => T };
g.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;

/** Every figure differs from its default (RULES.md). */
const RULES: Partial<RulesConfig> = {
  requestTierHours: { emergency: 3, utilities: 12, general: 24 * 5, complex: 24 * 10 },
  freeCancelHours: 5,
  attendanceMinRatio: 0.75,
  ratingWeights: { ownerSatisfaction: 0.5, partyOrg: 0.25, ownersCommittee: 0.25 },
  seriousItemPenalty: 15,
};

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

let deps: ReturnType<typeof createLocalDeps>;
let page: PageHandle | undefined;
const ids = { lateActivity: '', rosterActivity: '', request: '' };

type Envelope = { ok: boolean; data?: unknown; error?: { message: string } };

async function call(fn: string, action: string, data: object, openid: string): Promise<Envelope> {
  if (!isFunctionName(fn)) throw new Error(`no function ${fn}`);
  return (await dispatch(fn, FUNCTIONS[fn], { action, data }, deps, openid)) as Envelope;
}

async function must<T>(fn: string, action: string, data: object, openid: string): Promise<T> {
  const res = await call(fn, action, data, openid);
  if (!res.ok) throw new Error(`${fn}.${action}: ${res.error?.message}`);
  return res.data as T;
}

async function activity(title: string, startHours: number): Promise<string> {
  const a = await must<{ activityId: string }>(
    'volunteer',
    'createActivity',
    {
      communityId: 'cm_hongxing',
      title,
      category: 'environment',
      description: '清理楼道杂物。',
      location: '江津花园 3 栋',
      startAt: at(startHours),
      endAt: at(startHours + 2),
      capacity: 5,
    },
    'demo-rc',
  );
  await must('volunteer', 'signup', { activityId: a.activityId }, 'demo-resident');
  return a.activityId;
}

beforeAll(async () => {
  deps = createLocalDeps({ filename: ':memory:', logger: { info: () => undefined, error: () => undefined } });
  await seedDemo(deps);
  expect(await deps.store.update(COMMUNITIES, 'cm_hongxing', { $set: { rules: RULES } })).toBe(1);
  // A volunteer with nothing else on: the demo volunteer is busy with the seeded activities.
  await must('volunteer', 'register', { realName: '陈玉珍', phone: '13907160006' }, 'demo-resident');
  ids.lateActivity = await activity('楼道清洁（三小时后）', 3);
  ids.rosterActivity = await activity('楼道清洁（半小时后）', 0.5);
  const r = await must<{ requestId: string }>(
    'requests',
    'submit',
    { category: 'facilities', title: '5栋电梯异响', description: '5栋电梯运行时有异响。', compoundId: 'cp_jiangjin' },
    'demo-resident',
  );
  ids.request = r.requestId;
}, 60000);

afterAll(() => deps.store.close());

/** The mini-program's calls go to the use cases, as the demo account `openid`. */
function signInAs(openid: string): void {
  installWx();
  wx.setStorageSync('devOpenid', openid);
  (wx.request as unknown as jest.Mock).mockImplementation((options: WechatMiniprogram.RequestOption) => {
    const fn = String(options.url).split('/functions/')[1] ?? '';
    const body = options.data as { action: string; data?: object };
    const openidHeader = (options.header as Record<string, string>)['x-openid'];
    call(fn, body.action, body.data ?? {}, openidHeader).then((envelope) =>
      options.success?.({
        statusCode: 200,
        data: JSON.parse(JSON.stringify(envelope)),
        header: {},
        cookies: [],
        errMsg: 'request:ok',
      } as never),
    );
    return { abort: jest.fn() } as never;
  });
}

/** Waits (up to 5 s) until the page shows `text`. */
async function untilShown(p: PageHandle, text: string): Promise<void> {
  for (let i = 0; i < 100 && !p.text().includes(text); i++) await p.settle(50);
}

async function open(path: string, openid: string, shows: string, properties?: Record<string, unknown>): Promise<PageHandle> {
  signInAs(openid);
  page = await renderPage(path, { properties });
  await untilShown(page, shows);
  return page;
}

afterEach(() => page?.detach());

// First: TDesign's radio group renders no options once another page of this file used it (a
// miniprogram-simulate quirk with several pages in one file).
test('accepting a request offers the tiers with the community’s hours', async () => {
  const p = await open('pages/requests/detail/index', 'demo-rc', '受理分派', { requestId: ids.request });
  await p.tap('受理分派');
  await untilShown(p, '复杂（');
  expect(p.text()).toContain('办理时限（不选则按类别默认）紧急（3小时）水电气暖（12小时）一般（5天）复杂（10天）');
});

test('the activity page says cancelling is late from 5 hours before the start', async () => {
  const p = await open('pages/volunteer/activity/index', 'demo-resident', '取消报名', { activityId: ids.lateActivity });
  expect(p.text()).toContain('已进入开始前 5 小时，现在取消将记为迟退');
  await p.tap('取消报名');
  expect(p.text()).toContain('活动开始前 5 小时内取消将记为迟退');
});

test('the roster says a check-out short of 75 % of the activity earns no hours', async () => {
  const p = await open('staff/volunteer/roster/index', 'demo-rc', '签到', { activityId: ids.rosterActivity });
  await p.tap('签到');
  await untilShown(p, '签退');
  await p.tap('签退');
  await untilShown(p, '不计时长');
  expect(p.text()).toContain('服务时长不足活动时长的 75%，不计时长');
});

test('the 红黑榜 explains grades with the community’s weights and penalty', async () => {
  const p = await open('ratings/board/index', 'demo-resident', '信用等级');
  expect(p.text()).toContain('业主满意度 50% + 社区党组织评价 25% + 业委会评价 25%');
  expect(p.text()).toContain('每项重大事项扣 15 分');
  expect(p.text()).toContain('AAA ≥ 85 分');
});

test('the rating period page says a serious item costs 15 points', async () => {
  const p = await open('staff/ratings/period/index', 'demo-party', '重大事项');
  expect(p.text()).toContain('每项扣 15 分');
});
