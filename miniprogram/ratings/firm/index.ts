// 企业信用档案: a firm's latest grade, the compounds it serves, its grade history and its scores by
// dimension over the published periods.
import { loadedPageBehavior } from '../../behaviors/page';
import * as ratings from '../../services/ratings';
import { gradeText, gradeTheme, scoreText } from '../../utils/rating-labels';
import { chartOf, historyOf, type ChartRow, type HistoryRow } from './chart';

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  /** The page's query (`?firmId=…`) arrives as properties. */
  properties: {
    firmId: { type: String, value: '' },
  },

  data: {
    name: '',
    creditCode: '',
    latest: null as null | { label: string; grade: string; gradeTheme: string; score: string; listLabel: string },
    compounds: [] as Array<{ compoundId: string; name: string }>,
    history: [] as HistoryRow[],
    chart: [] as ChartRow[],
    legend: [] as string[],
  },

  methods: {
    async load(quiet = false): Promise<void> {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '' });
      if (!this.properties.firmId) {
        this.setData({ loading: false, error: '未指定物业企业' });
        return;
      }
      const r = await ratings.firm(this.properties.firmId);
      if (!fresh()) return;
      if (!r.ok) {
        this.setData({ loading: false, error: r.error.message });
        return;
      }
      const f = r.data;
      const chart = chartOf(f);
      wx.setNavigationBarTitle?.({ title: f.name });
      this.setData({
        loading: false,
        error: '',
        name: f.name,
        creditCode: f.creditCode,
        latest: f.latest
          ? {
              label: f.latest.label,
              grade: gradeText(f.latest.grade),
              gradeTheme: gradeTheme(f.latest.grade),
              score: scoreText(f.latest.creditScore),
              listLabel: f.latest.listLabel ?? '',
            }
          : null,
        compounds: f.compounds.map((c) => ({ compoundId: c.compoundId, name: c.name })),
        history: historyOf(f.history),
        chart,
        legend: chart[0]?.bars.map((b) => b.period) ?? [],
      });
    },
  },
});
