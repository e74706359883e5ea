import { findAllByText, mockBackend, renderPage, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { ok } from './fixtures';

let page: PageHandle | undefined;
beforeEach(() => installWx());
afterEach(() => page?.detach());

const RESIDENTS = {
  items: [
    { userId: 'u_feng', name: '冯国庆', phoneMasked: '138****0012', building: '9栋', room: '903' },
    { userId: 'u_li', name: '李秀兰', phoneMasked: '139****0020', building: '2栋', room: '201' },
  ],
  nextCursor: null,
};

test('links the picked resident to the unit after a confirmation, then goes back', async () => {
  const backend = mockBackend({ 'owners.residents': ok(RESIDENTS), 'owners.linkUnit': ok({ linked: true }) });
  page = await renderPage('owners/link/index', { properties: { compoundId: 'cp_wanshou', building: '9栋', room: '903' } });
  expect(page.text()).toContain('为 9栋 903 选择对应的住户');
  expect(page.text()).toContain('注册地址 9栋 903 · 手机号 138****0012');
  const pick = findAllByText(page.dom, '关联为业主');
  await page.tap(pick[0]);
  expect(page.text()).toContain('将住户 冯国庆 关联为 9栋 903 的业主');
  await page.tap('再想想');
  expect(backend.calls('owners.linkUnit')).toEqual([]);

  await page.tap(pick[0]);
  await page.tap('确认关联');
  expect(backend.calls('owners.linkUnit')).toEqual([{ compoundId: 'cp_wanshou', userId: 'u_feng', building: '9栋', room: '903' }]);
  expect(wx.navigateBack).toHaveBeenCalled();
});

test('says why a link was refused and stays', async () => {
  mockBackend({
    'owners.residents': ok(RESIDENTS),
    'owners.linkUnit': { ok: false, error: { code: 'NOT_FOUND', message: '名册中的房屋不存在' } },
  });
  page = await renderPage('owners/link/index', { properties: { compoundId: 'cp_wanshou', building: '9栋', room: '903' } });
  await page.tap(findAllByText(page.dom, '关联为业主')[1]);
  await page.tap('确认关联');
  expect(page.text()).toContain('名册中的房屋不存在');
  expect(wx.navigateBack).not.toHaveBeenCalled();
});

test('says so when every resident is linked already', async () => {
  mockBackend({ 'owners.residents': ok({ items: [], nextCursor: null }) });
  page = await renderPage('owners/link/index', { properties: { compoundId: 'cp_wanshou', building: '9栋', room: '903' } });
  expect(page.text()).toContain('本小区暂无未关联的住户');
});
