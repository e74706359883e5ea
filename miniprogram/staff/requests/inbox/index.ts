// 诉求待办 (staff subpackage): what the caller's party leads, co-handles, must accept or deliberate,
// or supervises — open work overdue first (the server orders by due time), finished work on 已办.
// Residents' committee, owners' committee, property staff and party_org; a caller in several
// parties switches between their inboxes.
import { pagingBehavior } from '../../../behaviors/paging';
import * as requests from '../../../services/requests';
import type { InboxItem, InboxQueue } from '../../../services/requests';
import type { DetailEvent } from '../../../utils/events';
import { cardOf, type RequestCard } from '../../../pages/requests/format';

const PAGE_SIZE = 20;
type Tab = 'open' | 'done';

const paging = pagingBehavior<InboxItem, RequestCard, requests.InboxPage, { tab: Tab; queue: InboxQueue | '' }>({
  fetch(data, cursor) {
    const q: Omit<requests.ListRequestsInput, 'scope'> = { open: data.tab === 'open', limit: PAGE_SIZE };
    if (data.queue) q.queue = data.queue;
    if (cursor) q.cursor = cursor;
    return requests.inbox(q);
  },
  row: (r) => cardOf(r, new Date()),
  key: (c) => c.requestId,
  autoload: true,
  reloadOnShow: true,
  rowPage: (id) => `/pages/requests/detail/index?requestId=${id}`,
  withFirst: (answer, list, data) => ({
    queue: answer.queue,
    queues: answer.queueOptions,
    overdueCount: data.tab === 'open' ? list.items.filter((c) => c.overdue).length : 0,
  }),
  failed: (error) => ({
    error: error.reason === 'NO_INBOX' ? '您不在居委会、业委会、物业或社区党组织中，没有待办诉求' : error.message,
  }),
});

Component({
  behaviors: [paging],

  data: {
    tab: 'open' as Tab,
    queue: '' as InboxQueue | '',
    queues: [] as Array<{ value: InboxQueue; label: string }>,
    overdueCount: 0,
  },

  methods: {
    onTabChange(e: DetailEvent<{ value: Tab }>) {
      this.refilter({ tab: e.detail.value });
    },

    onQueueChange(e: DetailEvent<{ value: InboxQueue }>) {
      this.refilter({ queue: e.detail.value });
    },
  },
});
