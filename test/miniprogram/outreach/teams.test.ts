import { MEMBER_STATUS_LABELS, ROLE_LABELS } from '../../../cloudfunctions/core/domain/roles';
// 志愿服务队（社区） (outreach/teams/index), tapped and typed as a person would.
import type { MemberView } from '../../../typings/api';
import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
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
});
