import { fire, mockBackend, renderPage, settle, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { allScores, mySheetsOf } from './fixtures';
import { until, waitFor } from './wait';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

const DIMENSIONS = ['环境卫生', '绿化养护', '秩序维护', '设施设备', '报修响应', '收费公示', '共建共治'];

/** Taps the n-th star in the row of a dimension, as a person taps it. */
async function star(p: PageHandle, dimension: string, n: number): Promise<void> {
  // miniprogram-simulate drops aria-* attributes, so the star is found by its place in the row.
  const stars = p.getByText(dimension).parentElement?.nextElementSibling;
  const el = stars?.children[n - 1];
  if (!el) throw new Error(`no star ${n} in the row of ${dimension}`);
  fire(el, 'tap');
  await settle();
}

const GRADES = {
  ok: true as const,
  data: [{ firmId: 'f_chuyun', period: '2026-H1', label: '2026年上半年', grade: 'AAA', creditScore: 89.29, list: 'red' }],
};

const submitted = (data: Record<string, unknown>) => ({
  ok: true as const,
  data: {
    ...mySheetsOf('submitted').items[0].sheet,
    scores: data.scores,
    comment: (data.comment as string) ?? null,
    version: 1,
    state: 'submitted',
  },
});

test('shows a draft sheet with seven dimensions to rate', async () => {
  const backend = mockBackend({ 'ratings.firmGrades': GRADES, 'ratings.mySheets': { ok: true, data: mySheetsOf('draft') } });
  page = await renderPage('staff/ratings/sheet/index');

  expect(backend.calls('ratings.mySheets')).toEqual([{}]);
  expect(page.text()).toContain('2026年下半年物业服务评价');
  // Owners' committees see the firm's grade where they see the firm.
  await until(page, '信用等级 AAA');
  expect(backend.calls('ratings.firmGrades')).toEqual([{ firmIds: ['f_chuyun'] }]);
  expect(page.text()).toContain('荆州楚韵物业服务有限公司 · 信用等级 AAA（2026年上半年）');
  expect(page.text()).toContain('江津花园');
  expect(page.text()).toContain('草稿（未提交）');
  for (const d of DIMENSIONS) expect(page.getByText(d)).toBeTruthy();
  expect(page.text()).toContain('提交评价表');
});

test('asks to rate every dimension before submitting', async () => {
  const backend = mockBackend({ 'ratings.firmGrades': GRADES, 'ratings.mySheets': { ok: true, data: mySheetsOf('draft') } });
  page = await renderPage('staff/ratings/sheet/index');

  await star(page, '环境卫生', 4);
  await page.tap('提交评价表');
  expect(page.text()).toContain('请为以下各项打分：绿化养护、秩序维护、设施设备、报修响应、收费公示、共建共治');
  expect(wx.showModal).not.toHaveBeenCalled();
  expect(backend.calls('ratings.submit')).toEqual([]);
});

test('submits the stars and comment after confirmation and shows the sheet as submitted', async () => {
  const backend = mockBackend({
    'ratings.firmGrades': GRADES,
    'ratings.mySheets': { ok: true, data: mySheetsOf('draft') },
    'ratings.submit': submitted,
  });
  page = await renderPage('staff/ratings/sheet/index');

  for (const d of DIMENSIONS) await star(page, d, 4);
  await star(page, '共建共治', 5);
  expect(page.text()).toContain('5 分 · 很好');
  await page.type('意见建议', '电梯维保及时');
  await page.tap('提交评价表');

  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认提交评价表？' }));
  expect(backend.calls('ratings.submit')).toEqual([
    { compoundId: 'cp_jiangjin', period: '2026-H2', scores: { ...allScores(4), coGovernance: 5 }, comment: '电梯维保及时' },
  ]);
  await until(page, '修改并重新提交');
  expect(page.text()).toContain('已提交（发布前可修改）');
  expect(page.text()).toContain('修改并重新提交');
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '评价已提交' }));
});

test('does not submit when the confirmation is cancelled', async () => {
  const backend = mockBackend({
    'ratings.firmGrades': GRADES,
    'ratings.mySheets': { ok: true, data: mySheetsOf('submitted') },
    'ratings.submit': submitted,
  });
  (wx.showModal as unknown as jest.Mock).mockImplementation((o: { success?: (r: object) => void }) =>
    setTimeout(() => o.success?.({ confirm: false, cancel: true }), 0),
  );
  page = await renderPage('staff/ratings/sheet/index');

  await page.tap('修改并重新提交');
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认修改评价表？' }));
  expect(backend.calls('ratings.submit')).toEqual([]);
});

test('shows a submitted sheet’s scores and comment, ready to change', async () => {
  const backend = mockBackend({
    'ratings.firmGrades': GRADES,
    'ratings.mySheets': { ok: true, data: mySheetsOf('submitted') },
    'ratings.submit': submitted,
  });
  page = await renderPage('staff/ratings/sheet/index');

  expect(page.text()).toContain('4 分 · 较好');
  await star(page, '报修响应', 2);
  await page.tap('修改并重新提交');
  expect(backend.calls('ratings.submit')).toEqual([
    { compoundId: 'cp_jiangjin', period: '2026-H2', scores: { ...allScores(4), repairs: 2 }, comment: '保持良好' },
  ]);
});

test('shows a closed sheet without a submit button, and stars do nothing', async () => {
  const backend = mockBackend({ 'ratings.firmGrades': GRADES, 'ratings.mySheets': { ok: true, data: mySheetsOf('closed') } });
  page = await renderPage('staff/ratings/sheet/index');

  expect(page.text()).toContain('已截止');
  expect(page.text()).toContain('评价表已截止，不能再修改');
  expect(page.queryByText('修改并重新提交')).toBeNull();
  await star(page, '环境卫生', 1);
  expect(page.text()).not.toContain('1 分 · 很差');
  expect(backend.calls('ratings.submit')).toEqual([]);
});

test('shows the server’s refusal when the period was published meanwhile', async () => {
  const backend = mockBackend({
    'ratings.mySheets': { ok: true, data: mySheetsOf('submitted') },
    'ratings.submit': {
      ok: false,
      error: { code: 'INVALID_STATE', message: '该期评价已发布，不能再提交或修改评价表', reason: 'PERIOD_PUBLISHED' },
    },
  });
  page = await renderPage('staff/ratings/sheet/index');

  backend.answer('ratings.mySheets', { ok: true, data: mySheetsOf('closed') });
  await page.tap('修改并重新提交');
  await until(page, '已截止');
  expect(page.text()).toContain('该期评价已发布，不能再提交或修改评价表');
  expect(backend.calls('ratings.mySheets')).toHaveLength(2);
  expect(page.text()).toContain('已截止');
});

test('tells a caller who rates nothing', async () => {
  mockBackend({
    'ratings.mySheets': {
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有业委会成员和社区党组织可以评价物业服务', reason: 'NOT_A_RATER' },
    },
  });
  page = await renderPage('staff/ratings/sheet/index');

  expect(page.text()).toContain('暂无评价任务');
  expect(page.text()).toContain('只有业委会成员和社区党组织可以评价物业服务');
  expect(page.queryByText('重试')).toBeNull();
});

test('shows a network error with 重试', async () => {
  const backend = mockBackend({
    'ratings.firmGrades': GRADES,
    'ratings.mySheets': { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } },
  });
  page = await renderPage('staff/ratings/sheet/index');

  backend.answer('ratings.mySheets', { ok: true, data: mySheetsOf('draft') });
  await page.tap('重试');
  expect(page.text()).toContain('江津花园');
});

test('shows the sheet without grades when they cannot be loaded', async () => {
  const backend = mockBackend({
    'ratings.firmGrades': { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } },
    'ratings.mySheets': { ok: true, data: mySheetsOf('draft') },
  });
  page = await renderPage('staff/ratings/sheet/index');

  await until(page, '江津花园');
  await waitFor(() => backend.calls('ratings.firmGrades').length === 1);
  await settle(50);
  expect(page.text()).toContain('荆州楚韵物业服务有限公司 · 以业委会成员身份评价');
  expect(page.text()).not.toContain('· 信用等级');
  expect(page.text()).toContain('提交评价表');
});
