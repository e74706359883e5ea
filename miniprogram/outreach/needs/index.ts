// 需求清单: the community's service needs — open ones to claim, the caller's own claims, those done —
// and, for staff, the residents' wishes waiting for review. A row opens the need's page.
import type { ApiResult, Page } from '../../../typings/api';
import type { NeedPage } from '../service';
import { callerBehavior } from '../../behaviors/page';
import { pagingBehavior } from '../../behaviors/paging';
import * as outreach from '../service';
import type { DetailEvent } from '../../utils/events';
import { isStaff } from '../../utils/labels';
import { openPage } from '../../utils/navigate';
import { claimRow, EMPTY_TEXT, needRow, tabsOf, type NeedRow, type NeedTab } from './rows';

/** A page of the tab's list, as rows; a list by state also brings the tabs it offers. */
type TabPage = Page<NeedRow> & { statusTabs?: NeedPage['statusTabs'] };

/** A page of the tab's list, as rows. */
function fetchTab(data: { tab: NeedTab; communityId: string }, cursor: string | null): Promise<ApiResult<TabPage>> {
  const { tab, communityId } = data;
  if (tab === 'mine')
    return outreach
      .myClaims(cursor ?? undefined)
      .then((r) => (r.ok ? { ok: true, data: { items: r.data.items.map(claimRow), nextCursor: r.data.nextCursor } } : r));
  const q = cursor ? { communityId, status: tab, cursor } : { communityId, status: tab };
  return outreach.listNeeds(q).then((r) => (r.ok ? { ok: true, data: { ...r.data, items: r.data.items.map(needRow) } } : r));
}

const paging = pagingBehavior<NeedRow, NeedRow, TabPage>({
  fetch: fetchTab,
  row: (r) => r,
  key: (r) => r.needId,
  rowPage: (id) => `/outreach/need/index?needId=${id}`,
  // The tabs come with a list by state (the claims' list keeps those shown).
  withFirst: (answer) => (answer.statusTabs ? { tabs: tabsOf(answer.statusTabs) } : {}),
});

Component({
  behaviors: [callerBehavior, paging],

  data: {
    ready: false,
    registered: true,
    staff: false,
    resident: false,
    /** The server's lists by state and the caller's claims: empty until the first answer. */
    tabs: [] as Array<{ value: NeedTab; label: string }>,
    tab: 'open' as NeedTab,
    empty: EMPTY_TEXT.open,
  },

  pageLifetimes: {
    show() {
      // Back from a need's page: its state may have changed.
      if (this.data.ready && this.data.registered) this.loadFirst(true);
    },
  },

  methods: {
    async init(): Promise<void> {
      const user = await this.caller();
      if (user === undefined) return;
      if (!user) {
        this.setData({ loading: false, registered: false });
        return;
      }
      const staff = user.status === 'active' && isStaff(user.roles);
      this.setData({ staff, resident: user.roles.includes('resident') });
      await this.loadFirst();
    },

    onTabChange(e: DetailEvent<{ value: NeedTab }>) {
      if (e.detail.value === this.data.tab) return;
      this.refilter({ tab: e.detail.value, empty: EMPTY_TEXT[e.detail.value] });
    },

    onPublish() {
      openPage('/outreach/publish/index');
    },

    onWish() {
      openPage('/outreach/wish/index');
    },
  },
});
