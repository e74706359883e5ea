// The entry tiles of 首页. Features point them at their pages; a tile whose page is not built yet
// shows "该功能即将上线" when tapped (utils/navigate.ts).
import type { Role, SelfView } from '../../../typings/api';
import { STAFF_ROLES } from '../../utils/labels';

export interface HomeTile {
  key: string;
  title: string;
  description: string;
  /** A TDesign icon name. */
  icon: string;
  /** An absolute page path; tab pages are opened with switchTab. */
  url: string;
  /** Shown only to active users holding one of these roles; everyone when absent. */
  roles?: readonly Role[];
}

/** 首页 tiles, in display order. */
export const HOME_TILES: HomeTile[] = [
  { key: 'activities', title: '志愿活动', description: '报名参加社区活动', icon: 'heart', url: '/pages/activities/index' },
  { key: 'requests', title: '我有诉求', description: '三方联动 接诉即办', icon: 'chat-bubble', url: '/pages/requests/index' },
  { key: 'ratings', title: '红黑榜', description: '物业服务评价公示', icon: 'flag', url: '/ratings/board/index' },
  {
    key: 'owners',
    title: '业主表决',
    description: '业主共同决定事项',
    icon: 'check-rectangle',
    url: '/owners/index/index',
    roles: ['resident', 'oc_member', 'compound_party', 'rc_staff', 'party_org'],
  },
  { key: 'stats', title: '社区统计', description: '志愿者与诉求指标', icon: 'chart-bar', url: '/staff/stats/index', roles: STAFF_ROLES },
];

/** The tiles a user sees (null: unregistered or unknown). */
export function tilesFor(user: SelfView | null, tiles: readonly HomeTile[] = HOME_TILES): HomeTile[] {
  return tiles.filter((t) => !t.roles || (user?.status === 'active' && t.roles.some((r) => user.roles.includes(r))));
}
