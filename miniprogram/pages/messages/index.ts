// 我的消息: the message centre, newest first; a message opens what it is about.
import * as messages from '../../services/messages';
import { refreshBadge } from '../../utils/badge';
import type { DatasetEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { openPage } from '../../utils/navigate';
import { rowOf, type MessageRow } from './view';

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    rows: [] as MessageRow[],
    unread: 0,
    loadingMore: false,
    _cursor: null as string | null,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.load();
    },
  },

  methods: {
    /** Back from a message's page: show what is read now. */
    onShow() {
      if (!this.data.loading) this.load(true);
    },

    onPullDownRefresh() {
      this.load(true).then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      this.loadMore();
    },

    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ loading: true, error: '' });
      const res = await messages.list();
      if (!res.ok) {
        this.setData({ loading: false, error: res.error.message });
        return;
      }
      const now = Date.now();
      const rows = res.data.items.map((m) => rowOf(m, now));
      this.setData({ loading: false, error: '', rows, _cursor: res.data.nextCursor, unread: rows.filter((r) => !r.read).length });
      refreshBadge();
    },

    async loadMore(): Promise<void> {
      if (!this.data._cursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const res = await messages.list(this.data._cursor);
      if (!res.ok) {
        this.setData({ loadingMore: false });
        return;
      }
      const now = Date.now();
      const rows = [...this.data.rows, ...res.data.items.map((m) => rowOf(m, now))];
      this.setData({ loadingMore: false, rows, _cursor: res.data.nextCursor, unread: rows.filter((r) => !r.read).length });
    },

    onRetry() {
      this.load();
    },

    /** Opens a message: marks it read, then goes where it points. */
    async onOpen(e: DatasetEvent<{ id: string }>) {
      const row = this.data.rows.find((r) => r.messageId === e.currentTarget.dataset.id);
      if (!row) return;
      if (!row.read) {
        const rows = this.data.rows.map((r) => (r === row ? { ...r, read: true } : r));
        this.setData({ rows, unread: rows.filter((r) => !r.read).length });
        messages.markRead([row.messageId]).then(() => refreshBadge());
      }
      if (row.link) openPage(row.link);
    },

    async onReadAll() {
      const res = await messages.markRead();
      if (!res.ok) {
        wx.showToast({ title: res.error.message, icon: 'none' });
        return;
      }
      this.setData({ rows: this.data.rows.map((r) => ({ ...r, read: true })), unread: 0 });
      refreshBadge();
    },
  },
});
