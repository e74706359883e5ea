// 红黑榜: the latest published period's red and black lists, every firm with its grade and score,
// and the earlier periods to switch to. Tapping a firm opens its credit history.
import * as ratings from '../../../services/ratings';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { pageStyle } from '../../../utils/font';
import { openPage } from '../../../utils/navigate';
import { boardRows, type FirmRow } from './rows';

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    period: '',
    headline: '',
    periods: [] as Array<{ period: string; label: string }>,
    red: [] as FirmRow[],
    black: [] as FirmRow[],
    firms: [] as FirmRow[],
    _loadSeq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.load();
    },
  },

  methods: {
    onPullDownRefresh() {
      this.load(this.data.period || undefined, true).then(() => wx.stopPullDownRefresh());
    },

    /** Loads a period's board (the latest when none); `quiet` keeps the current board meanwhile. */
    async load(period?: string, quiet = false): Promise<void> {
      const seq = this.data._loadSeq + 1;
      this.setData({ _loadSeq: seq });
      if (!quiet) this.setData({ loading: true, error: '' });
      const r = await ratings.board(period ? { period } : {});
      if (seq !== this.data._loadSeq) return;
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
