// 社区统计 (staff subpackage): the caller's community against the city's targets — volunteers,
// party members on the owners' committee — with volunteer hours and the request KPIs
// (community.stats, figures.ts). Someone overseeing several communities (an admin, a street_admin,
// staff of two communities) picks one with <community-picker>; `communityId` in the query (from
// 工作概览) starts at that community.
import { pageBehavior } from '../../behaviors/page';
import * as community from '../../services/community';
import type { DetailEvent } from '../../utils/events';
import { canViewStats, FORBIDDEN_MESSAGE, needsPicker, statsViewOf, type StatsView } from './figures';
import { me } from '../../services/session';

Component({
  behaviors: [pageBehavior],

  options: { pureDataPattern: /^_/ },

  properties: {
    /** The community to show (query); the caller's own when empty. */
    communityId: { type: String, value: '' },
  },

  data: {
    /** The community picker is shown (several communities, or one chosen from the overview). */
    picker: false,
    loading: true,
    error: '',
    /** Set when the caller may not see the figures: shown as is, without 重试. */
    forbidden: '',
    communityName: '',
    view: null as StatsView | null,
  },

  lifetimes: {
    attached() {
      // A community from the query is shown with the picker, whose `change` loads it.
      if (this.data.communityId) this.setData({ picker: true });
      else this.load();
    },
  },

  methods: {
    /** Who the caller is (their community), then its figures; `quiet` keeps the figures shown meanwhile. */
    async load(quiet = false): Promise<void> {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '', forbidden: '' });
      if (!this.data.communityId) {
        const [who, communities] = await Promise.all([me(), community.list()]);
        if (!fresh()) return;
        if (!who.ok) {
          this.setData({ loading: false, error: who.error.message });
          return;
        }
        const user = who.data.user;
        if (!canViewStats(user)) {
          this.setData({ loading: false, forbidden: FORBIDDEN_MESSAGE });
          return;
        }
        // The picker fires `change` with the community to show, which loads it.
        if (needsPicker(user)) {
          this.setData({ picker: true });
          return;
        }
        // The name is a heading only: without the list the figures still show.
        const name = communities.ok ? (communities.data.find((c) => c.communityId === user.communityId)?.name ?? '') : '';
        this.setData({ communityId: user.communityId, communityName: name });
      }
      const res = await community.stats(this.data.communityId);
      if (!fresh()) return;
      if (!res.ok) {
        if (res.error.code === 'FORBIDDEN') this.setData({ loading: false, forbidden: res.error.message || FORBIDDEN_MESSAGE });
        else this.setData({ loading: false, error: res.error.message });
        return;
      }
      this.setData({ loading: false, error: '', view: statsViewOf(res.data) });
    },

    onCommunity(e: DetailEvent<{ communityId: string; label: string }>) {
      const { communityId, label } = e.detail;
      if (!communityId) {
        this.setData({ loading: false, forbidden: FORBIDDEN_MESSAGE });
        return;
      }
      this.setData({ communityId, communityName: label, view: null });
      this.load();
    },

    onCommunityFail(e: DetailEvent<{ message: string }>) {
      this.setData({ loading: false, error: e.detail.message });
    },

    refresh() {
      return this.load(!!this.data.view);
    },

    onRetry() {
      this.load();
    },
  },
});
