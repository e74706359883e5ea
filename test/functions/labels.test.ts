// Labels come with the data (issue #11 §1): the answers carry the names of the enum values they
// hold, from the server's one table of each, so the pages render them and keep no copy.
import type { MemberPage } from '../../cloudfunctions/core/app/account/actions';
import type { SelfView } from '../../cloudfunctions/core/app/account/user';
import type { NeedSummary, ReportPage, TeamItem } from '../../cloudfunctions/core/app/outreach/views';
import type { BoardView, FirmView, MySheetsView, PeriodView } from '../../cloudfunctions/core/app/ratings/views';
import type { InboxItem } from '../../cloudfunctions/core/app/requests/request';
import type { InboxPage, RequestView } from '../../cloudfunctions/core/app/requests/views';
import { DIMENSIONS } from '../../cloudfunctions/core/domain/credit';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

type WhoAmI = { openid: string | null; user: SelfView | null };

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

async function data<T>(fn: Parameters<Harness['call']>[0], action: string, input: unknown, openid: string): Promise<T> {
  const r = await h.call<T>(fn, action, input, openid);
  if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

test('whoami names the caller’s roles and the roles they may invite, with the scope level of each', async () => {
  const me = await data<WhoAmI>('account', 'whoami', {}, 'demo-rc');
  expect(me.user?.roles).toEqual(['rc_staff']);
  expect(me.user?.roleLabels).toEqual(['居委会工作人员']);
  expect(me.user?.invitable).toEqual([
    { role: 'compound_party', label: '小区党组织成员', scopeLevel: 'compound' },
    { role: 'oc_member', label: '业委会成员', scopeLevel: 'compound' },
  ]);
  expect((await data<WhoAmI>('account', 'whoami', {}, 'demo-resident')).user?.invitable).toEqual([]);
});

test('the member list names each status and role, and the roles it may be filtered by', async () => {
  const page = await data<MemberPage>('account', 'listMembers', { communityId: DEMO.communityId, status: 'active' }, 'demo-rc');
  const rc = page.items.find((m) => m.roles.includes('rc_staff'));
  expect(rc).toMatchObject({ statusLabel: '已通过' });
  expect(rc?.roleLabels).toContain('居委会工作人员');
  expect(page.roleFilters).toContainEqual({ role: 'oc_member', label: '业委会成员' });
});

test('an inbox item says why it is there, and every request its status, in words', async () => {
  const page = await data<{ items: InboxItem[] }>('requests', 'list', { scope: 'inbox' }, 'demo-rc');
  expect(page.items.length).toBeGreaterThan(0);
  for (const item of page.items) {
    expect(item.inboxRoleLabel).toBe(
      { lead: '牵头', co_handler: '协办', acceptance: '待受理', deliberation: '待表态', supervision: '督办' }[item.inboxRole],
    );
    expect(item.statusLabel).toMatch(/^(待受理|已分派|处理中|已办结|已关闭|不予受理|已撤回|重新办理)$/);
  }
});

test('the inbox tabs and every timeline step come named: who took it and what it reads as', async () => {
  const page = await data<InboxPage>('requests', 'list', { scope: 'inbox', open: false }, 'demo-rc');
  expect(page.queueOptions).toEqual([{ value: 'residents_committee', label: '居委会' }]);
  const open = await data<InboxPage>('requests', 'list', { scope: 'inbox' }, 'demo-rc');
  const steps = [];
  for (const { requestId } of [...page.items, ...open.items]) {
    steps.push(...(await data<RequestView>('requests', 'get', { requestId }, 'demo-rc')).timeline);
  }
  expect(steps.find((e) => e.action === 'submit')).toMatchObject({ title: '提交诉求', partyLabel: '居民' });
  const accepted = steps.find((e) => e.action === 'accept');
  expect(accepted?.title).toMatch(/^受理并分派：(居委会|业委会|物业服务企业)牵头/);
  for (const e of steps) {
    expect(e.partyLabel).toMatch(/^(居委会|业委会|物业服务企业|社区党组织|居民|系统)$/);
    expect(e.title).toMatch(/[\u4e00-\u9fff]/);
  }
});

test('a rating sheet lays out the seven dimensions in order, named, and names the rater’s capacity', async () => {
  const sheets = await data<MySheetsView>('ratings', 'mySheets', {}, 'demo-oc');
  expect(sheets.dimensions.map((d) => d.key)).toEqual([...DIMENSIONS]);
  expect(sheets.dimensions[0]).toEqual({ key: 'environment', label: '环境卫生' });
  expect(sheets.items[0]).toMatchObject({ raterRole: 'oc_member', raterRoleLabel: '业委会成员' });
  const period = await data<PeriodView>('ratings', 'period', { period: '2026-H1' }, 'demo-party');
  expect(period.stateLabel).toBe('已发布');
  const raters = period.compounds.flatMap((c) => c.raters);
  expect(raters.find((r) => r.role === 'party_org')?.roleLabel).toBe('社区党组织');
});

test('the board and a firm’s page name the list each firm is on', async () => {
  const board = await data<BoardView>('ratings', 'board', {}, 'demo-resident');
  expect(board.red.map((f) => f.listLabel)).toEqual(['红榜']);
  expect(board.black.map((f) => f.listLabel)).toEqual(['黑榜']);
  expect(board.firms.map((f) => [f.list, f.listLabel])).toEqual(
    expect.arrayContaining([
      ['red', '红榜'],
      ['black', '黑榜'],
    ]),
  );
  const firm = await data<FirmView>('ratings', 'firm', { firmId: DEMO.firm1 }, 'demo-resident');
  expect(firm.latest).toMatchObject({ list: 'red', listLabel: '红榜' });
  expect(firm.dimensions.map((d) => d.label)).toContain('共建共治');
});

test('reports, needs, claims and teams carry the names of their kinds, states and posts', async () => {
  const reports = await data<ReportPage>('outreach', 'listReports', { communityId: DEMO.communityId, status: 'confirmed' }, 'demo-party');
  expect(reports.buildingRoles).toEqual([
    { role: 'party_group_leader', label: '楼栋党小组长' },
    { role: 'building_head', label: '楼栋长' },
  ]);
  expect(reports.items[0]).toMatchObject({ statusLabel: '已确认' });
  expect(['居住地社区报到', '单位结对社区报到']).toContain(reports.items[0].kindLabel);
  const needs = await data<{ items: NeedSummary[] }>('outreach', 'listNeeds', { communityId: DEMO.communityId }, 'demo-cadre');
  for (const n of needs.items) {
    expect(n.kindLabel).toBe(n.kind === 'general' ? '一般服务' : '专业服务');
    // An open need whose slots are all claimed reads 服务中, not 可认领.
    expect(n.statusLabel).toBe(n.claimedCount >= n.slots ? '服务中' : '可认领');
  }
  const teams = await data<TeamItem[]>('outreach', 'listTeams', { communityId: DEMO.communityId }, 'demo-rc');
  expect(teams[0].kindLabel).toBe('志愿服务队');
});
