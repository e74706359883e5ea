import { mockBackend, renderPage, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { until } from '../ratings/wait';
import { LIST, ok } from './fixtures';
import { user, whoamiAs } from '../fixtures';

/** An owners' committee member; whoami brings the matters the draft form offers. */
const whoamiOc = whoamiAs(user({ roles: ['resident', 'oc_member'] }), 'demo-oc');

let page: PageHandle | undefined;
beforeEach(() => installWx());
afterEach(() => page?.detach());

describe('motions list', () => {
  test('lists motions and opens one', async () => {
    mockBackend({ 'owners.list': ok(LIST) });
    page = await renderPage('owners/index/index');
    expect(page.text()).toContain('使用维修资金更换供水管网');
    expect(page.text()).toContain('修订《江津花园管理规约》');
    expect(page.text()).toContain('通过');
    expect(page.queryByText('发起表决')).toBeNull();
    await page.tap('使用维修资金更换供水管网');
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/owners/motion/index?motionId=mo_demo_pipes' }));
  });

  test('the committee of a black-listed firm’s compound proposes replacing it', async () => {
    mockBackend({ 'owners.list': ok({ ...LIST, canDraft: true, proposeReplacement: true }) });
    page = await renderPage('owners/index/index');
    await page.tap('提议更换物业服务企业');
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/owners/draft/index?compoundId=cp_jiangjin&matter=manager' }),
    );
    await page.tap('业主名册');
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/owners/register/index?compoundId=cp_jiangjin' }));
  });

  test('says so when there is none, and shows errors with 重试', async () => {
    const backend = mockBackend({ 'owners.list': { ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } } });
    page = await renderPage('owners/index/index');
    expect(page.text()).toContain('没有权限执行此操作');
    backend.answer('owners.list', ok({ ...LIST, items: [] }));
    await page.tap('重试');
    expect(page.text()).toContain('暂无表决事项');
  });
});

describe('drafting', () => {
  test('checks the form, then drafts an election and opens it', async () => {
    const backend = mockBackend({ 'account.whoami': whoamiOc, 'owners.draft': ok({ motionId: 'mo_new', status: 'draft' }) });
    page = await renderPage('owners/draft/index', { properties: { compoundId: 'cp_jiangjin' } });
    await page.tap('保存草稿');
    expect(page.text()).toContain('请选择表决事项类型');
    // The matters in the server's words (whoami's options).
    await page.pick('事项类型', '选举业主委员会或者更换业主委员会成员');
    await page.type('标题', '增补业委会委员');
    await page.type('表决内容', '增补两名委员');
    await page.type('开始日期', '2026-12-20');
    await page.type('截止日期', '2026-13-01');
    await page.type('候选人', '王明\n李芳');
    await page.type('应选人数', '1');
    await page.tap('保存草稿');
    expect(page.fieldError('截止日期')).toBe('请按 2026-12-27 的格式填写日期');
    expect(backend.calls('owners.draft')).toEqual([]);
    await page.type('截止日期', '2026-12-27');
    await page.tap('保存草稿');
    await until(page, '保存草稿');
    expect(backend.calls('owners.draft')).toEqual([
      {
        compoundId: 'cp_jiangjin',
        matter: 'committee_election',
        title: '增补业委会委员',
        text: '增补两名委员',
        opensAt: '2026-12-20T08:00:00+08:00',
        closesAt: '2026-12-27T20:00:00+08:00',
        candidates: ['王明', '李芳'],
        seats: 1,
      },
    ]);
    expect(wx.redirectTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/owners/motion/index?motionId=mo_new' }));
  });

  test('提议更换物业服务企业 starts a manager motion', async () => {
    mockBackend({ 'account.whoami': whoamiOc });
    page = await renderPage('owners/draft/index', { properties: { compoundId: 'cp_jiangjin', matter: 'manager' } });
    await until(page, '选聘和解聘物业服务企业');
    expect(page.text()).toContain('选聘和解聘物业服务企业');
  });
});

describe('register', () => {
  const unit = (line: number, room: string) => ({
    line,
    building: '1栋',
    room,
    area: 10240,
    ownerName: `业主${line}`,
    ownerPhone: '138****0101',
    developerHeld: false,
    linked: false,
  });
  const summary = { registerId: 'reg_1', units: 12, owners: 10, totalArea: 120272, unlinked: 21, importedAt: '2026-10-21T01:00:00.000Z' };

  test('shows the figures and the unlinked rows a page at a time', async () => {
    const first = Array.from({ length: 20 }, (_, i) => unit(i + 2, String(101 + i)));
    const backend = mockBackend({
      'owners.register': (data) =>
        (data as { cursor?: string }).cursor
          ? ok({ summary, units: { items: [unit(22, '121')], nextCursor: null }, canLink: false })
          : ok({ summary, units: { items: first, nextCursor: 'c2' }, canLink: false }),
    });
    page = await renderPage('owners/register/index', { properties: { compoundId: 'cp_jiangjin' } });
    expect(page.text()).toContain('1202.72');
    expect(page.text()).toContain('1栋 101 · 102.40 ㎡');
    expect(page.text()).toContain('业主2 138****0101');
    expect(page.text()).not.toContain('1栋 121');
    expect(page.queryByText('关联住户')).toBeNull();
    (page.comp.instance as unknown as { onReachBottom(): void }).onReachBottom();
    await until(page, '1栋 121');
    expect(backend.calls('owners.register')).toEqual([
      { compoundId: 'cp_jiangjin', unlinkedOnly: true, limit: 20 },
      { compoundId: 'cp_jiangjin', unlinkedOnly: true, limit: 20, cursor: 'c2' },
    ]);
  });

  test('the committee opens 关联住户 for a row', async () => {
    mockBackend({ 'owners.register': ok({ summary, units: { items: [unit(6, '101')], nextCursor: null }, canLink: true }) });
    page = await renderPage('owners/register/index', { properties: { compoundId: 'cp_jiangjin' } });
    await page.tap('关联住户');
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/owners/link/index?compoundId=cp_jiangjin&building=${encodeURIComponent('1栋')}&room=101` }),
    );
  });
});
