// Required fields are marked: every label of a field a form cannot be sent without carries the 必填
// mark (* from <field-label>), and optional fields carry none — checked on the forms as rendered.
import { ok, user, whoamiAs, streetStep } from './fixtures';
import { hasClass, mockBackend, renderPage, settle, type PageHandle } from './harness';
import { whoamiParty } from './outreach/fixtures';
import { installWx } from './wx-mock';

let page: PageHandle | undefined;

// Each form is its own page load: a component's module must run again for each page that uses it
// (miniprogram-simulate re-requires it, which jest's module registry would otherwise answer from cache).
beforeEach(() => {
  jest.resetModules();
  installWx();
});
afterEach(() => page?.detach());

/** Whether the field labelled `label` shows the 必填 mark. */
function marked(p: PageHandle, label: string): boolean {
  return [...p.field(label).querySelectorAll('*')].some((el) => hasClass(el, 'field-label__mark') && (el.textContent ?? '').trim() === '*');
}

async function open(path: string, answers: Parameters<typeof mockBackend>[0], properties?: Record<string, unknown>): Promise<PageHandle> {
  mockBackend(answers);
  const p = await renderPage(path, properties ? { properties } : {});
  await settle(150);
  return p;
}

const FORMS: Array<{
  path: string;
  answers: Parameters<typeof mockBackend>[0];
  properties?: Record<string, unknown>;
  required: string[];
  optional: string[];
}> = [
  {
    path: 'pages/register/index',
    answers: streetStep,
    required: ['所在街道', '所在社区', '所在小区', '姓名', '手机号', '楼栋', '房号'],
    optional: [],
  },
  {
    path: 'pages/volunteer/register/index',
    answers: { 'account.whoami': whoamiAs(user()), 'volunteer.profile': ok(null) },
    required: ['真实姓名', '手机号'],
    optional: ['技能特长'],
  },
  {
    path: 'pages/requests/new/index',
    answers: { 'account.whoami': whoamiAs(user()) },
    required: ['诉求类别', '标题', '问题描述'],
    optional: [],
  },
  {
    path: 'staff/volunteer/create/index',
    answers: {},
    properties: { communityId: 'cm_hongxing' },
    required: ['活动名称', '活动类别', '活动地点', '活动内容', '活动日期', '开始时间', '结束时间', '招募人数'],
    optional: ['负责人', '联系电话', '报名截止'],
  },
  {
    path: 'outreach/teams/index',
    answers: { 'account.whoami': whoamiParty, 'outreach.listTeams': ok([]), 'account.listMembers': ok({ items: [], nextCursor: null }) },
    required: ['名称', '队长'],
    optional: [],
  },
];

describe.each(FORMS)('$path', ({ path, answers, properties, required, optional }) => {
  test('marks each required field, and no optional one', async () => {
    page = await open(path, answers, properties);
    for (const label of required) expect([label, marked(page, label)]).toEqual([label, true]);
    for (const label of optional) expect([label, marked(page, label)]).toEqual([label, false]);
  });
});
