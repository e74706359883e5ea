// 诉求待办 (staff subpackage): what the caller's party leads, co-handles, must accept or deliberate,
// or supervises — open work overdue first (the server orders by due time), finished work on 已办.
// Residents' committee, owners' committee, property staff and party_org; a caller in several
// parties switches between their inboxes.
import * as requests from '../../../services/requests';
import type { InboxQueue } from '../../../services/requests';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { pageStyle } from '../../../utils/font';
import { cardOf, PARTY_LABELS, type RequestCard } from '../../../pages/requests/format';
import { applyPage, emptyList, type ListState } from '../../../pages/requests/list-state';

const PAGE_SIZE = 20;
type Tab = 'open' | 'done';

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    tab: 'open' as Tab,
    queue: '' as InboxQueue | '',
    queues: [] as Array<{ value: InboxQueue; label: string }>,
    overdueCount: 0,
    loading: true,
    loadingMore: false,
    error: '',
    moreError: '',
    list: emptyList<RequestCard>() as ListState<RequestCard>,
    _seq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.loadFirst();
    },
  },

  methods: {
    onShow() {
      // Back from a request: it may have moved out of this inbox.
      if (!this.data.loading) this.loadFirst();
    },

    query(): Omit<requests.ListRequestsInput, 'scope'> {
      const q: Omit<requests.ListRequestsInput, 'scope'> = { open: this.data.tab === 'open', limit: PAGE_SIZE };
      if (this.data.queue) q.queue = this.data.queue;
      return q;
    },

    async loadFirst(): Promise<void> {
      const seq = this.data._seq + 1;
      this.setData({ _seq: seq, loading: true, error: '', moreError: '' });
      const res = await requests.inbox(this.query());
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({
          loading: false,
          error: res.error.reason === 'NO_INBOX' ? '您不在居委会、业委会、物业或社区党组织中，没有待办诉求' : res.error.message,
        });
        return;
      }
      const now = new Date();
      const list = applyPage(
        this.data.list,
        res.data,
        false,
        (r) => cardOf(r, now),
        (c) => c.requestId,
      );
      this.setData({
        loading: false,
        list,
        queue: res.data.queue,
        queues: res.data.queues.map((q) => ({ value: q, label: PARTY_LABELS[q] })),
        overdueCount: this.data.tab === 'open' ? list.items.filter((c) => c.overdue).length : 0,
      });
    },

    async loadMore(): Promise<void> {
      const { list, loading, loadingMore } = this.data;
      if (loading || loadingMore || list.ended || !list.nextCursor) return;
      const seq = this.data._seq;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await requests.inbox({ ...this.query(), cursor: list.nextCursor });
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
      this.loadFirst();
    },

    onRetryMore() {
      this.loadMore();
    },

    onTabChange(e: DetailEvent<{ value: Tab }>) {
      this.setData({ tab: e.detail.value, list: emptyList<RequestCard>() });
      this.loadFirst();
    },

    onQueueChange(e: DetailEvent<{ value: InboxQueue }>) {
      this.setData({ queue: e.detail.value, list: emptyList<RequestCard>() });
      this.loadFirst();
    },

    onCardTap(e: DatasetEvent<{ id: string }>) {
      wx.navigateTo({ url: `/pages/requests/detail/index?requestId=${e.currentTarget.dataset.id}` });
    },
  },
});
