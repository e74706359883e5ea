import { mockBackend, renderPage, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { streetStructure, structureView, untilLoaded } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(): Promise<PageHandle> {
  const p = await renderPage('admin/firms/index');
  await untilLoaded(p);
  return p;
}

test('lists the registered firms with their credit codes and party organisation', async () => {
  mockBackend({ 'admin.structure': ok(structureView()) });
  page = await open();
  expect(page.text()).toContain('已登记的企业（2 家）');
  expect(page.text()).toContain('信用代码 91421000MA4KXXXX0A');
  expect(page.text()).toContain('有党组织');
  expect(page.text()).toContain('无党组织');
});

test('the admin registers a firm; the party organisation switch and phone go with it', async () => {
  const backend = mockBackend({ 'admin.structure': ok(structureView()), 'admin.registerFirm': ok({ firmId: 'f_new' }) });
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
    'admin.structure': ok(structureView()),
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
  mockBackend({ 'admin.structure': ok(streetStructure()) });
  page = await open();
  expect(page.text()).toContain('荆州荆华物业管理有限公司');
  expect(page.queryByText('登记企业')).toBeNull();
});
