/**
 * Messages of events that have no feature module of their own, and the pages messages open.
 * Feature modules (requests/notify.ts, volunteer/notify.ts, ratings/notices.ts) build theirs.
 */
import type { Notification } from '../../ports/notifier';

/** Where a message about each kind of object opens in the mini-program. */
export const LINKS = {
  request: (requestId: string) => `/pages/requests/detail/index?requestId=${requestId}`,
  activity: (activityId: string) => `/pages/volunteer/activity/index?activityId=${activityId}`,
  /** An activity's roster, for its organisers (the team's leader included). */
  roster: (activityId: string) => `/staff/volunteer/roster/index?activityId=${activityId}`,
  ratingsBoard: () => '/ratings/board/index',
  need: (needId: string) => `/outreach/need/index?needId=${needId}`,
  mine: () => '/pages/mine/index',
};

/** A registration was approved: tells the applicant once (the key is per user). */
export function approvedMessage(userId: string): Notification {
  return {
    key: `account-approved:${userId}`,
    userId,
    template: 'account_approved',
    data: { title: '居民注册', status: '已通过', note: '现在可以报名志愿活动、提交诉求了' },
    link: LINKS.mine(),
  };
}
