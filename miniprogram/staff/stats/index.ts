// 社区统计 (staff subpackage): the caller's community against the city's targets — volunteers,
// party members on the owners' committee — with volunteer hours and the request KPIs
// (community.stats, figures.ts).
import * as account from '../../services/account';
import * as community from '../../services/community';
import { pageStyle } from '../../utils/font';
import { canViewStats, FORBIDDEN_MESSAGE, statsViewOf, type StatsView } from './figures';

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    /** Set when the caller may not see the figures: shown as is, without 重试. */
    forbidden: '',
    communityId: '',
    communityName: '',
    view: null as StatsView | null,
    /** Number of the latest load; answers of older loads are dropped. */
    _seq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.load();
    },
  },

  methods: {
    /** Who the caller is (their community), then its figures; `quiet` keeps the figures shown meanwhile. */
    async load(quiet = false): Promise<void> {
      const seq = this.data._seq + 1;
      this.setData({ _seq: seq });
      if (!quiet) this.setData({ loading: true, error: '', forbidden: '' });
      if (!this.data.communityId) {
        const [me, communities] = await Promise.all([account.whoami(), community.list()]);
        if (seq !== this.data._seq) return;
        if (!me.ok) {
          this.setData({ loading: false, error: me.error.message });
          return;
        }
        const user = me.data.user;
        if (!canViewStats(user)) {
          this.setData({ loading: false, forbidden: FORBIDDEN_MESSAGE });
          return;
        }
        // The name is a heading only: without the list the figures still show.
        const name = communities.ok ? (communities.data.find((c) => c.communityId === user.communityId)?.name ?? '') : '';
        this.setData({ communityId: user.communityId, communityName: name });
      }
      const res = await community.stats(this.data.communityId);
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        if (res.error.code === 'FORBIDDEN') this.setData({ loading: false, forbidden: res.error.message || FORBIDDEN_MESSAGE });
        else this.setData({ loading: false, error: res.error.message });
        return;
      }
      this.setData({ loading: false, error: '', view: statsViewOf(res.data) });
    },

    onPullDownRefresh() {
      const done = () => wx.stopPullDownRefresh();
      this.load(!!this.data.view).then(done, done);
    },

    onRetry() {
      this.load();
    },
  },
});
