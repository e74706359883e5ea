import { ok, user, whoamiAs } from '../fixtures';
import { mockBackend, renderPage as renderRaw, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { summary } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function renderPage(): Promise<PageHandle> {
  const p = await renderRaw('pages/requests/new/index');
  await p.settle(150);
  return p;
}

const resident = whoamiAs(user({ name: '陈玉珍', roles: ['resident'] }));
const submitted = ok({ requestId: 'rq_new', status: 'submitted', dueAt: '2026-11-27T01:00:00.000Z', tier: 'general' });

async function fill(p: PageHandle): Promise<void> {
  await p.pick('诉求类别', '环境卫生');
  await p.type('标题', '6栋楼道堆放杂物');
  await p.type('问题描述', '一单元楼道堆满纸箱，堵住消防通道。');
}

test('submits the filled form after confirmation and opens the new request', async () => {
  const backend = mockBackend({ 'account.whoami': resident, 'requests.similar': ok({ items: [] }), 'requests.submit': submitted });
  page = await renderPage();
  await fill(page);
  await page.tap('提交诉求');
  await page.settle(50);

  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认提交' }));
  const [payload] = backend.calls('requests.submit');
  expect(payload).toEqual({
    category: 'environment',
    title: '6栋楼道堆放杂物',
    description: '一单元楼道堆满纸箱，堵住消防通道。',
    compoundId: 'cp_jiangjin',
    isPublic: true,
    clientToken: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  });
  expect(wx.redirectTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/requests/detail/index?requestId=rq_new' }));
});

test('does not submit when the confirmation is cancelled', async () => {
  const backend = mockBackend({ 'account.whoami': resident, 'requests.similar': ok({ items: [] }), 'requests.submit': submitted });
  (wx.showModal as jest.Mock).mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }));
  page = await renderPage();
  await fill(page);
  await page.tap('提交诉求');
  expect(backend.calls('requests.submit')).toEqual([]);
});

test('says what is missing and submits nothing', async () => {
  const backend = mockBackend({ 'account.whoami': resident, 'requests.submit': submitted });
  page = await renderPage();
  await page.tap('提交诉求');
  expect(page.text()).toContain('请选择诉求类别');
  expect(page.fieldError('标题')).toBe('请填写标题');
  expect(page.text()).toContain('请填写问题描述');
  expect(backend.calls('requests.submit')).toEqual([]);
  expect(wx.showModal).not.toHaveBeenCalled();
});

test('shows similar open requests and follows one instead of filing', async () => {
  const backend = mockBackend({
    'account.whoami': resident,
    'requests.similar': ok({
      items: [summary({ requestId: 'rq_demo_garbage', title: '东门垃圾清运不及时', category: 'environment', status: 'in_progress' })],
    }),
    'requests.follow': ok({ requestId: 'rq_demo_garbage', following: true, followers: 2 }),
  });
  page = await renderPage();
  await page.pick('诉求类别', '环境卫生');
  expect(backend.calls('requests.similar')).toEqual([{ compoundId: 'cp_jiangjin', category: 'environment' }]);
  expect(page.text()).toContain('本小区已有类似诉求');
  expect(page.text()).toContain('东门垃圾清运不及时');
  await page.tap('关注这条');
  expect(backend.calls('requests.follow')).toEqual([{ requestId: 'rq_demo_garbage' }]);
  expect(page.getByText('已关注')).toBeTruthy();
});

test('shows the content-check refusal from the server', async () => {
  mockBackend({
    'account.whoami': resident,
    'requests.similar': ok({ items: [] }),
    'requests.submit': { ok: false, error: { code: 'CONTENT_REJECTED', message: '内容未通过安全检测，请修改后再提交' } },
  });
  page = await renderPage();
  await fill(page);
  await page.tap('提交诉求');
  await page.settle(50);
  expect(page.text()).toContain('内容未通过安全检测，请修改后再提交');
  expect(wx.redirectTo).not.toHaveBeenCalled();
});

test('maps a server INVALID_INPUT issue to its field', async () => {
  mockBackend({
    'account.whoami': resident,
    'requests.similar': ok({ items: [] }),
    'requests.submit': {
      ok: false,
      error: { code: 'INVALID_INPUT', message: '输入有误', issues: [{ path: ['description'], message: '不能超过 1000 个字' }] },
    },
  });
  page = await renderPage();
  await fill(page);
  await page.tap('提交诉求');
  await page.settle(50);
  expect(page.text()).toContain('不能超过 1000 个字');
});

test('tells a pending account it cannot file yet', async () => {
  mockBackend({ 'account.whoami': whoamiAs(user({ status: 'pending', roles: [] })) });
  page = await renderPage();
  expect(page.text()).toContain('注册信息审核通过后才能提交诉求');
  expect(page.queryByText('提交诉求')).toBeNull();
});
