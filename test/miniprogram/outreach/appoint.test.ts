// 任命楼栋职务 on 党员报到管理 (outreach/reports/index, issue #15 §1): the community party organisation
// names a confirmed member 楼栋党小组长 or 楼栋长, tapped and typed as a person would.
import { communityList, ok } from '../fixtures';
import { findAllByText, hasClass, mockBackend, renderPage, textOf, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { report, reportsPage, untilLoaded, untilStable, whoamiParty, whoamiRc } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

/** 杨志刚 leads 江津花园 3栋's party group; 赵志远 holds no post yet. */
const yang = report();
const zhao = report({ reportId: 'u_vol:residence', userId: 'u_vol', name: '赵志远', kind: 'residence', buildingPosts: [] });

/** The confirmed tab of the party organisation's page. */
async function openConfirmed(): Promise<PageHandle> {
  const p = await renderPage('outreach/reports/index');
  await untilLoaded(p);
  await p.tap('已确认');
  await untilStable(p);
  return p;
}

/** The card of a member in the list. */
function card(p: PageHandle, name: string): Element {
  let el: Element | null = findAllByText(p.dom, name)[0] ?? null;
  while (el && !hasClass(el, 'card')) el = el.parentElement;
  if (!el) throw new Error(`no card of ${name}: ${p.text()}`);
  return el;
}

/** The open appointment sheet. */
function sheet(p: PageHandle): Element {
  const el = [...p.dom.querySelectorAll('*')].find((e) => hasClass(e, 'sheet'));
  if (!el) throw new Error(`no appointment sheet: ${p.text()}`);
  return el;
}

/** Taps a button of the open sheet by its text. */
async function tapInSheet(p: PageHandle, text: string): Promise<void> {
  const target = findAllByText(sheet(p), text)[0];
  if (!target) throw new Error(`the sheet has no "${text}": ${textOf(sheet(p))}`);
  await p.tap(target);
}

async function openSheetFor(p: PageHandle, name: string): Promise<void> {
  await p.tap(findAllByText(card(p, name), '任命楼栋职务')[0]);
  await untilStable(p);
}

beforeEach(() => {
  backend = mockBackend({
    'account.whoami': whoamiParty,
    'outreach.listReports': (data) => reportsPage(data.status === 'confirmed' ? [yang, zhao] : []),
    'community.list': communityList,
    'outreach.appointBuildingRole': ok({
      compoundId: 'cp_jiangjin',
      building: '3栋',
      role: 'party_group_leader',
      roleLabel: '楼栋党小组长',
      userId: 'u_vol',
      name: '赵志远',
    }),
  });
});

test('names a confirmed member to a building post, which moves from its previous holder', async () => {
  page = await openConfirmed();
  expect(textOf(card(page, '杨志刚'))).toContain('3栋楼栋党小组长');

  await openSheetFor(page, '赵志远');
  expect(textOf(sheet(page))).toContain('任命楼栋职务 · 赵志远');
  expect(textOf(sheet(page))).toContain('现无楼栋职务');
  await tapInSheet(page, '江津花园');
  await page.type('楼栋', '3栋');
  await tapInSheet(page, '楼栋党小组长');
  await tapInSheet(page, '确认任命');
  await untilStable(page);

  expect(backend.calls('outreach.appointBuildingRole')).toEqual([
    { userId: 'u_vol', compoundId: 'cp_jiangjin', building: '3栋', role: 'party_group_leader' },
  ]);
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已任命' }));
  expect(textOf(card(page, '赵志远'))).toContain('3栋楼栋党小组长');
  expect(textOf(card(page, '杨志刚'))).not.toContain('3栋楼栋党小组长');
});

test('shows a member’s current posts, and says what is missing before asking the server', async () => {
  page = await openConfirmed();
  await openSheetFor(page, '杨志刚');
  expect(textOf(sheet(page))).toContain('现任：3栋楼栋党小组长');

  await tapInSheet(page, '确认任命');
  expect(textOf(sheet(page))).toContain('请选择小区');
  await tapInSheet(page, '万寿园小区');
  await tapInSheet(page, '确认任命');
  expect(textOf(sheet(page))).toContain('请填写楼栋，如 3栋');
  await page.type('楼栋', '5栋');
  await tapInSheet(page, '确认任命');
  expect(textOf(sheet(page))).toContain('请选择职务');
  expect(backend.calls('outreach.appointBuildingRole')).toEqual([]);
  // Only the community's own compounds are offered.
  expect(findAllByText(sheet(page), '太湖港小区')).toEqual([]);
});

test.each([
  ['FORBIDDEN', { code: 'FORBIDDEN', message: '只有本社区党组织可以任命楼栋职务' }],
  ['INVALID_STATE', { code: 'INVALID_STATE', message: '只能任命已确认报到的党员', reason: 'NOT_CONFIRMED_MEMBER' }],
])('a %s refusal shows the server’s reason and changes no post', async (_code, error) => {
  backend.answer('outreach.appointBuildingRole', { ok: false, error } as never);
  page = await openConfirmed();
  await openSheetFor(page, '赵志远');
  await tapInSheet(page, '江津花园');
  await page.type('楼栋', '3栋');
  await tapInSheet(page, '楼栋长');
  await tapInSheet(page, '确认任命');
  await untilStable(page);

  expect(textOf(sheet(page))).toContain(error.message);
  expect(textOf(card(page, '赵志远'))).not.toContain('楼栋长');
  expect(textOf(card(page, '杨志刚'))).toContain('3栋楼栋党小组长');
});

test('residents’-committee staff see the posts but cannot appoint', async () => {
  backend.answer('account.whoami', whoamiRc);
  page = await openConfirmed();
  expect(textOf(card(page, '杨志刚'))).toContain('3栋楼栋党小组长');
  expect(page.queryByText('任命楼栋职务')).toBeNull();
});

describe('卸任', () => {
  /** The list answers 杨志刚 without his post once the post has been vacated. */
  function vacatingBackend(answer: (data: Record<string, unknown>) => unknown): void {
    let vacated = false;
    backend.answer('outreach.listReports', (data) =>
      reportsPage(data.status === 'confirmed' ? [vacated ? { ...yang, buildingPosts: [] } : yang, zhao] : []),
    );
    backend.answer('outreach.vacateBuildingRole', (data) => {
      const out = answer(data);
      vacated = (out as { ok: boolean }).ok;
      return out as never;
    });
  }

  const tapVacate = async (p: PageHandle, name: string) => {
    await p.tap(findAllByText(card(p, name), '卸任')[0]);
    await untilStable(p);
  };

  test('asks first, vacates the post for the holder shown, then reads the list again', async () => {
    vacatingBackend(() => ok({ ...yang.buildingPosts[0], vacated: true, previousUserId: 'u_cadre' }));
    page = await openConfirmed();
    expect(findAllByText(card(page, '赵志远'), '卸任')).toEqual([]);
    await tapVacate(page, '杨志刚');

    expect(wx.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '卸任楼栋职务', content: expect.stringContaining('确定让杨志刚卸任3栋楼栋党小组长？') }),
    );
    expect(backend.calls('outreach.vacateBuildingRole')).toEqual([
      { compoundId: 'cp_jiangjin', building: '3栋', role: 'party_group_leader', userId: 'u_cadre' },
    ]);
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已卸任' }));
    expect(backend.calls('outreach.listReports').filter((c) => c.status === 'confirmed')).toHaveLength(2);
    expect(textOf(card(page, '杨志刚'))).not.toContain('3栋楼栋党小组长');
  });

  test('nothing is sent when the person answers 取消', async () => {
    vacatingBackend(() => ok({}));
    page = await openConfirmed();
    (wx.showModal as jest.Mock).mockImplementationOnce((o: { success(r: object): void }) => o.success({ confirm: false, cancel: true }));
    await tapVacate(page, '杨志刚');
    expect(backend.calls('outreach.vacateBuildingRole')).toEqual([]);
    expect(textOf(card(page, '杨志刚'))).toContain('3栋楼栋党小组长');
  });

  test('a refusal shows the server’s reason on the member’s card and keeps the post', async () => {
    const error = { code: 'FORBIDDEN', message: '只有本社区党组织可以撤销楼栋职务' };
    vacatingBackend(() => ({ ok: false, error }));
    page = await openConfirmed();
    await tapVacate(page, '杨志刚');
    expect(textOf(card(page, '杨志刚'))).toContain(error.message);
    expect(textOf(card(page, '杨志刚'))).toContain('3栋楼栋党小组长');
  });

  test('residents’-committee staff are offered no 卸任', async () => {
    backend.answer('account.whoami', whoamiRc);
    page = await openConfirmed();
    expect(page.queryByText('卸任')).toBeNull();
  });
});
