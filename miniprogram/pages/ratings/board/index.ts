// 红黑榜: the latest published period's red and black lists, every firm with its grade and score,
// and the earlier periods to switch to. Tapping a firm opens its credit history.
import { pageBehavior } from '../../../behaviors/page';
import * as ratings from '../../../services/ratings';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { openPage } from '../../../utils/navigate';
import { boardRows, type FirmRow } from './rows';

Component({
  behaviors: [pageBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    loading: true,
    error: '',
    period: '',
    headline: '',
    rules: '',
    periods: [] as Array<{ period: string; label: string }>,
    red: [] as FirmRow[],
    black: [] as FirmRow[],
    firms: [] as FirmRow[],
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    refresh() {
      return this.load(this.data.period || undefined, true);
    },

    /** Loads a period's board (the latest when none); `quiet` keeps the current board meanwhile. */
    async load(period?: string, quiet = false): Promise<void> {
      const fresh = this.beginLoad();
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

    onRetry() {
      this.load(this.data.period || undefined);
    },

    onPeriodChange(e: DetailEvent<{ value: string }>) {
      const period = String(e.detail.value);
      if (period && period !== this.data.period) this.load(period);
    },

    onFirmTap(e: DatasetEvent<{ firmId: string }>) {
      openPage(`/pages/ratings/firm/index?firmId=${encodeURIComponent(e.currentTarget.dataset.firmId)}`);
    },
  },
});
