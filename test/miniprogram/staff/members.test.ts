import { findAllByText, hasClass, mockBackend, renderPage, textOf, type MockBackend, type PageHandle } from '../harness';
import { communityList, ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { member, page as membersPage, until, untilLoaded, whoamiRc, whoamiResident } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

const PENDING = { communityId: 'cm_hongxing', status: 'pending', limit: 20 };
const ACTIVE = { communityId: 'cm_hongxing', status: 'active', limit: 20 };

beforeEach(() => {
  installWx();
  backend = mockBackend({ 'account.whoami': whoamiRc, 'community.list': communityList });
});
afterEach(() => page?.detach());

async function open(): Promise<PageHandle> {
  const p = await renderPage('staff/members/index');
  await untilLoaded(p);
  return p;
}

/** The card of the member with this name. */
function rowOf(p: PageHandle, name: string): Element {
  for (let el: Element | null = p.getByText(name); el; el = el.parentElement) if (hasClass(el, 'member')) return el;
  throw new Error(`no member card for ${name}`);
}

/** Taps a button inside a member's card. */
async function tapInRow(p: PageHandle, name: string, label: string): Promise<void> {
  const [button] = findAllByText(rowOf(p, name), label);
  if (!button) throw new Error(`${name}'s card has no "${label}"; it shows: ${textOf(rowOf(p, name))}`);
  await p.tap(button);
}

test('lists pending applications with compound, address, masked phone and the 党员 tag', async () => {
  backend.answer(
    'account.listMembers',
    membersPage([member(), member({ userId: 'u_qian', name: '钱红梅', compoundId: 'cp_wanshou', isPartyMember: true })]),
  );
  page = await open();

  expect(backend.calls('account.listMembers')).toEqual([PENDING]);
  expect(backend.calls('community.list')).toEqual([{ mine: true }]);
  const zhao = textOf(rowOf(page, '赵志远'));
  expect(zhao).toContain('江津花园 · 6栋 601');
  expect(zhao).toContain('139****0006');
  expect(zhao).toContain('待审核');
  expect(zhao).not.toContain('党员');
  expect(textOf(rowOf(page, '钱红梅'))).toContain('万寿园小区 · 6栋 601');
  expect(textOf(rowOf(page, '钱红梅'))).toContain('党员');
});

test('approves a pending resident after confirming and shows them as approved', async () => {
  backend.answer('account.listMembers', membersPage([member(), member({ userId: 'u_qian', name: '钱红梅' })]));
  backend.answer('account.approve', (d) => ok(member({ userId: String(d.userId), name: '钱红梅', status: 'active', roles: ['resident'] })));
  page = await open();

  await tapInRow(page, '钱红梅', '通过');
  expect(page.text()).toContain('确认通过 钱红梅 的注册申请？');
  expect(backend.calls('account.approve')).toEqual([]);

  await page.tap('确认通过');
  expect(backend.calls('account.approve')).toEqual([{ userId: 'u_qian' }]);
  await until(() => textOf(rowOf(page!, '钱红梅')).includes('已通过'));
  const qian = rowOf(page, '钱红梅');
  expect(textOf(qian)).toContain('已通过');
  expect(textOf(qian)).toContain('居民');
  expect(textOf(qian)).not.toContain('待审核');
  expect(findAllByText(qian, '通过')).toEqual([]);
  // The full phone the approval answers with is not shown.
  expect(page.text()).not.toContain('13907160006');
  expect(textOf(rowOf(page, '赵志远'))).toContain('待审核');
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过' }));
});

test('does not approve when the confirmation is cancelled', async () => {
  backend.answer('account.listMembers', membersPage([member()]));
  page = await open();

  await tapInRow(page, '赵志远', '通过');
  expect(page.text()).toContain('确认通过 赵志远 的注册申请？');
  await page.tap('取消');
  // The dialog fades out (TDesign's 300 ms transition) before it leaves the page.
  await until(() => page!.queryByText('确认通过 赵志远 的注册申请？') === null);

  expect(backend.calls('account.approve')).toEqual([]);
  expect(page.queryByText('确认通过 赵志远 的注册申请？')).toBeNull();
  expect(textOf(rowOf(page, '赵志远'))).toContain('待审核');
});

test('says why on the row when the application was already handled', async () => {
  backend.answer('account.listMembers', membersPage([member()]));
  backend.answer('account.approve', {
    ok: false,
    error: { code: 'INVALID_STATE', message: '该用户不在待审核状态', reason: 'NOT_PENDING' },
  });
  page = await open();

  await tapInRow(page, '赵志远', '通过');
  await page.tap('确认通过');

  expect(backend.calls('account.approve')).toEqual([{ userId: 'u_zhao' }]);
  await until(() => page!.text().includes('该用户不在待审核状态'));
  expect(textOf(rowOf(page, '赵志远'))).toContain('该用户不在待审核状态');
  expect(wx.showToast).not.toHaveBeenCalled();
});

test('shows 暂无待审核的申请 when nobody is waiting', async () => {
  backend.answer('account.listMembers', membersPage([]));
  page = await open();

  expect(page.text()).toContain('暂无待审核的申请');
  expect(page.queryByText('加载更多')).toBeNull();
});

test('loads the next page when 加载更多 is tapped and shows 没有更多了 at the end', async () => {
  backend.answer('account.listMembers', (d) =>
    d.cursor === 'c20'
      ? membersPage([member({ userId: 'u_sun', name: '孙建国' })])
      : membersPage([member(), member({ userId: 'u_qian', name: '钱红梅' })], 'c20'),
  );
  page = await open();
  expect(page.queryByText('孙建国')).toBeNull();
  expect(page.queryByText('没有更多了')).toBeNull();

  await page.tap('加载更多');
  await until(() => page!.text().includes('没有更多了'));

  expect(backend.calls('account.listMembers')).toEqual([PENDING, { ...PENDING, cursor: 'c20' }]);
  expect(page.queryByText('孙建国')).not.toBeNull();
  expect(page.queryByText('赵志远')).not.toBeNull();
  expect(page.text()).toContain('没有更多了');
  expect(page.queryByText('加载更多')).toBeNull();
});

test('shows approved members on 已通过 and filters them by role', async () => {
  backend.answer('account.listMembers', (d) =>
    d.status === 'pending'
      ? membersPage([member()])
      : d.role === 'oc_member'
        ? membersPage([member({ userId: 'u_oc', name: '周立新', status: 'active', roles: ['resident', 'oc_member'], isPartyMember: true })])
        : membersPage([member({ userId: 'u_li', name: '李秀英', status: 'active', roles: ['resident'] })]),
  );
  page = await open();

  await page.tap('已通过');
  await untilLoaded(page);
  expect(backend.calls('account.listMembers').at(-1)).toEqual(ACTIVE);
  expect(page.queryByText('赵志远')).toBeNull();
  expect(textOf(rowOf(page, '李秀英'))).toContain('居民');

  await page.pick('角色', '业委会成员');
  await untilLoaded(page);
  expect(backend.calls('account.listMembers').at(-1)).toEqual({ ...ACTIVE, role: 'oc_member' });
  expect(page.queryByText('李秀英')).toBeNull();
  const zhou = textOf(rowOf(page, '周立新'));
  expect(zhou).toContain('业委会成员');
  expect(zhou).toContain('党员');
  // Already on the committee: nothing to grant.
  expect(zhou).not.toContain('设为业委会成员');
});

test('makes an approved resident an owners’-committee member after confirming', async () => {
  backend.answer('account.listMembers', (d) =>
    d.status === 'pending'
      ? membersPage([])
      : membersPage([member({ userId: 'u_li', name: '李秀英', status: 'active', roles: ['resident'] })]),
  );
  backend.answer('account.grantRole', ok(member({ userId: 'u_li', name: '李秀英', status: 'active', roles: ['resident', 'oc_member'] })));
  page = await open();
  await page.tap('已通过');
  await untilLoaded(page);

  await tapInRow(page, '李秀英', '设为业委会成员');
  expect(page.text()).toContain('确认将 李秀英 设为业委会成员？');
  await page.tap('确认设置');

  expect(backend.calls('account.grantRole')).toEqual([{ userId: 'u_li', role: 'oc_member' }]);
  await until(() => !textOf(rowOf(page!, '李秀英')).includes('设为业委会成员'));
  const li = textOf(rowOf(page, '李秀英'));
  expect(li).toContain('业委会成员');
  expect(li).not.toContain('设为业委会成员');
});

test('tells a resident the page is for community staff, without 重试 and without listing members', async () => {
  backend.answer('account.whoami', whoamiResident);
  page = await open();

  expect(page.text()).toContain('仅社区居委会工作人员、社区党组织和平台管理员可以审核居民注册');
  expect(page.queryByText('重试')).toBeNull();
  expect(backend.calls('account.listMembers')).toEqual([]);
});

test('shows a FORBIDDEN answer as a plain message', async () => {
  backend.answer('account.listMembers', { ok: false, error: { code: 'FORBIDDEN', message: '只能查看本社区的成员' } });
  page = await open();

  expect(page.text()).toContain('只能查看本社区的成员');
  expect(page.queryByText('重试')).toBeNull();
});

test('shows an error with 重试 when the list fails, and loads it on retry', async () => {
  backend.answer('account.listMembers', { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } });
  page = await open();
  expect(page.text()).toContain('网络异常，请稍后重试');

  backend.answer('account.listMembers', membersPage([member()]));
  await page.tap('重试');
  await untilLoaded(page);

  expect(backend.calls('account.listMembers')).toEqual([PENDING, PENDING]);
  expect(page.queryByText('赵志远')).not.toBeNull();
  expect(page.queryByText('重试')).toBeNull();
});

test('reloads the first page on pull-down', async () => {
  backend.answer('account.listMembers', membersPage([member()]));
  page = await open();
  backend.answer('account.listMembers', membersPage([member(), member({ userId: 'u_wu', name: '吴桂兰' })]));

  (page.comp.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh();
  await until(() => page!.text().includes('吴桂兰'));

  expect(backend.calls('account.listMembers')).toEqual([PENDING, PENDING]);
  expect(page.queryByText('吴桂兰')).not.toBeNull();
  expect(wx.stopPullDownRefresh).toHaveBeenCalled();
});
