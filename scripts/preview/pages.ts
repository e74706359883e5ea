// The one list of what `npm run preview` renders: every page of app.json (main package and
// subpackages, so a page added there appears by itself) in the standard states, plus the states a
// page declares below (roles for which it looks different, an action a person takes first);
// scripts/preview/entries.ts turns them into the gallery's entries.
import { CARE_SCALE, ROLES, type PageSpec, type PreviewPage, type RoleName } from './spec';
import { teamActivityQuery } from './team-activity';

export { CARE_SCALE, MINIPROGRAM_ROOT, ROLES } from './spec';
export type { BackendCall, BackendMode, PageSpec, PreviewPage, RoleName, StandardState, StateSpec } from './spec';

/** The create page opened from 我的团队: the team chosen. */
const TEAM_CREATE_QUERY = { communityId: 'cm_hongxing', teamId: 'team_demo_red', teamName: '红星志愿服务队' };

/** Roles as extra `filled` states. */
const asRoles = (...roles: RoleName[]): NonNullable<PageSpec['states']> =>
  roles.map((r) => ({ name: `filled-${r}`, title: `演示数据 · ${ROLES[r].label}`, as: r }));

/** 党员报到管理: the confirmed members, and the appointment sheet opened for the first of them. */
async function appointSheet(p: PreviewPage): Promise<void> {
  await p.tap('已确认');
  await p.tap('任命楼栋职务');
  await p.tap('楼栋长');
}

/** 党员报到 for a paired community: the street picker, opened at the member's own street. */
const pairedStreets = async (p: PreviewPage) => (await p.tap('单位结对社区报到'), p.call('openStreetPicker'));

/** 居民注册's street step: 胜利街道 (and `community`) picked, then the next picker opened. */
async function registerStep(p: PreviewPage, community: string, open: string): Promise<void> {
  await p.call('onStreetConfirm', { detail: { value: ['st_shengli'] } });
  if (community) await p.call('onCommunityConfirm', { detail: { value: [community] } });
  await p.call(open);
}

/**
 * Pages whose states differ from the standard four. A page of app.json that is not here gets the
 * standard states as a resident. Keys are page paths as in app.json (subpackage root included).
 */
export const PAGES: Record<string, PageSpec> = {
  'owners/index/index': { states: [...asRoles('oc', 'rc')] },
  'owners/motion/index': {
    query: { motionId: 'mo_demo_pipes' },
    without: ['empty'],
    states: [
      { name: 'result', title: '已结束 · 结果与回执核对', query: { motionId: 'mo_demo_covenant' } },
      { name: 'filled-oc', title: '表决中 · 业委会（录入纸质票）', as: 'oc' },
      { name: 'non-owner', title: '表决中 · 非业主', as: 'rc' },
      { name: 'result-care', title: '已结束 · 关怀模式（最大字号）', query: { motionId: 'mo_demo_covenant' }, fontScale: CARE_SCALE },
    ],
  },
  'owners/draft/index': { as: 'oc', query: { compoundId: 'cp_jiangjin' }, without: ['empty'] },
  'owners/paper/index': { as: 'oc', query: { motionId: 'mo_demo_pipes' }, without: ['empty'] },
  'owners/register/index': { as: 'oc', query: { compoundId: 'cp_jiangjin' } },
  'owners/link/index': { as: 'oc', query: { compoundId: 'cp_jiangjin', building: '8栋', room: '801' } },
  'pages/home/index': {
    states: [
      ...asRoles('volunteer', 'oc', 'property', 'rc'),
      { name: 'unregistered', title: '未注册', as: 'newcomer' },
      { name: 'pending', title: '待审核', as: 'pending' },
    ],
  },
  'pages/activities/index': {
    states: [...asRoles('volunteer', 'rc'), { name: 'unregistered', title: '未注册', as: 'newcomer' }],
  },
  'pages/requests/index': {
    states: [...asRoles('oc', 'property', 'rc'), { name: 'unregistered', title: '未注册', as: 'newcomer' }],
  },
  'pages/mine/index': {
    without: ['empty'],
    states: [
      ...asRoles('volunteer', 'oc', 'property', 'rc', 'party'),
      { name: 'unregistered', title: '未注册', as: 'newcomer' },
      { name: 'pending', title: '待审核', as: 'pending' },
    ],
  },
  'pages/messages/index': {
    // filled: the resident's seeded messages (two unread); empty: no message yet. The 我的 tab's
    // badge shows on pages/mine/index (the count the page sets with wx.setTabBarBadge).
    states: [{ name: 'filled-volunteer', title: '志愿者', as: 'volunteer' }],
  },
  'pages/register/index': {
    as: 'newcomer',
    without: ['empty'],
    states: [
      { name: 'errors', title: '未填写就提交', act: (p) => p.tap('提交注册') },
      { name: 'streets', title: '第一步：选择街道', act: (p) => p.call('openStreetPicker') },
      { name: 'communities', title: '第二步：选择社区（胜利街道的社区）', act: (p) => registerStep(p, '', 'openCommunityPicker') },
      { name: 'compounds', title: '第三步：选择小区（红星社区的小区）', act: (p) => registerStep(p, 'cm_hongxing', 'openCompoundPicker') },
    ],
  },
  'ratings/board/index': {
    states: [
      { name: 'unregistered', title: '未注册（全市排名）', as: 'newcomer' },
      {
        name: 'other-community',
        title: '选择其他社区（文化社区，非本社区）',
        act: (p) => p.call('onCommunity', { detail: { communityId: 'cm_wenhua', label: '文化社区', picked: true } }),
      },
      { name: 'city', title: '全市排名', act: (p) => p.tap('全市排名') },
      { name: 'care-city', title: '全市排名 · 关怀模式（最大字号）', act: (p) => p.tap('全市排名'), fontScale: CARE_SCALE },
    ],
  },
  'ratings/firm/index': {
    query: { firmId: 'f_jinghua' },
    states: [{ name: 'red', title: '红榜企业', query: { firmId: 'f_chuyun' } }],
  },
  'pages/requests/new/index': {
    without: ['empty'],
    states: [
      { name: 'errors', title: '未填写就提交', act: (p) => p.tap('提交诉求') },
      { name: 'unregistered', title: '未注册', as: 'newcomer' },
    ],
  },
  'pages/requests/detail/index': {
    query: { requestId: 'rq_demo_garbage' },
    states: [
      { name: 'submitted-rc', title: '待受理 · 居委会', as: 'rc', query: { requestId: 'rq_demo_light' } },
      { name: 'overdue-property', title: '超时督办 · 物业', as: 'property', query: { requestId: 'rq_demo_lift' } },
      { name: 'major-oc', title: '重大事项协商 · 业委会', as: 'oc', query: { requestId: 'rq_demo_wall' } },
      { name: 'rated', title: '已评价 · 提出人', as: 'volunteer', query: { requestId: 'rq_demo_slide' } },
    ],
  },
  'pages/volunteer/activity/index': {
    query: { activityId: 'act_demo_cleanup' },
    states: [
      ...asRoles('volunteer', 'rc'),
      { name: 'past', title: '已结束的活动 · 志愿者', as: 'volunteer', query: { activityId: 'act_demo_past_clean' } },
      { name: 'unregistered', title: '未注册', as: 'newcomer' },
    ],
  },
  'pages/volunteer/register/index': {
    without: ['empty'],
    states: asRoles('volunteer'),
  },
  'pages/volunteer/records/index': {
    as: 'volunteer',
    states: asRoles('resident'),
  },
  'staff/workbench/index': {
    as: 'rc',
    states: [...asRoles('property', 'party', 'oc'), { name: 'resident', title: '居民打开（无权限）', as: 'resident' }],
  },
  'staff/ratings/sheet/index': {
    as: 'oc',
    states: [
      ...asRoles('party'),
      {
        name: 'scored',
        title: '打分后提交（确认框）',
        act: async (p) => {
          for (const d of ['环境卫生', '绿化养护', '秩序维护', '设施设备', '报修响应', '收费公示', '共建共治']) await p.tap(`${d} 4 星`);
          await p.tap('提交评价表');
        },
      },
      { name: 'resident', title: '居民打开（无权限）', as: 'resident' },
    ],
  },
  'staff/ratings/period/index': {
    as: 'rc',
    states: asRoles('party'),
  },
  'staff/requests/inbox/index': {
    as: 'property',
    states: asRoles('rc', 'oc'),
  },
  'staff/volunteer/create/index': {
    as: 'rc',
    without: ['empty'],
    states: [
      { name: 'errors', title: '未填写就发布', act: (p) => p.tap('发布活动') },
      { name: 'team', title: '服务队队长发布（已选服务队）', as: 'volunteer', query: TEAM_CREATE_QUERY },
      { name: 'team-care', title: '服务队队长发布 · 关怀模式（最大字号）', as: 'volunteer', query: TEAM_CREATE_QUERY, fontScale: CARE_SCALE },
    ],
  },
  'staff/members/index': {
    as: 'rc',
    states: [...asRoles('party'), { name: 'resident', title: '居民打开（无权限）', as: 'resident' }],
  },
  'staff/stats/index': {
    as: 'rc',
    states: [...asRoles('party'), { name: 'resident', title: '居民打开（无权限）', as: 'resident' }],
  },
  // The admin subpackage: setup and oversight (shared API.md §6). The demo: 胜利街道 (st_shengli)
  // with 红星社区 (cm_hongxing: 江津花园 cp_jiangjin, 万寿园小区), 中山街道 with 文化社区.
  'admin/index/index': {
    as: 'street',
    without: ['empty'],
    states: [...asRoles('admin', 'rc'), { name: 'resident', title: '居民打开（无权限）', as: 'resident' }],
  },
  'admin/overview/index': {
    as: 'admin',
    states: [
      { name: 'street', title: '街道工作人员 · 本街道各社区', as: 'street' },
      { name: 'drill', title: '全市 → 胜利街道', query: { streetId: 'st_shengli' } },
      { name: 'resident', title: '居民打开（无权限）', as: 'resident' },
      { name: 'care-street', title: '街道工作人员 · 关怀模式（最大字号）', as: 'street', fontScale: CARE_SCALE },
    ],
  },
  'admin/structure/index': {
    as: 'admin',
    states: [
      ...asRoles('street'),
      { name: 'community', title: '红星社区的小区', query: { streetId: 'st_shengli', communityId: 'cm_hongxing' } },
      { name: 'resident', title: '居民打开（无权限）', as: 'resident' },
    ],
  },
  'admin/import/index': { as: 'admin', without: ['empty'] },
  'admin/firms/index': {
    as: 'admin',
    states: [...asRoles('street'), { name: 'search', title: '按名称开头查找', act: (p) => p.call('onSearch', { detail: { value: '荆州楚' } }) }],
  },
  'admin/compound/index': {
    as: 'admin',
    query: { compoundId: 'cp_jiangjin' },
    states: [
      { name: 'firm-picked', title: '选择物业企业（信用等级、党组织）', act: (p) => p.tap('物业企业') },
      { name: 'care-firm-picked', title: '选择物业企业 · 关怀模式（最大字号）', act: (p) => p.tap('物业企业'), fontScale: CARE_SCALE },
    ],
  },
  'admin/rules/index': {
    as: 'street',
    states: [...asRoles('admin'), { name: 'resident', title: '居民打开（无权限）', as: 'resident' }],
  },
  'admin/invite/index': {
    as: 'street',
    without: ['empty'],
    states: [
      ...asRoles('admin', 'rc'),
      {
        name: 'admin-street-first',
        title: '平台管理员 · 先选街道再选小区',
        as: 'admin',
        act: (p) => p.call('onRole', { detail: { value: ['oc_member'] } }),
      },
      {
        name: 'created',
        title: '已生成邀请码',
        act: async (p) => {
          await p.call('onRole', { detail: { value: ['rc_staff'] } });
          await p.call('onScope', { detail: { value: ['cm_hongxing'] } });
          await p.tap('生成邀请码');
        },
      },
      { name: 'resident', title: '居民打开（无权限）', as: 'resident' },
    ],
  },
  'admin/redeem/index': {
    as: 'newcomer',
    without: ['empty'],
    query: { code: 'K7M2Q9TX' },
    states: [{ name: 'errors', title: '邀请码不存在', act: (p) => p.tap('接受邀请') }],
  },
  'admin/revoke/index': {
    as: 'street',
    states: [
      ...asRoles('admin', 'rc'),
      { name: 'compound', title: '按小区查看 · 街道工作人员', act: (p) => p.call('pickLevel', 'compound') },
      { name: 'admin-compound', title: '按小区查看 · 平台管理员（先选街道）', as: 'admin', act: (p) => p.call('pickLevel', 'compound') },
      { name: 'confirm', title: '撤销前确认', act: (p) => p.tap('撤销社区党组织') },
      { name: 'resident', title: '居民打开（无权限）', as: 'resident' },
    ],
  },
  'outreach/report/index': {
    as: 'cadre',
    states: [
      { name: 'pending-volunteer', title: '报到待确认 · 志愿者', as: 'volunteer' },
      { name: 'paired-streets', title: '单位结对：先选街道（从本人的街道开始）', as: 'resident', act: pairedStreets },
    ],
  },
  'outreach/needs/index': {
    as: 'cadre',
    states: [...asRoles('party', 'resident')],
  },
  'outreach/need/index': {
    as: 'cadre',
    query: { needId: 'need_demo_elder' },
    without: ['empty'],
    states: [
      { name: 'claimable', title: '可认领 · 下沉党员', query: { needId: 'need_demo_legal' } },
      { name: 'confirm-rc', title: '待确认完成 · 居委会', as: 'rc', query: { needId: 'need_demo_repair' } },
      { name: 'review-rc', title: '微心愿待审核 · 居委会', as: 'rc', query: { needId: 'need_demo_wish_phone' } },
      { name: 'wish-resident', title: '我的微心愿 · 居民', as: 'resident', query: { needId: 'need_demo_wish_phone' } },
    ],
  },
  'outreach/wish/index': {
    without: ['empty'],
    states: [{ name: 'errors', title: '未填写就提交', act: (p) => p.tap('提交微心愿') }, { name: 'not-resident', title: '非居民打开', as: 'cadre' }],
  },
  'outreach/reports/index': {
    as: 'party',
    states: [
      ...asRoles('rc'),
      { name: 'resident', title: '居民打开（无权限）', as: 'resident' },
      { name: 'confirmed', title: '已确认的报到党员与楼栋职务', act: (p) => p.tap('已确认') },
      { name: 'appoint', title: '任命楼栋职务（小区、楼栋、职务）', act: appointSheet },
      { name: 'care-appoint', title: '任命楼栋职务 · 关怀模式（最大字号）', act: appointSheet, fontScale: CARE_SCALE },
      { name: 'vacate', title: '楼栋职务卸任前确认', act: async (p) => (await p.tap('已确认'), p.tap('卸任')) },
    ],
  },
  'outreach/publish/index': {
    as: 'rc',
    without: ['empty'],
    states: [{ name: 'errors', title: '未填写就发布', act: (p) => p.tap('发布需求') }],
  },
  'outreach/teams/index': {
    as: 'party',
    states: [
      { name: 'resident', title: '居民打开（无权限）', as: 'resident' },
      { name: 'change-leader', title: '更换队长（选择新队长）', act: (p) => p.tap('更换队长') },
    ],
  },
  'outreach/feedback/index': { as: 'party' },
  'staff/volunteer/roster/index': {
    as: 'rc',
    query: { activityId: 'act_demo_past_clean' },
    states: [
      { name: 'upcoming', title: '报名中的活动', query: { activityId: 'act_demo_cleanup' } },
      { name: 'team', title: '服务队的活动 · 队长打开', as: 'volunteer', query: teamActivityQuery },
      { name: 'team-care', title: '服务队的活动 · 队长 · 关怀模式（最大字号）', as: 'volunteer', query: teamActivityQuery, fontScale: CARE_SCALE },
    ],
  },
  // 我的团队: the red team's leader, with one activity of the team published.
  'outreach/my-teams/index': {
    as: 'volunteer',
    query: async (call) => (await teamActivityQuery(call), {}),
    states: [{ name: 'resident', title: '非队长打开（暂无服务队）', as: 'resident' }],
  },
};
