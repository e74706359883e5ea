// Labels come with the data (issue #11 §1): the answers carry the names of the enum values they
// hold, from the server's one table of each, so the pages render them and keep no copy.
import type { MemberPage } from '../../cloudfunctions/core/app/account/actions';
import type { SelfView } from '../../cloudfunctions/core/app/account/user';
import type { NeedPage, NeedSummary, ReportPage, TeamItem } from '../../cloudfunctions/core/app/outreach/views';
import type { BoardView, FirmView, MySheetsView, PeriodView } from '../../cloudfunctions/core/app/ratings/views';
import type { InboxItem } from '../../cloudfunctions/core/app/requests/request';
import type { InboxPage, RequestView } from '../../cloudfunctions/core/app/requests/views';
import { DIMENSIONS } from '../../cloudfunctions/core/domain/credit';
import { ACTIVITY_CATEGORIES } from '../../cloudfunctions/core/domain/activity';
import { categoryHours, type CommunityStats } from '../../cloudfunctions/core/app/community/stats';
import { DEMO, DEMO_MOTIONS } from '../../cloudfunctions/core/seed/demo-ids';
import type { FormOptions } from '../../cloudfunctions/core/app/account/options';
import type { MotionView } from '../../cloudfunctions/core/app/owners/views';
import type { OverviewView } from '../../cloudfunctions/core/app/admin/overview';
import { makeHarness, type Harness } from '../support/harness';

const ACTIVITY_ORDER: readonly string[] = ACTIVITY_CATEGORIES;

type WhoAmI = { openid: string | null; user: SelfView | null; options: FormOptions };

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

test('whoami brings the choices of the forms that come before any data, named and in order, to anyone', async () => {
  const { options } = await data<WhoAmI>('account', 'whoami', {}, 'someone-new');
  expect(options.requestCategories[0]).toEqual({ value: 'environment', label: '环境卫生' });
  expect(options.requestCategories.map((o) => o.value)).toContain('neighbor_dispute');
  expect(options.activityCategories).toContainEqual({ value: 'counseling', label: '心理咨询援助' });
  // The matters in the server's words (民法典 art. 278), not a shortened copy.
  expect(options.matters).toContainEqual({ value: 'committee_election', label: '选举业主委员会或者更换业主委员会成员' });
  expect(options.teamKinds).toEqual([
    { value: 'volunteer', label: '志愿服务队' },
    { value: 'mass', label: '群众活动团队' },
  ]);
  expect(options.needKinds.map((o) => o.label)).toEqual(['一般服务', '专业服务']);
  expect(options.reportKinds.map((o) => o.label)).toEqual(['居住地社区报到', '单位结对社区报到']);
});

test('a request names the viewer’s actions and the forms’ parties, positions and outcomes', async () => {
  const open = await data<InboxPage>('requests', 'list', { scope: 'inbox' }, 'demo-rc');
  const v = await data<RequestView>('requests', 'get', { requestId: open.items[0].requestId }, 'demo-rc');
  expect(v.viewer.actions.map((a) => a.action)).toEqual(v.viewer.can);
  expect(v.viewer.actions.length).toBeGreaterThan(0);
  for (const a of v.viewer.actions) expect(a.label).toMatch(/^[\u4e00-\u9fff]+$/);
  expect(v.partyOptions).toEqual([
    { value: 'residents_committee', label: '居委会' },
    { value: 'owners_committee', label: '业委会' },
    { value: 'property', label: '物业服务企业' },
  ]);
  expect(v.positionOptions.map((o) => o.label)).toEqual(['同意', '反对', '弃权']);
  expect(v.outcomeOptions).toEqual([
    { value: 'proceed', label: '继续办理' },
    { value: 'reject', label: '不予办理' },
  ]);
});

test('the lists’ tabs come named: members by status, needs by the states the caller may see', async () => {
  const members = await data<MemberPage>('account', 'listMembers', { communityId: DEMO.communityId, status: 'pending' }, 'demo-rc');
  expect(members.statusTabs).toEqual([
    { value: 'pending', label: '待审核' },
    { value: 'active', label: '已通过' },
  ]);
  const staff = await data<NeedPage>('outreach', 'listNeeds', { communityId: DEMO.communityId }, 'demo-rc');
  expect(staff.statusTabs.map((t) => [t.value, t.label])).toEqual([
    ['open', '可认领'],
    ['done', '已完成'],
    ['pending_review', '待审核'],
    ['rejected', '未通过'],
  ]);
  const member = await data<NeedPage>('outreach', 'listNeeds', { communityId: DEMO.communityId }, 'demo-cadre');
  expect(member.statusTabs.map((t) => t.value)).toEqual(['open', 'done']);
});

test('a motion names its ballot’s choices; the statistics name their categories and kinds of service', async () => {
  const motion = await data<MotionView>('owners', 'get', { motionId: DEMO_MOTIONS.open }, 'demo-oc');
  expect(motion.choiceOptions).toEqual([
    { value: 'agree', label: '同意' },
    { value: 'object', label: '反对' },
    { value: 'abstain', label: '弃权' },
  ]);
  const stats = await data<CommunityStats>('community', 'stats', { communityId: DEMO.communityId }, 'demo-rc');
  expect(stats.serviceKinds).toEqual([
    { value: 'general', label: '一般服务' },
    { value: 'professional', label: '专业服务' },
  ]);
  const hours = stats.volunteerHours;
  expect(hours.categories.map((c) => [c.category, c.hours])).toEqual(
    Object.entries(hours.byCategory)
      .filter(([, n]) => n > 0)
      .sort((a, b) => ACTIVITY_ORDER.indexOf(a[0]) - ACTIVITY_ORDER.indexOf(b[0])),
  );
  for (const c of hours.categories) expect(c.label).toMatch(/[\u4e00-\u9fff]/);
  const overview = await data<OverviewView>('admin', 'overview', { level: 'city' }, 'demo-admin');
  expect(overview.parties.map((p) => p.label)).toEqual(['居委会', '业委会', '物业服务企业']);
});

test('category hours follow the category list, named; a code no longer listed comes last under its code', () => {
  expect(categoryHours({ other: 2, counseling: 4, future_kind: 1, civility: 0, epidemic_prevention: 3 })).toEqual([
    { category: 'epidemic_prevention', label: '疫情防控', hours: 3 },
    { category: 'counseling', label: '心理咨询援助', hours: 4 },
    { category: 'other', label: '其他', hours: 2 },
    { category: 'future_kind', label: 'future_kind', hours: 1 },
  ]);
});
