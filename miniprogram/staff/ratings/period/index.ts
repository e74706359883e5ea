// 评价进度（社区工作人员）: for one period, who has rated and who hasn't per compound, the sheets in
// detail (paged), and — for the party organisation — publishing the 红黑榜 after a confirmation,
// or publishing it again with a reason.
import { loadedPageBehavior } from '../../../behaviors/page';
import * as ratings from '../../../services/ratings';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { openPage } from '../../../utils/navigate';
import { evidenceLines, progressOf, sheetRowOf, stateLineOf, type CompoundProgress, type SheetRow } from './progress';
import { confirm } from '../../../utils/confirm';
import { exportAndOpen } from '../../export-file';
import { chinaParts } from '../../../utils/china-time';

const PAGE_SIZE = 20;

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  /** `?period=2026-H2` opens that period; the current half-year otherwise. */
  properties: {
    period: { type: String, value: '' },
  },

  data: {
    period: '',
    label: '',
    state: '',
    /** Credit points a serious item costs (the community's rule). */
    penalty: 0,
    stateLine: '',
    sheetCount: 0,
    canPublish: false,
    canRecordSeriousItem: false,
    /** The serious-item form: which compound, what happened, the evidence (one item a line). */
    itemCompound: -1,
    itemDescription: '',
    itemEvidence: '',
    itemError: '',
    recording: false,
    periods: [] as Array<{ period: string; label: string }>,
    compounds: [] as CompoundProgress[],
    seriousItems: [] as Array<{ itemId: string; title: string; description: string }>,
    reason: '',
    publishing: false,
    publishError: '',
    exporting: false,
    exportError: '',
    sheets: [] as SheetRow[],
    sheetsLoading: false,
    sheetsError: '',
    hasMore: false,
    _cursor: null as string | null,
  },

  methods: {
    /** Loads a period's progress (the one shown, or the current) and the first page of its sheets. */
    async load(quiet = false, chosen?: string): Promise<void> {
      const fresh = this.beginLoad();
      const period = chosen ?? this.data.period;
      if (!quiet) this.setData({ loading: true, error: '' });
      const target = period || this.currentPeriod();
      const [r, page] = await Promise.all([ratings.periodView({ period: target }), ratings.sheets({ period: target, limit: PAGE_SIZE })]);
      if (!fresh()) return;
      if (!r.ok) {
        this.setData({ loading: false, error: r.error.message });
        return;
      }
      const v = r.data;
      this.setData({
        loading: false,
        error: '',
        period: v.period,
        label: v.label,
        penalty: v.rules.seriousItemPenalty,
        state: v.state,
        stateLine: stateLineOf(v),
        sheetCount: v.sheetCount,
        canPublish: v.canPublish,
        canRecordSeriousItem: v.canRecordSeriousItem,
        periods: v.periods,
        compounds: progressOf(v),
        seriousItems: v.seriousItems.map((i) => ({
          itemId: i.itemId,
          title: `${i.firmName} · ${i.compoundName}`,
          description: `${i.description}（证据 ${i.evidence.length} 项）`,
        })),
        publishError: '',
        sheets: page.ok ? page.data.items.map(sheetRowOf) : [],
        sheetsError: page.ok ? '' : page.error.message,
        _cursor: page.ok ? page.data.nextCursor : null,
        hasMore: page.ok && page.data.nextCursor !== null,
      });
    },

    /** The half-year under way now, in China time (the period staff follow by default). */
    currentPeriod(): string {
      const p = chinaParts(new Date().toISOString());
      return `${p.y}-H${p.m <= 6 ? 1 : 2}`;
    },

    onPeriodChange(e: DetailEvent<{ value: string }>) {
      const period = String(e.detail.value);
      if (period && period !== this.data.period) this.load(false, period);
    },

    async onMoreSheets() {
      const cursor = this.data._cursor;
      if (!cursor || this.data.sheetsLoading) return;
      this.setData({ sheetsLoading: true, sheetsError: '' });
      const r = await ratings.sheets({ period: this.data.period, limit: PAGE_SIZE, cursor });
      if (!r.ok) {
        this.setData({ sheetsLoading: false, sheetsError: r.error.message });
        return;
      }
      this.setData({
        sheetsLoading: false,
        sheets: [...this.data.sheets, ...r.data.items.map(sheetRowOf)],
        _cursor: r.data.nextCursor,
        hasMore: r.data.nextCursor !== null,
      });
    },

    onReason(e: DetailEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, publishError: '' });
    },

    async onPublish() {
      if (this.data.publishing) return;
      const again = this.data.state === 'published';
      const reason = this.data.reason.trim();
      if (again && !reason) {
        this.setData({ publishError: '重新发布须填写理由' });
        return;
      }
      const ok = await confirm({
        title: again ? '确认重新发布？' : '确认发布红黑榜？',
        content: again
          ? `将按当前数据重新计算${this.data.label}结果并公示，原发布结果保留在历史中。`
          : `发布后${this.data.label}评价表将截止，信用等级和红黑榜向全体居民公示；列入黑榜企业所服务小区的业主将收到通知。`,
        confirmText: again ? '重新发布' : '发布',
      });
      if (!ok) return;
      this.setData({ publishing: true, publishError: '' });
      const r = await ratings.publish(again ? { period: this.data.period, reason } : { period: this.data.period });
      this.setData({ publishing: false });
      if (!r.ok) {
        this.setData({ publishError: r.error.message });
        return;
      }
      wx.showToast({ title: again ? '已重新发布' : '红黑榜已发布', icon: 'success' });
      this.setData({ reason: '' });
      await this.load(true);
    },

    onItemCompound(e: DatasetEvent<{ index: number }>) {
      this.setData({ itemCompound: Number(e.currentTarget.dataset.index), itemError: '' });
    },

    onItemDescription(e: DetailEvent<{ value: string }>) {
      this.setData({ itemDescription: e.detail.value, itemError: '' });
    },

    onItemEvidence(e: DetailEvent<{ value: string }>) {
      this.setData({ itemEvidence: e.detail.value, itemError: '' });
    },

    async onRecordItem() {
      if (this.data.recording) return;
      const compound = this.data.compounds[this.data.itemCompound];
      const description = this.data.itemDescription.trim();
      const evidence = evidenceLines(this.data.itemEvidence);
      const missing = [!compound && '所在小区', !description && '事项说明', !evidence.length && '证据'].filter(Boolean);
      if (missing.length) {
        this.setData({ itemError: `请填写：${missing.join('、')}` });
        return;
      }
      const ok = await confirm({
        title: '确认记录重大事项？',
        content: `${compound.firmName}（${compound.name}）${this.data.label}信用分扣 ${this.data.penalty} 分并列入黑榜。${this.data.state === 'published' ? '本期已发布，需重新发布后生效。' : ''}`,
        confirmText: '确认记录',
      });
      if (!ok) return;
      this.setData({ recording: true, itemError: '' });
      const r = await ratings.recordSeriousItem({ compoundId: compound.compoundId, period: this.data.period, description, evidence });
      this.setData({ recording: false });
      if (!r.ok) {
        this.setData({ itemError: r.error.issues?.[0]?.message ? `${r.error.message}：${r.error.issues[0].message}` : r.error.message });
        return;
      }
      wx.showToast({ title: '已记录', icon: 'success' });
      this.setData({ itemCompound: -1, itemDescription: '', itemEvidence: '' });
      await this.load(true);
    },

    onOpenBoard() {
      openPage('/ratings/board/index');
    },

    /** 导出信用评价表: the period's published results as .xlsx, downloaded and opened. */
    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true, exportError: '' });
      const message = await exportAndOpen(() => ratings.exportCredit({ period: this.data.period }));
      this.setData({ exporting: false, exportError: message ?? '' });
    },
  },
});
