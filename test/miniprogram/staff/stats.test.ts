import { hasClass, mockBackend, renderPage, textOf, type MockBackend, type PageHandle } from '../harness';
import { communityList, ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { stats, until, untilLoaded, whoamiRc, whoamiResident } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => {
  installWx();
  backend = mockBackend({ 'account.whoami': whoamiRc, 'community.list': communityList, 'community.stats': ok(stats()) });
});
afterEach(() => page?.detach());

async function open(): Promise<PageHandle> {
  const p = await renderPage('staff/stats/index');
  await untilLoaded(p);
  return p;
}

/** The element with class `name` around the text `text`. */
function around(p: PageHandle, text: string, name: string): Element {
  for (let el: Element | null = p.getByText(text); el; el = el.parentElement) if (hasClass(el, name)) return el;
  throw new Error(`"${text}" is not inside a .${name}`);
}

/** The figure row (label and value) of a label. */
const rowText = (p: PageHandle, label: string) => textOf(around(p, label, 'row'));

test('shows the volunteer ratio against the 15% target as 未达标', async () => {
  page = await open();

  expect(backend.calls('community.stats')).toEqual([{ communityId: 'cm_hongxing' }]);
  // The heading's name: that community alone, never the whole city's list.
  expect(backend.calls('community.list')).toEqual([{ mine: true }]);
  const card = around(page, '志愿者占比', 'target');
  expect(textOf(card)).toContain('12%');
  expect(textOf(card)).toContain('目标 ≥ 15%');
  expect(textOf(card)).toContain('未达标');
  expect(textOf(card)).toContain('注册志愿者 120 人');
  expect(page.text()).toContain('红星社区');
});

test('shows the owners’-committee party ratio at or above 50% as 达标', async () => {
  backend.answer('community.stats', ok(stats({ ocMembers: 4, ocPartyMembers: 2, ocPartyRatio: 0.5 })));
  page = await open();

  const card = textOf(around(page, '业委会党员占比', 'target'));
  expect(card).toContain('50%');
  expect(card).toContain('目标 ≥ 50%');
  expect(card).toContain('达标');
  expect(card).not.toContain('未达标');
  expect(card).toContain('业委会成员 4 人，其中党员 2 人');
});

test('shows 暂无数据 for a rate with no data', async () => {
  backend.answer(
    'community.stats',
    ok(stats({ requests: { total: 3, open: 3, overdue: 0, responseRate: 0.6667, resolutionRate: null, satisfactionRate: null } })),
  );
  page = await open();

  expect(rowText(page, '办结率')).toContain('暂无数据');
  expect(rowText(page, '满意率')).toContain('暂无数据');
  expect(rowText(page, '响应率')).toContain('66.6%');
  expect(rowText(page, '在办')).toContain('3 件');
});

test('shows 暂无数据 rather than 未达标 for a committee without members', async () => {
  backend.answer('community.stats', ok(stats({ ocMembers: 0, ocPartyMembers: 0, ocPartyRatio: null })));
  page = await open();

  const card = textOf(around(page, '业委会党员占比', 'target'));
  expect(card).toContain('暂无数据');
  expect(card).not.toContain('达标');
});

test('shows overdue requests in red and the rates as percentages', async () => {
  page = await open();

  const overdue = around(page, '超期', 'row');
  expect(textOf(overdue)).toContain('2 件');
  expect(hasClass(page.getByText('2 件'), 'row__value--danger')).toBe(true);
  expect(hasClass(page.getByText('6 件'), 'row__value--danger')).toBe(false);
  expect(rowText(page, '响应率')).toContain('92.5%');
  expect(rowText(page, '办结率')).toContain('80%');
  expect(rowText(page, '满意率')).toContain('87.5%');
  expect(rowText(page, '诉求总数')).toContain('40 件');
});

test('shows volunteer hours this month, this year and by category in Chinese', async () => {
  page = await open();

  const text = page.text();
  expect(text).toContain('36.5 小时');
  expect(text).toContain('420 小时');
  expect(rowText(page, '环境整治')).toContain('200 小时');
  expect(rowText(page, '疫情防控')).toContain('120.5 小时');
  expect(rowText(page, '文明劝导')).toContain('99.5 小时');
  expect(text.indexOf('疫情防控')).toBeLessThan(text.indexOf('环境整治'));
  expect(text).not.toContain('environment');
  expect(text).toContain('1000 人');
  expect(text).toContain('320 人');
});

test('shows an error with 重试 when stats fails', async () => {
  backend.answer('community.stats', { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } });
  page = await open();
  expect(page.text()).toContain('网络异常，请稍后重试');
  expect(page.queryByText('志愿者占比')).toBeNull();

  backend.answer('community.stats', ok(stats()));
  await page.tap('重试');
  await untilLoaded(page);

  expect(backend.calls('community.stats')).toEqual([{ communityId: 'cm_hongxing' }, { communityId: 'cm_hongxing' }]);
  expect(page.queryByText('志愿者占比')).not.toBeNull();
  expect(page.queryByText('重试')).toBeNull();
});

test('tells a resident the figures are for community staff, without asking for them', async () => {
  backend.answer('account.whoami', whoamiResident);
  page = await open();

  expect(page.text()).toContain('仅社区居委会工作人员、社区党组织、街道工作人员和平台管理员可以查看社区统计');
  expect(page.queryByText('重试')).toBeNull();
  expect(backend.calls('community.stats')).toEqual([]);
});

test('shows a FORBIDDEN answer as a plain message', async () => {
  backend.answer('community.stats', { ok: false, error: { code: 'FORBIDDEN', message: '只能查看本社区的统计' } });
  page = await open();

  expect(page.text()).toContain('只能查看本社区的统计');
  expect(page.queryByText('重试')).toBeNull();
});

test('refreshes the figures on pull-down', async () => {
  page = await open();
  backend.answer('community.stats', ok(stats({ volunteers: 160, volunteerRatio: 0.16 })));

  (page.comp.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh();
  await until(() => page!.text().includes('注册志愿者 160 人'));

  expect(backend.calls('community.stats')).toHaveLength(2);
  const card = textOf(around(page, '志愿者占比', 'target'));
  expect(card).toContain('16%');
  expect(card).toContain('达标');
  expect(card).not.toContain('未达标');
  expect(wx.stopPullDownRefresh).toHaveBeenCalled();
});

test('shows the party members reported in and the backbone shares', async () => {
  page = await open();
  expect(rowText(page, '报到党员')).toContain('12 人');
  expect(rowText(page, '专业服务')).toContain('8 次');
  expect(rowText(page, '志愿者中的共青团员')).toContain('15%');
});
