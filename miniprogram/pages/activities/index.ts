// 志愿活动 (tab): the community's activities, soonest first, filtered by category, with seats left
// or the waitlist on each card; pull to refresh, more on reaching the bottom. Shortcuts to 我的志愿服务
// and, for community staff, to publishing an activity.
import { pagingBehavior } from '../../behaviors/paging';
import * as community from '../../services/community';
import { me } from '../../services/session';
import * as volunteer from '../../services/volunteer';
import type { ActivityCategory, ActivitySummary } from '../../services/volunteer';
import type { DetailEvent } from '../../utils/events';
import { isStaff } from '../../utils/labels';
import { showBadge } from '../../utils/badge';
import { openPage } from '../../utils/navigate';
import { toCard, type ActivityCard } from '../volunteer/format';

const PAGE_SIZE = 10;

const paging = pagingBehavior<ActivitySummary, ActivityCard>({
  fetch(data: { communityId: string; category: ActivityCategory | '' }, cursor) {
    const q: volunteer.ListActivitiesInput = { communityId: data.communityId, limit: PAGE_SIZE };
    if (data.category) q.category = data.category;
    if (cursor) q.cursor = cursor;
    return volunteer.listActivities(q);
  },
  row: toCard,
  key: (c) => c.activityId,
  autoload: true,
  reloadOnShow: true,
  // A tab page: its show refreshes the 我的 badge.
  shown: showBadge,
  rowPage: (id) => `/pages/volunteer/activity/index?activityId=${id}`,
});

Component({
  behaviors: [paging],

  data: {
    /** 全部, then the server's categories (whoami's options). */
    tabs: [] as Array<{ value: ActivityCategory | ''; label: string }>,
    category: '' as ActivityCategory | '',
    communityId: '',
    isStaff: false,
    ready: false,
  },

  methods: {
    /** Finds the caller's community (or the first one, for a visitor), then loads the first page. */
    async init(): Promise<void> {
      this.setData({ loading: true, error: '' });
      const who = await me();
      const user = who.ok ? who.data.user : null;
      let communityId = user ? user.communityId : '';
      if (!communityId) {
        const list = await community.list();
        if (!list.ok || list.data.length === 0) {
          this.setData({ loading: false, error: list.ok ? '暂无社区' : list.error.message });
          return;
        }
        communityId = list.data[0].communityId;
      }
      const tabs = who.ok ? [{ value: '' as const, label: '全部' }, ...who.data.options.activityCategories] : [];
      this.setData({ ready: true, communityId, tabs, isStaff: !!user && user.status === 'active' && isStaff(user.roles) });
      await this.loadFirst();
    },

    onTabChange(e: DetailEvent<{ value: ActivityCategory | '' }>) {
      this.refilter({ category: e.detail.value });
    },

    onMyService() {
      openPage('/pages/volunteer/records/index');
    },

    onCreate() {
      openPage(`/staff/volunteer/create/index?communityId=${this.data.communityId}`);
    },
  },
});
