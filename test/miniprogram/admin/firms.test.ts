import { mockBackend, renderPage, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { firmsPage, untilLoaded, whoamiAdmin, whoamiStreet } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(): Promise<PageHandle> {
  const p = await renderPage('admin/firms/index');
  await untilLoaded(p);
  return p;
}

test('lists the registered firms with their credit codes and party organisation', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiAdmin, 'admin.firms': ok(firmsPage()) });
  page = await open();
  expect(page.text()).toContain('信用代码 91421000MA4KXXXX0A');
  expect(page.text()).toContain('有党组织');
  expect(page.text()).toContain('无党组织');
  expect(page.text()).toContain('没有更多了');
  expect(backend.calls('admin.firms')).toEqual([{}]);
  expect(backend.calls('admin.structure')).toEqual([]);
});

test('shows more firms a page at a time, and finds them by the start of their name', async () => {
  const [first, second] = firmsPage().items;
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.firms': (data: { cursor?: string; q?: string }) =>
      ok(
        data.q
          ? { items: [second], nextCursor: null }
          : data.cursor
            ? { items: [second], nextCursor: null }
            : { items: [first], nextCursor: 'c1' },
      ),
  });
  page = await open();
  expect(page.text()).toContain('荆州楚韵物业服务有限公司');
  expect(page.text()).not.toContain('荆州荆华物业管理有限公司');
  await page.tap('加载更多');
  await page.settle(60);
  expect(page.text()).toContain('荆州楚韵物业服务有限公司');
  expect(page.text()).toContain('荆州荆华物业管理有限公司');
  expect(backend.calls('admin.firms')).toEqual([{}, { cursor: 'c1' }]);

  await page.type('查找', '荆州荆华');
  await page.settle(60);
  expect(backend.calls('admin.firms').at(-1)).toEqual({ q: '荆州荆华' });
  expect(page.text()).not.toContain('荆州楚韵物业服务有限公司');
  expect(page.text()).toContain('荆州荆华物业管理有限公司');
});

test('the admin registers a firm; the party organisation switch and phone go with it', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.firms': ok(firmsPage()),
    'admin.registerFirm': ok({ firmId: 'f_new' }),
  });
  page = await open();
  await page.tap('登记企业');
  expect(page.text()).toContain('请填写企业名称和统一社会信用代码');
  expect(backend.calls('admin.registerFirm')).toEqual([]);

  await page.type('企业名称', '荆州新城物业有限公司');
  await page.type('信用代码', '91421000MA4K12345X');
  await page.type('联系电话', '13907160099');
  const instance = page.comp.instance as unknown as { onPartyOrg(e: object): void };
  instance.onPartyOrg({ detail: { value: true } });
  await page.tap('登记企业');
  await page.settle(60);
  expect(backend.calls('admin.registerFirm')).toEqual([
    { name: '荆州新城物业有限公司', creditCode: '91421000MA4K12345X', hasPartyOrg: true, contactPhone: '13907160099' },
  ]);
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已登记' }));
});

test('a bad credit code shows the server’s GB 32100 reason', async () => {
  mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.firms': ok(firmsPage()),
    'admin.registerFirm': {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '输入有误',
        issues: [{ path: ['creditCode'], message: '统一社会信用代码不正确（GB 32100）' }],
      },
    },
  });
  page = await open();
  await page.type('企业名称', '荆州新城物业有限公司');
  await page.type('信用代码', '91421000MA4K123450');
  await page.tap('登记企业');
  await page.settle(60);
  expect(page.text()).toContain('输入有误：统一社会信用代码不正确（GB 32100）');
});

test('a street_admin sees the firms but no registration form', async () => {
  mockBackend({ 'account.whoami': whoamiStreet, 'admin.firms': ok(firmsPage()) });
  page = await open();
  expect(page.text()).toContain('荆州荆华物业管理有限公司');
  expect(page.queryByText('登记企业')).toBeNull();
});
