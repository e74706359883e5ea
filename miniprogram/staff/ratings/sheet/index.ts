// 物业服务评价表: for owners'-committee members and the community party organisation. The compounds
// the caller rates this half-year, each with its sheet's state; the sheet of the chosen compound
// with seven star ratings and a comment; submit (again, until publication) after a confirmation.
import { loadedPageBehavior } from '../../../behaviors/page';
import * as ratings from '../../../services/ratings';
import type { FirmGrade, MySheetsView } from '../../../services/ratings';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import {
  compoundRows,
  dimensionsOf,
  emptyScores,
  missingDimensions,
  STATE_LABELS,
  type CompoundRow,
  type DimensionView,
  type DraftScores,
} from './form';
import { confirm } from '../../../utils/confirm';

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    notRater: false,
    period: '',
    label: '',
    periodState: '',
    compounds: [] as CompoundRow[],
    selected: -1,
    stateLabel: '',
    closed: false,
    dimensions: [] as DimensionView[],
    comment: '',
    formError: '',
    submitting: false,
    _view: null as MySheetsView | null,
    _grades: [] as FirmGrade[],
    _scores: {} as DraftScores,
  },

  methods: {
    async load(quiet = false): Promise<void> {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '', notRater: false });
      const r = await ratings.mySheets();
      if (!fresh()) return;
      if (!r.ok) {
        this.setData({ loading: false, error: r.error.message, notRater: r.error.reason === 'NOT_A_RATER' });
        return;
      }
      const keep = this.data.selected >= 0 ? this.data.compounds[this.data.selected]?.compoundId : undefined;
      const index = Math.max(0, keep ? r.data.items.findIndex((i) => i.compoundId === keep) : 0);
      this.setData({
        loading: false,
        error: '',
        _view: r.data,
        period: r.data.period,
        label: r.data.label,
        periodState: r.data.periodState,
        compounds: compoundRows(r.data, this.data._grades),
      });
      if (r.data.items.length) this.select(index);
      this.loadGrades(fresh, r.data);
    },

    /** The firms' latest grades, shown beside them once known; the sheet works without them. */
    async loadGrades(fresh: () => boolean, view: MySheetsView): Promise<void> {
      const firmIds = [...new Set(view.items.map((i) => i.firmId))];
      if (!firmIds.length) return;
      const r = await ratings.firmGrades(firmIds);
      if (!r.ok || !fresh() || !this.data._view) return;
      this.setData({ _grades: r.data, compounds: compoundRows(this.data._view, r.data) });
    },

    /** Shows the sheet of one compound: the submitted one, or an empty draft. */
    select(index: number) {
      const item = this.data._view?.items[index];
      if (!item) return;
      const dims = this.data._view?.dimensions ?? [];
      const scores: DraftScores = item.sheet ? { ...item.sheet.scores } : emptyScores(dims);
      this.setData({
        selected: index,
        _scores: scores,
        dimensions: dimensionsOf(dims, scores),
        comment: item.sheet?.comment ?? '',
        stateLabel: STATE_LABELS[item.state],
        closed: item.state === 'closed',
        formError: '',
      });
    },

    onCompoundTap(e: DatasetEvent<{ index: number }>) {
      this.select(Number(e.currentTarget.dataset.index));
    },

    onStar(e: DatasetEvent<{ dim: keyof DraftScores; n: number }>) {
      if (this.data.closed) return;
      const { dim, n } = e.currentTarget.dataset;
      const scores = { ...this.data._scores, [dim]: Number(n) };
      this.setData({ _scores: scores, dimensions: dimensionsOf(this.data._view?.dimensions ?? [], scores), formError: '' });
    },

    onComment(e: DetailEvent<{ value: string }>) {
      this.setData({ comment: e.detail.value });
    },

    async onSubmit() {
      const item = this.data._view?.items[this.data.selected];
      if (!item || this.data.closed || this.data.submitting) return;
      const missing = missingDimensions(this.data._view?.dimensions ?? [], this.data._scores);
      if (missing.length) {
        this.setData({ formError: `请为以下各项打分：${missing.join('、')}` });
        return;
      }
      const again = item.state === 'submitted';
      const ok = await confirm({
        title: again ? '确认修改评价表？' : '确认提交评价表？',
        content: `${item.compoundName}（${item.firmName}）。本期红黑榜发布前仍可修改，发布后不能再修改。`,
        confirmText: again ? '确认修改' : '确认提交',
        cancelText: '再看看',
      });
      if (!ok) return;
      this.setData({ submitting: true, formError: '' });
      const comment = this.data.comment.trim();
      const r = await ratings.submit({
        compoundId: item.compoundId,
        period: this.data.period,
        scores: this.data._scores as ratings.DimensionScores,
        ...(comment ? { comment } : {}),
      });
      this.setData({ submitting: false });
      if (!r.ok) {
        const formError = r.error.issues?.[0]?.message ? `${r.error.message}：${r.error.issues[0].message}` : r.error.message;
        // Published meanwhile: show the sheet as closed, and still say why it was not taken.
        if (r.error.reason === 'PERIOD_PUBLISHED') await this.load(true);
        this.setData({ formError });
        return;
      }
      const { state: _state, ...sheet } = r.data;
      const view = this.data._view as MySheetsView;
      const items = view.items.map((i) => (i.compoundId === item.compoundId ? { ...i, state: 'submitted' as const, sheet } : i));
      const next = { ...view, items };
      this.setData({ _view: next, compounds: compoundRows(next, this.data._grades), stateLabel: STATE_LABELS.submitted });
      wx.showToast({ title: again ? '评价已修改' : '评价已提交', icon: 'success' });
    },
  },
});
