// 志愿活动 (tab): the community's activities, soonest first, filtered by category, with seats left
// or the waitlist on each card; pull to refresh, more on reaching the bottom. Shortcuts to 我的志愿服务
// and, for community staff, to publishing an activity.
import * as account from '../../services/account';
import * as community from '../../services/community';
import * as volunteer from '../../services/volunteer';
import type { ActivityCategory } from '../../services/volunteer';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { isStaff } from '../../utils/labels';
import { openPage } from '../../utils/navigate';
import { CATEGORY_TABS } from '../volunteer/format';
import { applyPage, EMPTY_LIST, type ListState } from './list-state';

const PAGE_SIZE = 10;

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    tabs: CATEGORY_TABS,
    category: '' as ActivityCategory | '',
    communityId: '',
    isStaff: false,
    /** First page of the current filter is loading. */
    loading: true,
    loadingMore: false,
    error: '',
    moreError: '',
    list: { ...EMPTY_LIST } as ListState,
    _seq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.init();
    },
  },

  methods: {
    /** Finds the caller's community (or the first one, for a visitor), then loads the first page. */
    async init(): Promise<void> {
      this.setData({ loading: true, error: '' });
      const me = await account.whoami();
      let communityId = me.ok && me.data.user ? me.data.user.communityId : '';
      if (!communityId) {
        const list = await community.list();
        if (!list.ok || list.data.length === 0) {
          this.setData({ loading: false, error: list.ok ? '暂无社区' : list.error.message });
          return;
        }
        communityId = list.data[0].communityId;
      }
      const user = me.ok ? me.data.user : null;
      this.setData({ communityId, isStaff: !!user && user.status === 'active' && isStaff(user.roles) });
      await this.loadFirst();
    },

    /** Loads the first page of the current filter, replacing the list. */
    async loadFirst(): Promise<void> {
      if (!this.data.communityId) return this.init();
      const seq = this.data._seq + 1;
      this.setData({ _seq: seq, loading: true, error: '', moreError: '' });
      const res = await volunteer.listActivities(this.query());
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({ loading: false, error: res.error.message });
        return;
      }
      this.setData({ loading: false, list: applyPage(this.data.list, res.data, false) });
    },

    /** Loads the next page, if any, appending it. */
    async loadMore(): Promise<void> {
      const { list, loading, loadingMore } = this.data;
      if (loading || loadingMore || list.ended || !list.nextCursor) return;
      const seq = this.data._seq;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await volunteer.listActivities({ ...this.query(), cursor: list.nextCursor });
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({ loadingMore: false, moreError: res.error.message });
        return;
      }
      this.setData({ loadingMore: false, list: applyPage(this.data.list, res.data, true) });
    },

    query(): volunteer.ListActivitiesInput {
      const q: volunteer.ListActivitiesInput = { communityId: this.data.communityId, limit: PAGE_SIZE };
      if (this.data.category) q.category = this.data.category;
      return q;
    },

    onShow() {
      // Back from an activity page: seats may have changed.
      if (!this.data.loading && this.data.communityId) this.loadFirst();
    },

    onPullDownRefresh() {
      this.loadFirst().then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      this.loadMore();
    },

    onRetry() {
      this.loadFirst();
    },

    onRetryMore() {
      this.loadMore();
    },

    onTabChange(e: DetailEvent<{ value: ActivityCategory | '' }>) {
      this.setData({ category: e.detail.value, list: { ...EMPTY_LIST } });
      this.loadFirst();
    },

    onCardTap(e: DatasetEvent<{ id: string }>) {
      openPage(`/pages/volunteer/activity/index?activityId=${e.currentTarget.dataset.id}`);
    },

    onMyService() {
      openPage('/pages/volunteer/records/index');
    },

    onCreate() {
      openPage(`/staff/volunteer/create/index?communityId=${this.data.communityId}`);
    },
  },
});
