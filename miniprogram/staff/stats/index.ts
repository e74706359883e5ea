// 社区统计 (staff subpackage): the caller's community against the city's targets — volunteers,
// party members on the owners' committee — with volunteer hours and the request KPIs
// (community.stats, figures.ts). `communityId` in the query (a row of 工作概览) shows that
// community instead; the server decides whether the caller may see it.
import { loadedPageBehavior } from '../../behaviors/page';
import * as community from '../../services/community';
import { canViewStats, FORBIDDEN_MESSAGE, statsViewOf, type StatsView } from './figures';
import { me } from '../../services/session';
import { exportLedger, LEDGER_CHOICES, type Ledger } from './ledgers';
import type { DatasetEvent } from '../../utils/events';
import { exportAndOpen } from '../export-file';

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  // `communityId`: from the query (a row of 工作概览).
  properties: { communityId: String },

  data: {
    /** Who is looking is known (and the community's name). */
    _known: false,
    loading: true,
    error: '',
    /** Set when the caller may not see the figures: shown as is, without 重试. */
    forbidden: '',
    communityName: '',
    view: null as StatsView | null,
    ledgers: LEDGER_CHOICES,
    /** The ledger being exported ('' when none). */
    exporting: '',
    exportError: '',
  },

  methods: {
    /** Who the caller is (their community), then its figures; `quiet` keeps the figures shown meanwhile. */
    async load(quiet = false): Promise<void> {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '', forbidden: '' });
      if (!this.data._known) {
        const [who, communities] = await Promise.all([
          me(),
          community.list(this.data.communityId ? { communityId: this.data.communityId } : { mine: true }),
        ]);
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
        // The name is a heading only: without the list the figures still show.
        const communityId = this.data.communityId || user.communityId;
        if (!communityId) {
          // A street's staff choose a community in 工作概览.
          this.setData({ loading: false, forbidden: FORBIDDEN_MESSAGE });
          return;
        }
        const name = communities.ok ? (communities.data.find((c) => c.communityId === communityId)?.name ?? '') : '';
        this.setData({ communityId, communityName: name, _known: true });
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

    refresh() {
      return this.load(!!this.data.view);
    },

    /** 导出台账: this community's ledger as .xlsx, downloaded and opened; the server decides who may. */
    async onExport(e: DatasetEvent<{ ledger: Ledger }>) {
      if (this.data.exporting) return;
      const ledger = e.currentTarget.dataset.ledger;
      this.setData({ exporting: ledger, exportError: '' });
      const message = await exportAndOpen(() => exportLedger({ ledger, communityId: this.data.communityId }));
      this.setData({ exporting: '', exportError: message ?? '' });
    },
  },
});
