import type { CompoundView } from '../../../typings/admin';
import { mockBackend, renderPage, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { structureView, untilLoaded } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

const compound = (overrides: Partial<CompoundView> = {}): CompoundView => ({
  compoundId: 'cp_jiangjin',
  name: '江津花园',
  communityId: 'cm_hongxing',
  communityName: '红星社区',
  buildings: ['1栋', '2栋'],
  firmId: 'f_chuyun',
  firmName: '荆州楚韵物业服务有限公司',
  history: [
    { firmId: 'f_chuyun', firmName: '荆州楚韵物业服务有限公司', from: '2025-07-01', to: null },
    { firmId: 'f_jinghua', firmName: '荆州荆华物业管理有限公司', from: '2024-01-01', to: '2025-07-01' },
  ],
  ...overrides,
});

async function open(): Promise<PageHandle> {
  const p = await renderPage('admin/compound/index', { properties: { compoundId: 'cp_jiangjin' } });
  await untilLoaded(p);
  return p;
}

test('shows the firm serving now and the service history with its dates', async () => {
  const backend = mockBackend({ 'admin.compound': ok(compound()), 'admin.structure': ok(structureView()) });
  page = await open();
  expect(backend.calls('admin.compound')).toEqual([{ compoundId: 'cp_jiangjin' }]);
  expect(page.text()).toContain('现在的物业：荆州楚韵物业服务有限公司');
  expect(page.text()).toContain('2025-07-01 至 今');
  expect(page.text()).toContain('在服务');
  expect(page.text()).toContain('2024-01-01 至 2025-07-01');
});

test('assigns a firm from a date after a confirmation, and shows the history the server answers', async () => {
  const backend = mockBackend({
    'admin.compound': ok(compound()),
    'admin.structure': ok(structureView()),
    'admin.assignFirm': ok({
      compoundId: 'cp_jiangjin',
      firmId: 'f_jinghua',
      history: [
        { firmId: 'f_chuyun', firmName: '荆州楚韵物业服务有限公司', from: '2025-07-01', to: '2026-11-01' },
        { firmId: 'f_jinghua', firmName: '荆州荆华物业管理有限公司', from: '2026-11-01', to: null },
      ],
    }),
  });
  page = await open();
  await page.tap('确认指定');
  expect(page.text()).toContain('请选择物业企业');

  await page.pick('物业企业', '荆州荆华物业管理有限公司');
  (page.comp.instance as unknown as { onDate(e: object): void }).onDate({ detail: { value: '2026-11-01' } });
  await page.tap('确认指定');
  await page.settle(60);
  expect(wx.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ content: expect.stringContaining('自 2026-11-01 起由 荆州荆华物业管理有限公司 服务 江津花园') }),
  );
  expect(backend.calls('admin.assignFirm')).toEqual([{ compoundId: 'cp_jiangjin', firmId: 'f_jinghua', from: '2026-11-01' }]);
  expect(page.text()).toContain('2025-07-01 至 2026-11-01');
  expect(page.text()).toContain('2026-11-01 至 今');
  expect(page.text()).toContain('现在的物业：荆州荆华物业管理有限公司');
});

test('a date before the last assignment shows the server’s reason', async () => {
  mockBackend({
    'admin.compound': ok(compound()),
    'admin.structure': ok(structureView()),
    'admin.assignFirm': {
      ok: false,
      error: { code: 'INVALID_STATE', message: '开始日期须晚于上一次指定的 2025-07-01', reason: 'NOT_AFTER_LAST' },
    },
  });
  page = await open();
  await page.pick('物业企业', '荆州荆华物业管理有限公司');
  (page.comp.instance as unknown as { onDate(e: object): void }).onDate({ detail: { value: '2025-01-01' } });
  await page.tap('确认指定');
  await page.settle(60);
  expect(page.text()).toContain('开始日期须晚于上一次指定的 2025-07-01');
});
