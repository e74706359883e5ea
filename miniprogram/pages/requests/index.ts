// 诉求 (tab): 我的诉求 with status and due time, and the compound's public board (公示); 我要反映
// opens the form, 诉求待办 the staff inbox for those in one of the parties. Pull to refresh, paging.
import { pagingBehavior } from '../../behaviors/paging';
import * as community from '../../services/community';
import * as requests from '../../services/requests';
import type { RequestSummary } from '../../services/requests';
import { me } from '../../services/session';
import type { DetailEvent } from '../../utils/events';
import { showBadge } from '../../utils/badge';
import { openPage } from '../../utils/navigate';
import { cardOf, type RequestCard } from './format';

const PAGE_SIZE = 10;
type Tab = 'mine' | 'public';

/** Roles with an inbox of requests to handle. */
const HANDLING_ROLES = ['rc_staff', 'oc_member', 'property_staff', 'party_org'];

const paging = pagingBehavior<RequestSummary, RequestCard>({
  fetch(data: { tab: Tab; compoundId: string; registered: boolean }, cursor) {
    // Someone not registered has no requests of their own: nothing to ask.
    if (data.tab === 'mine' && !data.registered) return Promise.resolve({ ok: true, data: { items: [], nextCursor: null } });
    const q: requests.ListRequestsInput & { scope: Tab } =
      data.tab === 'mine' ? { scope: 'mine', limit: PAGE_SIZE } : { scope: 'public', compoundId: data.compoundId, limit: PAGE_SIZE };
    if (cursor) q.cursor = cursor;
    return requests.list(q);
  },
  row: (r) => cardOf(r, new Date()),
  key: (c) => c.requestId,
  autoload: true,
  reloadOnShow: true,
  // A tab page: its show refreshes the 我的 badge.
  shown: showBadge,
  rowPage: (id) => `/pages/requests/detail/index?requestId=${id}`,
});

Component({
  behaviors: [paging],

  data: {
    tab: 'mine' as Tab,
    /** Registered and approved: may file and has a "mine" list. */
    canFile: false,
    registered: false,
    hasInbox: false,
    compoundId: '',
    ready: false,
  },

  methods: {
    /** Who is looking decides what the tab can show. */
    async init(): Promise<void> {
      this.setData({ loading: true, error: '' });
      const who = await me();
      if (!who.ok) {
        this.setData({ loading: false, error: who.error.message });
        return;
      }
      const user = who.data.user;
      const active = !!user && user.status === 'active';
      let compoundId = active && user ? user.compoundId : '';
      if (!compoundId) {
        const list = await community.list();
        compoundId = list.ok && list.data[0]?.compounds[0] ? list.data[0].compounds[0].compoundId : '';
      }
      this.setData({
        ready: true,
        registered: !!user,
        canFile: active && !!user && user.roles.includes('resident'),
        hasInbox: active && !!user && user.roles.some((r) => HANDLING_ROLES.includes(r)),
        compoundId,
        tab: active ? this.data.tab : 'public',
      });
      await this.loadFirst();
    },

    onTabChange(e: DetailEvent<{ value: Tab }>) {
      this.refilter({ tab: e.detail.value });
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
