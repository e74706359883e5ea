import { mockBackend, renderPage, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { periodViewOf } from './fixtures';
import { until, waitFor } from './wait';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

const sheet = (i: number) => ({
  sheetId: `s${i}`,
  compoundId: 'cp_jiangjin',
  compoundName: '江津花园',
  firmId: 'f_chuyun',
  firmName: '荆州楚韵物业服务有限公司',
  period: '2026-H2',
  raterId: `u${i}`,
  raterName: `评价人${i}`,
  raterRole: 'oc_member',
  raterRoleLabel: '业委会成员',
  scores: {},
  comment: i === 1 ? '保持良好' : null,
  rating: 75,
  version: 1,
  submittedAt: '2026-11-10T02:00:00.000Z',
});
const pageOf = (items: unknown[], nextCursor: string | null) => ({ ok: true as const, data: { items, nextCursor } });

test('shows who has rated and who has not, per compound', async () => {
  const backend = mockBackend({
    'ratings.period': { ok: true, data: periodViewOf({ canPublish: false }) },
    'ratings.sheets': pageOf([sheet(1)], null),
  });
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

  expect(backend.calls('ratings.period')).toEqual([{ period: '2026-H2' }]);
  expect(page.text()).toContain('评价中 · 已收评价表 2 份');
  expect(page.text()).toContain('江津花园 · 荆州楚韵物业服务有限公司 · 已评 1/3');
  expect(page.getByText(/^张志强 ?业委会成员 ?未评$/)).toBeTruthy();
  expect(page.getByText(/^孙立新 ?业委会成员 ?已评 75\.00 分$/)).toBeTruthy();
  // rc_staff sees the progress but cannot publish.
  expect(page.queryByText('发布本期红黑榜')).toBeNull();
});

test('publishes after confirmation and shows the period as published', async () => {
  const backend = mockBackend({
    'ratings.period': { ok: true, data: periodViewOf({ canPublish: true }) },
    'ratings.sheets': pageOf([sheet(1)], null),
    'ratings.publish': { ok: true, data: {} },
  });
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

  backend.answer('ratings.period', { ok: true, data: periodViewOf({ canPublish: true, published: true }) });
  await page.tap('发布本期红黑榜');
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认发布红黑榜？' }));
  await until(page, '重新发布理由');
  expect(backend.calls('ratings.publish')).toEqual([{ period: '2026-H2' }]);
  expect(page.text()).toContain('已发布');
  expect(page.text()).toContain('由李红梅发布');
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '红黑榜已发布' }));
});

test('does not publish when the confirmation is cancelled', async () => {
  const backend = mockBackend({
    'ratings.period': { ok: true, data: periodViewOf({ canPublish: true }) },
    'ratings.sheets': pageOf([], null),
  });
  (wx.showModal as unknown as jest.Mock).mockImplementation((o: { success?: (r: object) => void }) =>
    setTimeout(() => o.success?.({ confirm: false, cancel: true }), 0),
  );
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

  await page.tap('发布本期红黑榜');
  expect(backend.calls('ratings.publish')).toEqual([]);
});

test('asks for a reason before publishing a published period again, then sends it', async () => {
  const backend = mockBackend({
    'ratings.period': { ok: true, data: periodViewOf({ canPublish: true, published: true }) },
    'ratings.sheets': pageOf([], null),
    'ratings.publish': { ok: true, data: {} },
  });
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

  await page.tap('重新发布');
  expect(page.text()).toContain('重新发布须填写理由');
  expect(wx.showModal).not.toHaveBeenCalled();
  await page.type('重新发布理由', '补录重大事项');
  await page.tap('重新发布');
  await until(page, '查看红黑榜');
  expect(backend.calls('ratings.publish')).toEqual([{ period: '2026-H2', reason: '补录重大事项' }]);
});

test('shows the server’s refusal to publish', async () => {
  mockBackend({
    'ratings.period': { ok: true, data: periodViewOf({ canPublish: true }) },
    'ratings.sheets': pageOf([], null),
    'ratings.publish': { ok: false, error: { code: 'CONFLICT', message: '评价数据刚有变化，请刷新后重新发布', reason: 'PERIOD_CHANGED' } },
  });
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

  await page.tap('发布本期红黑榜');
  await until(page, '评价数据刚有变化');
  expect(page.text()).toContain('评价数据刚有变化，请刷新后重新发布');
});

test('pages through the sheets with 加载更多 until the end', async () => {
  const backend = mockBackend({
    'ratings.period': { ok: true, data: periodViewOf({ canPublish: false }) },
    'ratings.sheets': (data) => (data.cursor ? pageOf([sheet(2)], null) : pageOf([sheet(1)], 'c1')),
  });
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

  expect(page.text()).toContain('江津花园 · 评价人1（业委会成员）');
  expect(page.text()).toContain('“保持良好”');
  await page.tap('加载更多');
  await until(page, '没有更多了');
  expect(backend.calls('ratings.sheets')).toEqual([
    { period: '2026-H2', limit: 20 },
    { period: '2026-H2', limit: 20, cursor: 'c1' },
  ]);
  expect(page.text()).toContain('评价人2');
  expect(page.queryByText('加载更多')).toBeNull();
});

test('says so when the period has no sheet yet', async () => {
  mockBackend({
    'ratings.period': { ok: true, data: { ...periodViewOf({ canPublish: true }), sheetCount: 0 } },
    'ratings.sheets': pageOf([], null),
  });
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

  expect(page.text()).toContain('本期还没有评价表');
  expect(page.text()).toContain('暂不能发布');
  expect(page.queryByText('发布本期红黑榜')).toBeNull();
});

test('switches period', async () => {
  const backend = mockBackend({
    'ratings.period': (data) => ({
      ok: true,
      data: {
        ...periodViewOf({ canPublish: false }),
        period: data.period as string,
        label: data.period === '2026-H1' ? '2026年上半年' : '2026年下半年',
      },
    }),
    'ratings.sheets': pageOf([], null),
  });
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

  await page.tap('2026年上半年');
  await until(page, '2026年上半年物业服务评价');
  expect(backend.calls('ratings.period')).toEqual([{ period: '2026-H2' }, { period: '2026-H1' }]);
});

test('shows FORBIDDEN for a caller who is not staff', async () => {
  mockBackend({
    'ratings.period': { ok: false, error: { code: 'FORBIDDEN', message: '只有本社区工作人员可以查看评价进度' } },
    'ratings.sheets': pageOf([], null),
  });
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

  expect(page.text()).toContain('只有本社区工作人员可以查看评价进度');
});

describe('recording a serious item (party organisation)', () => {
  const answers = () => ({
    'ratings.period': { ok: true as const, data: periodViewOf({ canPublish: true }) },
    'ratings.sheets': pageOf([], null),
    'ratings.recordSeriousItem': { ok: true as const, data: {} },
  });

  test('records the item with its compound, description and evidence lines after confirmation', async () => {
    const backend = mockBackend(answers());
    page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

    await page.tap('万寿园小区');
    await page.type('事项说明', '10月电梯困人 2 小时无人处置，经核实。');
    await page.type('证据', '监控截图 2026-10-12\n\n 居民投诉记录 ');
    await page.tap('记录重大事项');
    expect(wx.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认记录重大事项？', content: expect.stringContaining('荆州荆华物业管理有限公司（万寿园小区）') }),
    );
    await waitFor(() => (wx.showToast as unknown as jest.Mock).mock.calls.length > 0);
    expect(backend.calls('ratings.recordSeriousItem')).toEqual([
      {
        compoundId: 'cp_wanshou',
        period: '2026-H2',
        description: '10月电梯困人 2 小时无人处置，经核实。',
        evidence: ['监控截图 2026-10-12', '居民投诉记录'],
      },
    ]);
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已记录' }));
  });

  test('asks for the compound, description and evidence before anything is sent', async () => {
    const backend = mockBackend(answers());
    page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

    await page.tap('记录重大事项');
    expect(page.text()).toContain('请填写：所在小区、事项说明、证据');
    expect(backend.calls('ratings.recordSeriousItem')).toEqual([]);
  });

  test('is not offered to the residents’ committee', async () => {
    mockBackend({ ...answers(), 'ratings.period': { ok: true, data: periodViewOf({ canPublish: false }) } });
    page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });

    expect(page.text()).not.toContain('重大事项登记');
    expect(page.queryByText('记录重大事项')).toBeNull();
  });
});
