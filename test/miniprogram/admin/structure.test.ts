import { mockBackend, renderPage, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { cityStreets, forbidden, streetStructure, structureView, untilLoaded } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(properties: Record<string, string> = {}): Promise<PageHandle> {
  const p = await renderPage('admin/structure/index', { properties });
  await untilLoaded(p);
  return p;
}

test('the admin sees every street with its count of communities (the server lists none of them) and may import a sheet', async () => {
  const streets = cityStreets().streets.map((s) => (s.streetId === 'st_shengli' ? { ...s, communityCount: 12 } : s));
  const backend = mockBackend({ 'admin.structure': ok(structureView({ streets })) });
  page = await open();

  expect(backend.calls('admin.structure')).toEqual([{}]);
  expect(page.text()).toContain('全市街道');
  expect(page.getByText('胜利街道')).toBeTruthy();
  expect(page.text()).toContain('沙市区 · 12 个社区');
  await page.tap('导入表格');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/import/index' }));
  await page.tap('胜利街道');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/structure/index?streetId=st_shengli' }));
});

test('the admin creates a street with its district', async () => {
  const backend = mockBackend({ 'admin.structure': ok(cityStreets()), 'admin.createStreet': ok({ streetId: 'st_new' }) });
  page = await open();
  await page.type('名称', '朝阳街道');
  await page.tap('新建');
  expect(page.text()).toContain('请填写所属区');
  expect(backend.calls('admin.createStreet')).toEqual([]);

  await page.type('所属区', '沙市区');
  await page.tap('新建');
  await page.settle(60);
  expect(backend.calls('admin.createStreet')).toEqual([{ name: '朝阳街道', district: '沙市区' }]);
  expect(backend.calls('admin.structure')).toHaveLength(2);
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已新建' }));
});

test('a street_admin of one street starts at it, without the import, and adds a community with its population', async () => {
  const backend = mockBackend({ 'admin.structure': ok(streetStructure()), 'admin.createCommunity': ok({ communityId: 'cm_new' }) });
  page = await open();

  expect(page.text()).toContain('胜利街道');
  expect(page.text()).toContain('人口 1000 · 2 个小区');
  expect(page.queryByText('导入表格')).toBeNull();
  await page.type('名称', '新华社区');
  await page.type('人口', '12a');
  await page.tap('新建');
  expect(page.text()).toContain('人口请填写整数');
  await page.type('人口', '1200');
  await page.tap('新建');
  await page.settle(60);
  expect(backend.calls('admin.createCommunity')).toEqual([{ streetId: 'st_shengli', name: '新华社区', population: 1200 }]);
});

test('a community shows its compounds with their firms and adds a compound with its buildings', async () => {
  const backend = mockBackend({ 'admin.structure': ok(streetStructure()), 'admin.createCompound': ok({ compoundId: 'cp_new' }) });
  page = await open({ streetId: 'st_shengli', communityId: 'cm_hongxing' });

  expect(backend.calls('admin.structure')).toEqual([{ streetId: 'st_shengli' }]);
  expect(page.text()).toContain('胜利街道 · 红星社区');
  expect(page.text()).toContain('物业：荆州楚韵物业服务有限公司 · 8 栋');
  expect(page.text()).toContain('未指定物业');
  await page.type('名称', '新河小区');
  await page.type('楼栋', '1栋、2栋，3栋');
  await page.tap('新建');
  await page.settle(60);
  expect(backend.calls('admin.createCompound')).toEqual([
    { communityId: 'cm_hongxing', name: '新河小区', buildings: ['1栋', '2栋', '3栋'] },
  ]);
  await page.tap('江津花园');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/admin/compound/index?compoundId=cp_jiangjin' }));
});

test('a refused creation shows the server’s reason in Chinese and keeps the form', async () => {
  mockBackend({
    'admin.structure': ok(streetStructure()),
    'admin.createCommunity': { ok: false, error: { code: 'CONTENT_REJECTED', message: '内容含有违规信息，请修改后重试' } },
  });
  page = await open();
  await page.type('名称', '某社区');
  await page.tap('新建');
  await page.settle(60);
  expect(page.text()).toContain('内容含有违规信息，请修改后重试');
  expect(page.text()).not.toContain('重试重试');
});

test('someone without a setup role is told so, without 重试', async () => {
  mockBackend({ 'admin.structure': forbidden('没有权限执行此操作') });
  page = await open();
  expect(page.text()).toContain('无权查看');
  expect(page.text()).toContain('没有权限执行此操作');
  expect(page.queryByText('重试')).toBeNull();
});
