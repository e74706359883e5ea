import { mockBackend, renderPage, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { FIRM } from './fixtures';
import { until } from './wait';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

test('shows the firm’s latest grade, compounds served and grade history', async () => {
  const backend = mockBackend({ 'ratings.firm': { ok: true, data: FIRM } });
  page = await renderPage('ratings/firm/index', { properties: { firmId: 'f_chuyun' } });

  expect(backend.calls('ratings.firm')).toEqual([{ firmId: 'f_chuyun' }]);
  expect(page.text()).toContain('荆州楚韵物业服务有限公司');
  expect(page.text()).toContain('2026年上半年 · 信用分 89.29');
  expect(page.getByText('红榜')).toBeTruthy();
  const compounds = page.getByText('服务小区').nextElementSibling as Element;
  expect(compounds.textContent).toContain('江津花园');
  const history = page.getByText('信用等级历史').nextElementSibling as Element;
  expect(history.textContent?.indexOf('2026年上半年')).toBeLessThan(history.textContent?.indexOf('2025年下半年') ?? -1);
  expect(history.textContent).toContain('信用分 75.89');
  expect(page.text()).toContain('已显示全部 2 期');
});

test('charts each dimension over the periods, oldest first', async () => {
  mockBackend({ 'ratings.firm': { ok: true, data: FIRM } });
  page = await renderPage('ratings/firm/index', { properties: { firmId: 'f_chuyun' } });

  const row = page.getByText('共建共治').parentElement as Element;
  expect(row.textContent?.replace(/\s+/g, '')).toBe('共建共治2025下4.02026上5.0');
  const bars = [...row.querySelectorAll('*')].filter((el) => [...el.classList].some((c) => c.endsWith('chart__bar')));
  expect(bars.map((b) => b.getAttribute('style'))).toEqual(['width: 80%;', 'width: 100%;']);
});

test('says so for a firm never rated', async () => {
  mockBackend({ 'ratings.firm': { ok: true, data: { ...FIRM, latest: null, history: [] } } });
  page = await renderPage('ratings/firm/index', { properties: { firmId: 'f_chuyun' } });

  expect(page.text()).toContain('尚无已发布的评价结果');
  expect(page.text()).toContain('暂无历史记录');
  expect(page.text()).not.toContain('各项评分走势');
});

test('shows NOT_FOUND as an error with 重试', async () => {
  const backend = mockBackend({ 'ratings.firm': { ok: false, error: { code: 'NOT_FOUND', message: '物业企业不存在' } } });
  page = await renderPage('ratings/firm/index', { properties: { firmId: 'f_none' } });

  expect(page.text()).toContain('物业企业不存在');
  backend.answer('ratings.firm', { ok: true, data: FIRM });
  await page.tap('重试');
  await until(page, '江津花园');
  expect(page.text()).toContain('江津花园');
});
