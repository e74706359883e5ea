import { mockBackend, renderPage, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { boardOf, EMPTY_BOARD } from './fixtures';
import { until } from './wait';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

const INTERNAL = { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } } as const;

test('shows the latest period’s red and black lists with each firm’s grade and score', async () => {
  const backend = mockBackend({ 'ratings.board': { ok: true, data: boardOf('2026-H1') } });
  page = await renderPage('ratings/board/index');

  expect(backend.calls('ratings.board')).toEqual([{}]);
  expect(page.text()).toContain('2026年上半年物业服务评价结果，2026年7月15日发布');
  const red = page.getByText('红榜 · 信用等级 AAA 且无重大事项').nextElementSibling as Element;
  expect(red.textContent).toContain('荆州楚韵物业服务有限公司');
  expect(red.textContent).toContain('AAA');
  expect(red.textContent).toContain('信用分 89.29');
  const black = page.getByText('黑榜 · 信用等级 C 或有重大事项').nextElementSibling as Element;
  expect(black.textContent).toContain('荆州荆华物业管理有限公司');
  expect(black.textContent).toContain('重大事项 1 项');
  expect(black.textContent).not.toContain('楚韵');
  expect(page.text()).toContain('已显示全部 2 家企业');
});

test('switches to an earlier period', async () => {
  const backend = mockBackend({
    'ratings.board': (data) => ({ ok: true, data: boardOf(data.period === '2025-H2' ? '2025-H2' : '2026-H1') }),
  });
  page = await renderPage('ratings/board/index');

  await page.tap('2025年下半年');
  await until(page, '2025年下半年物业服务评价结果');
  expect(backend.calls('ratings.board')).toEqual([{}, { communityId: 'cm_hongxing', period: '2025-H2' }]);
  expect(page.text()).toContain('2025年下半年物业服务评价结果');
  expect(page.text()).toContain('本期没有企业列入红榜');
  expect(page.text()).toContain('信用分 58.93');
});

test('opens a firm’s credit history when its row is tapped', async () => {
  mockBackend({ 'ratings.board': { ok: true, data: boardOf('2026-H1') } });
  page = await renderPage('ratings/board/index');

  await page.tap(page.getByText('荆州荆华物业管理有限公司'));
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/ratings/firm/index?firmId=f_jinghua' }));
});

test('says so when nothing has been published yet', async () => {
  mockBackend({ 'ratings.board': { ok: true, data: EMPTY_BOARD } });
  page = await renderPage('ratings/board/index');

  expect(page.text()).toContain('暂无已发布的红黑榜');
  expect(page.queryByText('已显示全部', { exact: false })).toBeNull();
});

test('shows a loading state until the board answers', async () => {
  mockBackend({ 'ratings.board': { ok: true, data: EMPTY_BOARD } });
  (wx.request as unknown as jest.Mock).mockImplementationOnce(() => undefined);
  page = await renderPage('ratings/board/index');

  expect(page.text()).toContain('加载中');
});

test('shows the error and loads again on 重试', async () => {
  const backend = mockBackend({ 'ratings.board': INTERNAL });
  page = await renderPage('ratings/board/index');

  expect(page.text()).toContain('加载失败');
  expect(page.text()).toContain('网络异常，请稍后重试');
  backend.answer('ratings.board', { ok: true, data: boardOf('2026-H1') });
  await page.tap('重试');
  await until(page, '荆州楚韵物业服务有限公司');
  expect(backend.calls('ratings.board')).toHaveLength(2);
  expect(page.text()).toContain('荆州楚韵物业服务有限公司');
});

test('reloads the shown period on pull to refresh', async () => {
  const backend = mockBackend({
    'ratings.board': (data) => ({ ok: true, data: boardOf(data.period === '2025-H2' ? '2025-H2' : '2026-H1') }),
  });
  page = await renderPage('ratings/board/index');

  (page.comp.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh();
  await page.settle();
  expect(backend.calls('ratings.board')).toEqual([{}, { communityId: 'cm_hongxing', period: '2026-H1' }]);
  expect(wx.stopPullDownRefresh).toHaveBeenCalled();
});
