import { MEMBER_STATUS_LABELS, ROLE_LABELS } from '../../../cloudfunctions/core/domain/roles';
// 志愿服务队（社区） (outreach/teams/index), tapped and typed as a person would.
import type { MemberView } from '../../../typings/api';
import { ok } from '../fixtures';
import { findAllByText, hasClass, mockBackend, renderPage, textOf, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { team, untilLoaded, whoamiParty } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(path: string): Promise<PageHandle> {
  const p = await renderPage(path);
  await untilLoaded(p);
  return p;
}

describe('志愿服务队', () => {
  const member = (userId: string, name: string): MemberView => ({
    userId,
    name,
    phoneMasked: '139****0004',
    status: 'active',
    statusLabel: MEMBER_STATUS_LABELS.active,
    roles: ['resident'],
    roleLabels: [ROLE_LABELS.resident],
    compoundId: 'cp_jiangjin',
    building: '5栋',
    room: '502',
    isPartyMember: true,
    firmId: null,
    createdAt: '2026-11-01T00:00:00.000Z',
  });

  test('lists the teams with their leaders and registers a new one', async () => {
    backend = mockBackend({
      'account.whoami': whoamiParty,
      'outreach.listTeams': ok([team()]),
      'account.listMembers': ok({ items: [member('u_oc', '张志强')], nextCursor: null }),
      'outreach.createTeam': ok(team({ teamId: 'team_new', name: '江津花园巡逻队' })),
    });
    page = await open('outreach/teams/index');
    expect(page.text()).toContain('红星志愿服务队');
    expect(page.text()).toContain('队长 赵志远');
    expect(page.text()).toContain('已发布活动 2 场');
    await page.tap('登记');
    expect(page.text()).toContain('请选择队长');
    await page.type('名称', '江津花园巡逻队');
    await page.pick('队长', '张志强（5栋502）');
    await page.tap('登记');
    expect(backend.calls('outreach.createTeam')).toEqual([
      { communityId: 'cm_hongxing', name: '江津花园巡逻队', leaderUserId: 'u_oc', kind: 'volunteer' },
    ]);
  });
  /** The card of a team, and the leader picker opened from it. */
  function card(p: PageHandle, name: string): Element {
    let el: Element | null = findAllByText(p.dom, name)[0] ?? null;
    while (el && !hasClass(el, 'card')) el = el.parentElement;
    if (!el) throw new Error(`no card of ${name}: ${p.text()}`);
    return el;
  }

  async function changeLeader(p: PageHandle, option: string): Promise<void> {
    await p.tap(findAllByText(card(p, '红星志愿服务队'), '更换队长')[0]);
    const picker = [...p.dom.querySelectorAll('*')].find(
      (el) => hasClass(el, 't-picker') && findAllByText(el, '更换队长 · 红星志愿服务队').length,
    );
    if (!picker) throw new Error(`no leader picker: ${p.text()}`);
    await p.tap(findAllByText(picker, option)[0]);
    await p.tap(findAllByText(picker, '确定')[0]);
    await p.settle(60);
  }

  describe('更换队长', () => {
    beforeEach(() => {
      let leader = team();
      backend = mockBackend({
        'account.whoami': whoamiParty,
        'outreach.listTeams': () => ok([leader]),
        'account.listMembers': ok({ items: [member('u_volunteer', '赵志远'), member('u_oc', '张志强')], nextCursor: null }),
        'outreach.setTeamLeader': (data) => {
          leader = team({ leaderUserId: String(data.leaderUserId), leaderName: '张志强' });
          return ok({ ...leader, previousLeaderUserId: 'u_volunteer' });
        },
      });
    });

    test('asks first, names the picked member leader, then reads the teams again', async () => {
      page = await open('outreach/teams/index');
      await changeLeader(page, '张志强（5栋502）');
      expect(wx.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '更换队长', content: expect.stringContaining('队长由赵志远改为张志强（5栋502）') }),
      );
      expect(backend.calls('outreach.setTeamLeader')).toEqual([{ teamId: 'team_demo_red', leaderUserId: 'u_oc' }]);
      expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已更换队长' }));
      expect(backend.calls('outreach.listTeams')).toHaveLength(2);
      expect(textOf(card(page, '红星志愿服务队'))).toContain('队长 张志强');
    });

    test('sends nothing when the person answers 取消, or picks the leader the team has', async () => {
      page = await open('outreach/teams/index');
      (wx.showModal as jest.Mock).mockImplementationOnce((o: { success(r: object): void }) => o.success({ confirm: false, cancel: true }));
      await changeLeader(page, '张志强（5栋502）');
      await changeLeader(page, '赵志远（5栋502）');
      expect(backend.calls('outreach.setTeamLeader')).toEqual([]);
      expect(textOf(card(page, '红星志愿服务队'))).toContain('队长 赵志远');
    });

    test('a refusal shows the server’s reason on the team’s card', async () => {
      const error = { code: 'INVALID_STATE', message: '队长须为本社区已通过审核的居民或报到党员', reason: 'LEADER_NOT_ELIGIBLE' };
      backend.answer('outreach.setTeamLeader', { ok: false, error } as never);
      page = await open('outreach/teams/index');
      await changeLeader(page, '张志强（5栋502）');
      expect(textOf(card(page, '红星志愿服务队'))).toContain(error.message);
      expect(textOf(card(page, '红星志愿服务队'))).toContain('队长 赵志远');
    });
  });
});
