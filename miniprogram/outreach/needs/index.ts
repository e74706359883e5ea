// 需求清单: the community's service needs — open ones to claim, the caller's own claims, those done —
// and, for staff, the residents' wishes waiting for review. A row opens the need's page.
import type { ApiResult, Page } from '../../../typings/api';
import * as account from '../../services/account';
import * as outreach from '../service';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { isStaff } from '../../utils/labels';
import { openPage } from '../../utils/navigate';
import { claimRow, EMPTY_TEXT, needRow, tabsFor, type NeedRow, type NeedTab } from './rows';

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    registered: true,
    staff: false,
    resident: false,
    communityId: '',
    tabs: tabsFor(false),
    tab: 'open' as NeedTab,
    empty: EMPTY_TEXT.open,
    rows: [] as NeedRow[],
    nextCursor: null as string | null,
    loadingMore: false,
    _seq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.init();
    },
  },

  pageLifetimes: {
    show() {
      // Back from a need's page: its state may have changed.
      if (this.data.communityId) this.loadFirst(true);
    },
  },

  methods: {
    async init(): Promise<void> {
      this.setData({ loading: true, error: '' });
      const me = await account.whoami();
      if (!me.ok) {
        this.setData({ loading: false, error: me.error.message });
        return;
      }
      const user = me.data.user;
      if (!user) {
        this.setData({ loading: false, registered: false });
        return;
      }
      const staff = user.status === 'active' && isStaff(user.roles);
      this.setData({ communityId: user.communityId, staff, resident: user.roles.includes('resident'), tabs: tabsFor(staff) });
      await this.loadFirst();
    },

    fetch(cursor?: string): Promise<ApiResult<Page<NeedRow>>> {
      const { tab, communityId } = this.data;
      const map = <T>(r: ApiResult<Page<T>>, f: (x: T) => NeedRow): ApiResult<Page<NeedRow>> =>
        r.ok ? { ok: true, data: { items: r.data.items.map(f), nextCursor: r.data.nextCursor } } : r;
      if (tab === 'mine') return outreach.myClaims(cursor).then((r) => map(r, claimRow));
      const q = cursor ? { communityId, status: tab, cursor } : { communityId, status: tab };
      return outreach.listNeeds(q).then((r) => map(r, needRow));
    },

    async loadFirst(quiet = false): Promise<void> {
      const seq = this.data._seq + 1;
      this.setData({ _seq: seq, error: '', empty: EMPTY_TEXT[this.data.tab] });
      if (!quiet) this.setData({ loading: true });
      const res = await this.fetch();
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({ loading: false, error: res.error.message });
        return;
      }
      this.setData({ loading: false, rows: res.data.items, nextCursor: res.data.nextCursor });
    },

    async onMore(): Promise<void> {
      if (this.data.loadingMore || !this.data.nextCursor) return;
      const seq = this.data._seq;
      this.setData({ loadingMore: true });
      const res = await this.fetch(this.data.nextCursor);
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: res.error.message, icon: 'none' });
        return;
      }
      this.setData({ loadingMore: false, rows: [...this.data.rows, ...res.data.items], nextCursor: res.data.nextCursor });
    },

    onTabChange(e: DetailEvent<{ value: NeedTab }>) {
      if (e.detail.value === this.data.tab) return;
      this.setData({ tab: e.detail.value, rows: [] });
      this.loadFirst();
    },

    onOpen(e: DatasetEvent<{ id: string }>) {
      openPage(`/outreach/need/index?needId=${e.currentTarget.dataset.id}`);
    },

    onPublish() {
      openPage('/outreach/publish/index');
    },

    onWish() {
      openPage('/outreach/wish/index');
    },

    onRetry() {
      if (this.data.communityId) this.loadFirst();
      else this.init();
    },

    onReachBottom() {
      this.onMore();
    },

    onPullDownRefresh() {
      const done = () => wx.stopPullDownRefresh();
      (this.data.communityId ? this.loadFirst(true) : this.init()).then(done, done);
    },
  },
});
