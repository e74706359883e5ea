// 红黑榜: the latest published period's red and black lists, every firm with its grade and score,
// and the earlier periods to switch to. Tapping a firm opens its credit history.
import { loadedPageBehavior } from '../../behaviors/page';
import * as ratings from '../../services/ratings';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { boardRows, type FirmRow } from './rows';

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    period: '',
    headline: '',
    rules: '',
    periods: [] as Array<{ period: string; label: string }>,
    red: [] as FirmRow[],
    black: [] as FirmRow[],
    firms: [] as FirmRow[],
  },

  methods: {
    /** Loads a period's board (the one shown, or the latest); `quiet` keeps the current board meanwhile. */
    async load(quiet = false, chosen?: string): Promise<void> {
      const fresh = this.beginLoad();
      const period = chosen ?? this.data.period;
      if (!quiet) this.setData({ loading: true, error: '' });
      const r = await ratings.board(period ? { period } : {});
      if (!fresh()) return;
      if (!r.ok) {
        this.setData({ loading: false, error: r.error.message });
        return;
      }
      const rows = boardRows(r.data);
      this.setData({
        loading: false,
        error: '',
        period: r.data.period ?? '',
        periods: r.data.periods,
        headline: rows.headline,
        rules: rows.rules,
        red: rows.red,
        black: rows.black,
        firms: rows.firms,
      });
    },

    onPeriodChange(e: DetailEvent<{ value: string }>) {
      const period = String(e.detail.value);
      if (period && period !== this.data.period) this.load(false, period);
    },

    onFirmTap(e: DatasetEvent<{ firmId: string }>) {
      openPage(`/ratings/firm/index?firmId=${encodeURIComponent(e.currentTarget.dataset.firmId)}`);
    },
  },
});
