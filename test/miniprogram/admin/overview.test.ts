import { mockBackend, renderPage, type PageHandle } from '../harness';
import { user, whoamiAs } from '../fixtures';
import { installWx } from '../wx-mock';
import { forbidden, overviewOf, overviewRow, untilLoaded, whoamiAdmin, whoamiStreet } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(properties: Record<string, string> = {}): Promise<PageHandle> {
  const p = await renderPage('admin/overview/index', { properties });
  await untilLoaded(p);
  return p;
}

test('the admin sees a row per street with each share against the target the server sends', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.overview': overviewOf([
      overviewRow(),
      overviewRow({
        id: 'st_dongcheng',
        name: '东城街道',
        // The server sends the target (this street's communities set a higher one) and whether it is met.
        volunteers: { count: 20, base: 100, share: 0.2, target: 0.25, met: false },
      }),
    ]),
  });
  page = await open();

  expect(backend.calls('admin.overview')).toEqual([{ level: 'city' }]);
  expect(page.text()).toContain('荆州市 · 各街道');
  expect(page.text()).toContain('全市合计');
  expect(page.text()).toContain('等级取自 2026年上半年 全市信用评价');
  expect(page.text()).toContain('志愿者占比 12%（目标 15%，12/100 人）');
  expect(page.text()).toContain('志愿者占比 20%（目标 25%，20/100 人）');
  expect(page.text()).toContain('业委会党员占比 60%（目标 50%，6/10 人）');
  expect(page.text()).toContain('小区党组织覆盖 2/3 个小区（66.7%）');
  expect(page.text()).toContain('诉求 共 40 件 · 未办结 6 · 超时 2');
  expect(page.text()).toContain('物业服务企业：办理 20 件 · 响应 95% · 办结 80% · 满意 90%');
  expect(page.queryByText(/居委会：办理/)).toBeNull();
  expect(page.text()).toContain('荆州楚韵物业服务有限公司：办理 12 件 · 响应 100% · 办结 75% · 满意 —');
  expect(page.text()).toContain('物业信用等级 AAA 1 家 · C 1 家 · 未评级 1 家');
  expect(page.text()).toContain('另有 2 家物业的诉求未列出');
  expect(page.text()).toContain('报到党员 35 人 · 服务 150 次 · 志愿者中党员 50%');
  // Below target is marked where the server says it is not met: the volunteer shares, not the owners' committee's.
  const marked = [...page.dom.querySelectorAll('*')].filter((el) => [...el.classList].some((c) => c.endsWith('overview__below')));
  expect(marked.map((el) => el.textContent?.trim())).toEqual([
    '12%（目标 15%，12/100 人）',
    '12%（目标 15%，12/100 人）',
    '20%（目标 25%，20/100 人）',
  ]);

  await page.tap('胜利街道');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/overview/index?streetId=st_shengli' }));
});

test('the total shows the KPIs per party and the busiest firms the server sends for the whole city', async () => {
  const city = overviewRow({ level: 'city', id: 'city', name: '荆州市', communities: 368 });
  mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.overview': overviewOf([overviewRow()], {
      total: {
        ...city,
        requests: {
          ...city.requests,
          byParty: { ...city.requests.byParty, residents_committee: { ...city.requests.byParty.property, total: 7 } },
          byFirm: [{ ...city.requests.byFirm[0], firmId: 'f_jianghan', firmName: '荆州江汉物业有限公司', total: 321 }],
          firmCount: 25,
        },
      },
    }),
  });
  page = await open();
  const total = [...page.dom.querySelectorAll('*')].find((el) => [...el.classList].some((c) => c.endsWith('overview--total')));
  const text = total?.textContent ?? '';
  expect(text).toContain('居委会：办理 7 件 · 响应 95% · 办结 80% · 满意 90%');
  expect(text).toContain('诉求最多的物业');
  expect(text).toContain('荆州江汉物业有限公司：办理 321 件');
  expect(text).toContain('另有 24 家物业的诉求未列出');
  // The street's own firm is on its row, not in the city's total.
  expect(text).not.toContain('荆州楚韵物业服务有限公司');
});

test('a street shows its communities; a community row opens its figures', async () => {
  const backend = mockBackend({
    'admin.overview': overviewOf([overviewRow({ level: 'community', id: 'cm_hongxing', name: '红星社区', communities: 1 })], {
      level: 'street',
      streetId: 'st_shengli',
      name: '胜利街道',
    }),
  });
  page = await open({ streetId: 'st_shengli' });
  expect(backend.calls('admin.overview')).toEqual([{ level: 'street', streetId: 'st_shengli' }]);
  expect(page.text()).toContain('胜利街道 · 各社区');
  await page.tap('红星社区');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/stats/index?communityId=cm_hongxing' }));
});

test('a street_admin starts at their own street', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.overview': overviewOf([], { level: 'street', streetId: 'st_shengli', name: '胜利街道' }),
  });
  page = await open();
  expect(backend.calls('admin.overview')).toEqual([{ level: 'street', streetId: 'st_shengli' }]);
  expect(page.text()).toContain('暂无数据');
});

test('another street is refused by the server and the page says so without 重试', async () => {
  mockBackend({ 'admin.overview': forbidden('只能查看本街道') });
  page = await open({ streetId: 'st_dongcheng' });
  expect(page.text()).toContain('只能查看本街道');
  expect(page.queryByText('重试')).toBeNull();
});

test('a resident is told the page is not for them, and nothing is asked', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiAs(user()) });
  page = await open();
  expect(page.text()).toContain('仅平台管理员和街道工作人员可以使用');
  expect(backend.calls('admin.overview')).toEqual([]);
});
