// The entry cells of 我的 for an approved user. Features add their pages here once the pages
// exist (a cell to a missing page would fail to open).
import type { Role } from '../../../typings/api';
import { STAFF_ROLES } from '../../utils/labels';

export interface MineEntry {
  title: string;
  /** An absolute page path; tab pages are opened with switchTab. */
  url: string;
  /** Shown only to users holding one of these roles; everyone when absent. */
  roles?: readonly Role[];
  /** A TDesign icon name shown before the title. */
  icon?: string;
  /** Hidden from those the server says are volunteers already (volunteer.profile). */
  notForVolunteers?: boolean;
  /** Shown only to those the server says lead a team now (outreach.myTeams). */
  leadersOnly?: boolean;
}

/** 我的 page entries, in display order. */
export const MINE_ENTRIES: MineEntry[] = [
  { title: '我的消息', url: '/pages/messages/index', icon: 'notification' },
  { title: '我的志愿服务', url: '/pages/volunteer/records/index', icon: 'time' },
  { title: '志愿者登记', url: '/pages/volunteer/register/index', icon: 'heart', notForVolunteers: true },
  { title: '党员报到', url: '/outreach/report/index', icon: 'flag' },
  { title: '需求清单', url: '/outreach/needs/index', icon: 'task' },
  { title: '我的团队', url: '/outreach/my-teams/index', icon: 'usergroup', leadersOnly: true },
  { title: '微心愿', url: '/outreach/wish/index', roles: ['resident'], icon: 'gift' },
  { title: '诉求待办', url: '/staff/requests/inbox/index', roles: ['rc_staff', 'oc_member', 'property_staff', 'party_org'], icon: 'chat' },
  { title: '物业服务评价表', url: '/staff/ratings/sheet/index', roles: ['oc_member', 'party_org'], icon: 'star' },
  { title: '社区工作台', url: '/staff/workbench/index', roles: STAFF_ROLES, icon: 'app' },
  { title: '城市管理', url: '/admin/index/index', roles: ['admin', 'street_admin'], icon: 'city' },
  { title: '使用邀请码', url: '/admin/redeem/index', icon: 'qrcode' },
];

/**
 * The entries a user with these roles sees; `volunteer`: the server says they are one already;
 * `leader`: the server says they lead a team.
 */
export function entriesFor(
  roles: readonly Role[],
  volunteer = false,
  entries: readonly MineEntry[] = MINE_ENTRIES,
  leader = false,
): MineEntry[] {
  return entries.filter(
    (e) => (!e.roles || e.roles.some((r) => roles.includes(r))) && !(volunteer && e.notForVolunteers) && (leader || !e.leadersOnly),
  );
}
