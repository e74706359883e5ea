// The entries of 社区工作台. Staff features add their pages to the staff subpackage (app.json
// "subPackages") and their entries here; an entry whose page is not built yet says so when tapped.

import type { Role, SelfView } from '../../../typings/api';

/** Who organise the community's activities (the server checks again: isCommunityOrganiser). */
const ORGANISER_ROLES: readonly Role[] = ['rc_staff', 'party_org'];

/** Whether the caller organises their community's activities (and so gets its coming ones listed). */
export function isOrganiser(user: SelfView): boolean {
  return user.status === 'active' && user.roles.some((r) => ORGANISER_ROLES.includes(r));
}

export interface StaffEntry {
  title: string;
  description: string;
  url: string;
}

/** Staff pages, in display order. */
export const STAFF_ENTRIES: StaffEntry[] = [
  { title: '居民注册审核', description: '审核本社区居民的注册申请', url: '/staff/members/index' },
  { title: '社区统计', description: '志愿者占比、业委会党员占比、诉求指标', url: '/staff/stats/index' },
  { title: '诉求待办', description: '受理、分派、督办居民诉求', url: '/staff/requests/inbox/index' },
  { title: '发布志愿活动', description: '创建活动，设置名额与报名截止', url: '/staff/volunteer/create/index' },
  { title: '物业服务评价', description: '评价进度、发布红黑榜、记录重大事项', url: '/staff/ratings/period/index' },
  { title: '邀请授权', description: '邀请小区党组织成员、业委会成员', url: '/admin/invite/index' },
  { title: '党员报到管理', description: '确认下沉党员到社区报到', url: '/outreach/reports/index' },
  { title: '需求清单', description: '发布服务需求、审核微心愿、确认服务完成', url: '/outreach/needs/index' },
  { title: '志愿服务队', description: '登记服务队并指定队长', url: '/outreach/teams/index' },
  { title: '报到反馈', description: '报到党员的服务情况，按单位汇总', url: '/outreach/feedback/index' },
];
