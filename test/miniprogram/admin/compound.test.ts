import type { CompoundView } from '../../../typings/admin';
import { findAllByText, hasClass, mockBackend, renderPage, textOf, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { firmsPage, untilLoaded } from './fixtures';

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

/** The firms' latest city-wide grades, as ratings.firmGrades answers (楚韵 graded, 荆华 never rated). */
const GRADES = ok([
  { firmId: 'f_chuyun', period: '2026-H1', label: '2026年上半年', grade: 'AA', creditScore: 84.5, list: null, hasPartyOrg: true },
  { firmId: 'f_jinghua', period: null, label: null, grade: null, creditScore: null, list: null, hasPartyOrg: false },
]);

/** The open firm list (the bottom sheet 选择物业企业). */
function firmSheet(p: PageHandle): Element {
  const sheet = [...p.dom.querySelectorAll('*')].find((el) => hasClass(el, 'sheet'));
  if (!sheet) throw new Error(`no firm list; the page shows: ${p.text()}`);
  return sheet;
}

/** The row of a firm in the firm list: its name, grade and party organisation. */
function firmRow(p: PageHandle, name: string): Element {
  let el: Element | null = findAllByText(firmSheet(p), name)[0] ?? null;
  while (el && !hasClass(el, 't-cell')) el = el.parentElement;
  if (!el) throw new Error(`no firm ${name} in the list: ${textOf(firmSheet(p))}`);
  return el;
}

/** Opens the firm list and taps a firm, as a person chooses one. */
async function chooseFirm(p: PageHandle, name: string): Promise<void> {
  await p.tap('物业企业');
  await p.tap(firmRow(p, name));
}

async function open(): Promise<PageHandle> {
  const p = await renderPage('admin/compound/index', { properties: { compoundId: 'cp_jiangjin' } });
  await untilLoaded(p);
  return p;
}

test('shows the firm serving now and the service history with its dates', async () => {
  const backend = mockBackend({ 'admin.compound': ok(compound()), 'admin.firms': ok(firmsPage()), 'ratings.firmGrades': GRADES });
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
    'admin.firms': ok(firmsPage()),
    'ratings.firmGrades': GRADES,
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

  await chooseFirm(page, '荆州荆华物业管理有限公司');
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
    'admin.firms': ok(firmsPage()),
    'ratings.firmGrades': GRADES,
    'admin.assignFirm': {
      ok: false,
      error: { code: 'INVALID_STATE', message: '开始日期须晚于上一次指定的 2025-07-01', reason: 'NOT_AFTER_LAST' },
    },
  });
  page = await open();
  await chooseFirm(page, '荆州荆华物业管理有限公司');
  (page.comp.instance as unknown as { onDate(e: object): void }).onDate({ detail: { value: '2025-01-01' } });
  await page.tap('确认指定');
  await page.settle(60);
  expect(page.text()).toContain('开始日期须晚于上一次指定的 2025-07-01');
});

test('the firm list shows each candidate’s latest city-wide grade and whether it has a party organisation', async () => {
  const backend = mockBackend({ 'admin.compound': ok(compound()), 'admin.firms': ok(firmsPage()), 'ratings.firmGrades': GRADES });
  page = await open();
  expect(backend.calls('ratings.firmGrades')).toEqual([{ firmIds: ['f_chuyun', 'f_jinghua'] }]);

  await page.tap('物业企业');
  expect(textOf(firmRow(page, '荆州楚韵物业服务有限公司'))).toContain('信用等级 AA（2026年上半年） · 有党组织');
  expect(textOf(firmRow(page, '荆州荆华物业管理有限公司'))).toContain('尚无信用等级 · 无党组织');

  await page.tap(firmRow(page, '荆州楚韵物业服务有限公司'));
  const chosen = page.field('物业企业');
  expect(textOf(chosen)).toContain('荆州楚韵物业服务有限公司');
  expect(textOf(chosen)).toContain('信用等级 AA（2026年上半年） · 有党组织');
});

test('without the grades the firms still show their party organisation, and why the grades are missing', async () => {
  mockBackend({
    'admin.compound': ok(compound()),
    'admin.firms': ok(firmsPage()),
    'ratings.firmGrades': { ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } },
  });
  page = await open();
  await page.tap('物业企业');
  expect(textOf(firmRow(page, '荆州荆华物业管理有限公司'))).toContain('无党组织');
  expect(page.text()).toContain('信用等级未能加载：服务暂时不可用，请稍后重试');
  expect(page.text()).toContain('有党组织');
  expect(page.text()).not.toContain('信用等级 AA');
});

test('the firm list offers the first 50 firms by name and finds others by the start of their name, with their grades', async () => {
  const [, jinghua] = firmsPage().items;
  const backend = mockBackend({
    'admin.compound': ok(compound()),
    'admin.firms': (data: { q?: string }) => ok(data.q ? { items: [jinghua], nextCursor: null } : firmsPage()),
    'ratings.firmGrades': GRADES,
  });
  page = await open();
  expect(backend.calls('admin.firms')).toEqual([{ limit: 50 }]);
  await page.tap('物业企业');
  await page.type('查找', '荆州荆华');
  await page.settle(60);
  expect(backend.calls('admin.firms').at(-1)).toEqual({ q: '荆州荆华', limit: 50 });
  expect(backend.calls('ratings.firmGrades').at(-1)).toEqual({ firmIds: ['f_jinghua'] });
  expect(textOf(firmSheet(page))).not.toContain('荆州楚韵物业服务有限公司');
  await page.tap(firmRow(page, '荆州荆华物业管理有限公司'));
  expect(textOf(page.field('物业企业'))).toContain('尚无信用等级 · 无党组织');
});
