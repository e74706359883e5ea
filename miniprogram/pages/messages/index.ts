// 我的消息: the message centre, newest first; a message opens what it is about.
import { pagingBehavior } from '../../behaviors/paging';
import { list as listMessages, markRead } from '../../services/messages';
import type { MessageItem } from '../../../typings/api';
import { refreshBadge } from '../../utils/badge';
import type { DatasetEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { rowOf, type MessageRow } from './view';

const paging = pagingBehavior<MessageItem, MessageRow>({
  fetch: (_data: object, cursor) => listMessages(cursor ?? undefined),
  row: (m) => rowOf(m, Date.now()),
  key: (r) => r.messageId,
  autoload: true,
  reloadOnShow: true,
  withFirst: () => {
    refreshBadge();
    return {};
  },
});

Component({
  behaviors: [paging],

  data: {
    unread: 0,
  },

  observers: {
    'list.items.**'() {
      this.setData({ unread: this.data.list.items.filter((r) => !r.read).length });
    },
  },

  methods: {
    /** Opens a message: marks it read, then goes where it points. */
    async onOpen(e: DatasetEvent<{ id: string }>) {
      const rows = this.data.list.items;
      const index = rows.findIndex((r) => r.messageId === e.currentTarget.dataset.id);
      if (index < 0) return;
      const row = rows[index];
      if (!row.read) {
        this.setData({ [`list.items[${index}].read`]: true });
        markRead([row.messageId]).then(() => refreshBadge({ changed: true }));
      }
      if (row.link) openPage(row.link);
    },

    async onReadAll() {
      const res = await markRead();
      if (!res.ok) {
        wx.showToast({ title: res.error.message, icon: 'none' });
        return;
      }
      this.setData({ 'list.items': this.data.list.items.map((r) => ({ ...r, read: true })) });
      refreshBadge({ changed: true });
    },
  },
});
