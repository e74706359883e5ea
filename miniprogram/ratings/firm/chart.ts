// The firm page's "scores by dimension over periods": for each dimension, one bar per published
// period (oldest first), its length the mean score out of 5.
import type { FirmView } from '../../services/ratings';
import { gradeText, gradeTheme, scoreText } from '../../utils/rating-labels';

/** At most this many periods in the chart: the recent ones. */
export const CHART_PERIODS = 4;

export interface ChartBar {
  /** 2026上 */
  period: string;
  value: string;
  style: string;
}

export interface ChartRow {
  key: string;
  label: string;
  bars: ChartBar[];
}

export interface HistoryRow {
  key: string;
  label: string;
  grade: string;
  gradeTheme: string;
  description: string;
}

/** 2026-H1 → 2026上 */
const shortPeriod = (p: string) => `${p.slice(0, 4)}${p.endsWith('H1') ? '上' : '下'}`;

/** The chart rows of a firm's history: one per dimension, in the order and with the names the view sends. */
export function chartOf(view: Pick<FirmView, 'history' | 'dimensions'>): ChartRow[] {
  const periods = view.history.slice(0, CHART_PERIODS).reverse();
  return view.dimensions.map(({ key, label }) => ({
    key,
    label,
    bars: periods.map((h) => {
      const v = h.dimensions[key];
      return {
        period: shortPeriod(h.period),
        value: v === null ? '—' : v.toFixed(1),
        style: `width: ${v === null ? 0 : Math.round((v / 5) * 100)}%;`,
      };
    }),
  }));
}

/** The grade history rows, newest first. */
export function historyOf(history: FirmView['history']): HistoryRow[] {
  return history.map((h) => {
    const parts = [`信用分 ${scoreText(h.creditScore)}`];
    if (h.listLabel) parts.push(h.listLabel);
    if (h.seriousItems > 0) parts.push(`重大事项 ${h.seriousItems} 项`);
    parts.push(h.compounds.map((c) => `${c.compoundName} ${scoreText(c.score)}`).join('，'));
    return {
      key: `${h.communityId}:${h.period}`,
      label: h.label,
      grade: gradeText(h.grade),
      gradeTheme: gradeTheme(h.grade),
      description: parts.filter(Boolean).join(' · '),
    };
  });
}
