// 诉求 (tab): 我的诉求 with status and due time, and the compound's public board (公示); 我要反映
// opens the form, 我的待办 the staff inbox for those in one of the parties. Pull to refresh, paging.
import type { SelfView } from '../../../typings/api';
import * as account from '../../services/account';
import * as community from '../../services/community';
import * as requests from '../../services/requests';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { openPage } from '../../utils/navigate';
import { cardOf, type RequestCard } from './format';
import { applyPage, emptyList, type ListState } from './list-state';

const PAGE_SIZE = 10;
type Tab = 'mine' | 'public';

/** Roles with an inbox of requests to handle. */
const HANDLING_ROLES = ['rc_staff', 'oc_member', 'property_staff', 'party_org'];

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    tab: 'mine' as Tab,
    /** Registered and approved: may file and has a "mine" list. */
    canFile: false,
    registered: false,
    hasInbox: false,
    compoundId: '',
    loading: true,
    loadingMore: false,
    error: '',
    moreError: '',
    list: emptyList<RequestCard>() as ListState<RequestCard>,
    _seq: 0,
    _user: null as SelfView | null,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.init();
    },
  },

  methods: {
    onShow() {
      // Back from the form or a detail page: statuses may have changed.
      if (!this.data.loading && (this.data.canFile || this.data.compoundId)) this.loadFirst();
    },

    /** Who is looking decides what the tab can show. */
    async init(): Promise<void> {
      this.setData({ loading: true, error: '' });
      const me = await account.whoami();
      if (!me.ok) {
        this.setData({ loading: false, error: me.error.message });
        return;
      }
      const user = me.data.user;
      const active = !!user && user.status === 'active';
      let compoundId = active && user ? user.compoundId : '';
      if (!compoundId) {
        const list = await community.list();
        compoundId = list.ok && list.data[0]?.compounds[0] ? list.data[0].compounds[0].compoundId : '';
      }
      this.setData({
        _user: user,
        registered: !!user,
        canFile: active && !!user && user.roles.includes('resident'),
        hasInbox: active && !!user && user.roles.some((r) => HANDLING_ROLES.includes(r)),
        compoundId,
        tab: active ? this.data.tab : 'public',
      });
      await this.loadFirst();
    },

    query(): requests.ListRequestsInput & { scope: 'mine' | 'public' } {
      return this.data.tab === 'mine'
        ? { scope: 'mine', limit: PAGE_SIZE }
        : { scope: 'public', compoundId: this.data.compoundId, limit: PAGE_SIZE };
    },

    /** The first page of the current tab, replacing the list. */
    async loadFirst(): Promise<void> {
      const seq = this.data._seq + 1;
      this.setData({ _seq: seq, loading: true, error: '', moreError: '' });
      if (this.data.tab === 'mine' && !this.data._user) {
        this.setData({ loading: false, list: emptyList<RequestCard>() });
        return;
      }
      const res = await requests.list(this.query());
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({ loading: false, error: res.error.message });
        return;
      }
      const now = new Date();
      this.setData({
        loading: false,
        list: applyPage(
          this.data.list,
          res.data,
          false,
          (r) => cardOf(r, now),
          (c) => c.requestId,
        ),
      });
    },

    /** The next page, appended. */
    async loadMore(): Promise<void> {
      const { list, loading, loadingMore } = this.data;
      if (loading || loadingMore || list.ended || !list.nextCursor) return;
      const seq = this.data._seq;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await requests.list({ ...this.query(), cursor: list.nextCursor });
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({ loadingMore: false, moreError: res.error.message });
        return;
      }
      const now = new Date();
      this.setData({
        loadingMore: false,
        list: applyPage(
          this.data.list,
          res.data,
          true,
          (r) => cardOf(r, now),
          (c) => c.requestId,
        ),
      });
    },

    onPullDownRefresh() {
      this.loadFirst().then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      this.loadMore();
    },

    onRetry() {
      if (!this.data.compoundId && !this.data._user) this.init();
      else this.loadFirst();
    },

    onRetryMore() {
      this.loadMore();
    },

    onTabChange(e: DetailEvent<{ value: Tab }>) {
      this.setData({ tab: e.detail.value, list: emptyList<RequestCard>() });
      this.loadFirst();
    },

    onCardTap(e: DatasetEvent<{ id: string }>) {
      openPage(`/pages/requests/detail/index?requestId=${e.currentTarget.dataset.id}`);
    },

    onNew() {
      openPage('/pages/requests/new/index');
    },

    onInbox() {
      openPage('/staff/requests/inbox/index');
    },

    onRegister() {
      openPage('/pages/register/index');
    },
  },
});
