// 小区物业 (admin subpackage): a compound, the firm serving it and who served it when
// (admin.compound), and assigning a firm from a date (admin.assignFirm: the previous row ends
// that day, the history is kept). Each candidate firm shows its latest city-wide grade
// (ratings.firmGrades) and whether it has a party organisation (RULES.md §4); the picker offers the
// first 50 firms by name (admin.firms) and finds others by the start of their name. Query: `compoundId`.
import type { CompoundView, FirmRow, ServiceRow } from '../../../typings/admin';
import { adminPageBehavior } from '../behavior';
import * as admin from '../service';
import * as ratings from '../../services/ratings';
import { chinaDateOf } from '../../utils/china-time';
import { confirm } from '../../utils/confirm';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { firmGradeText } from '../../utils/rating-labels';
import { failureText } from '../shared';

/** A history row as shown: who, and from when until when. */
export function serviceLine(row: ServiceRow): { firmName: string; when: string; current: boolean } {
  return { firmName: row.firmName, when: `${row.from} 至 ${row.to ?? '今'}`, current: row.to === null };
}

/** A candidate firm as the firm list shows it. */
export interface FirmChoice {
  firmId: string;
  name: string;
  /** 信用等级 AAA（2026年上半年） · 有党组织 */
  description: string;
}

/** How many firms the picker offers at once (one ratings.firmGrades call). */
const FIRMS_SHOWN = 50;

/** The firms with their grades (ratings.firmGrades takes 50 firms a call); `''` or why the grades are missing. */
async function firmChoices(firms: FirmRow[]): Promise<{ firms: FirmChoice[]; gradesError: string }> {
  const chunks: string[][] = [];
  for (let i = 0; i < firms.length; i += 50) chunks.push(firms.slice(i, i + 50).map((f) => f.firmId));
  const answers = await Promise.all(chunks.map((ids) => ratings.firmGrades(ids)));
  const failed = answers.find((a) => !a.ok);
  const grades = new Map(answers.flatMap((a) => (a.ok ? a.data : [])).map((g) => [g.firmId, g]));
  const choices = firms.map((f) => {
    const grade = grades.get(f.firmId);
    const party = f.hasPartyOrg ? '有党组织' : '无党组织';
    return { firmId: f.firmId, name: f.name, description: grade ? `${firmGradeText(grade)} · ${party}` : party };
  });
  return { firms: choices, gradesError: failed && !failed.ok ? `信用等级未能加载：${failed.error.message}` : '' };
}

Component({
  behaviors: [adminPageBehavior],

  properties: {
    compoundId: { type: String, value: '' },
  },

  data: {
    compound: null as CompoundView | null,
    history: [] as Array<ReturnType<typeof serviceLine>>,
    firms: [] as FirmChoice[],
    /** The start of a firm's name typed in the picker ('' for the first firms by name). */
    firmQuery: '',
    gradesError: '',
    pickerVisible: false,
    firmId: '',
    firmName: '',
    firmNote: '',
    from: '',
    today: '',
  },

  lifetimes: {
    attached() {
      const today = chinaDateOf();
      this.setData({ from: today, today });
      if (this.data.compoundId) this.load();
    },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (!query.compoundId || query.compoundId === this.data.compoundId) return;
      this.setData({ compoundId: query.compoundId });
      this.load();
    },

    async load(quiet = false) {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '' });
      const [res, firms] = await Promise.all([admin.compound(this.data.compoundId), admin.firms({ limit: FIRMS_SHOWN })]);
      if (!fresh()) return;
      if (!res.ok) {
        this.setData({ loading: false, error: res.error.message });
        return;
      }
      const { firms: choices, gradesError } = await firmChoices(firms.ok ? firms.data.items : []);
      if (!fresh()) return;
      this.setData({
        loading: false,
        compound: res.data,
        history: res.data.history.map(serviceLine),
        firms: choices,
        firmQuery: '',
        gradesError,
      });
    },

    /** The picker's 查找: the firms whose name starts with what is typed. */
    async onFirmSearch(e: DetailEvent<{ value: string }>) {
      const q = e.detail.value.trim();
      this.setData({ firmQuery: e.detail.value });
      const res = await admin.firms(q ? { q, limit: FIRMS_SHOWN } : { limit: FIRMS_SHOWN });
      if (this.data.firmQuery.trim() !== q) return;
      if (!res.ok) {
        this.setData({ gradesError: res.error.message });
        return;
      }
      this.setData(await firmChoices(res.data.items));
    },

    openFirmPicker() {
      if (!this.data.firms.length && !this.data.firmQuery) {
        this.setData({ formError: '还没有登记物业企业' });
        return;
      }
      this.setData({ pickerVisible: true });
    },

    closeFirmPicker() {
      this.setData({ pickerVisible: false });
    },

    onFirmTap(e: DatasetEvent<{ firmId: string }>) {
      const firm = this.data.firms.find((f) => f.firmId === e.currentTarget.dataset.firmId);
      if (!firm) return;
      this.setData({ pickerVisible: false, firmId: firm.firmId, firmName: firm.name, firmNote: firm.description, formError: '' });
    },

    onDate(e: DetailEvent<{ value: string }>) {
      this.setData({ from: e.detail.value, formError: '' });
    },

    async onAssign() {
      const { compound, firmId, firmName, from, saving } = this.data;
      if (saving || !compound) return;
      if (!firmId) {
        this.setData({ formError: '请选择物业企业' });
        return;
      }
      const yes = await confirm({
        title: '指定物业',
        content: `自 ${from} 起由 ${firmName} 服务 ${compound.name}？此前的服务记录会保留。`,
      });
      if (!yes) return;
      this.setData({ saving: true, formError: '' });
      const res = await admin.assignFirm({ compoundId: compound.compoundId, firmId, from });
      this.setData({ saving: false });
      if (!res.ok) {
        this.setData({ formError: failureText(res.error) });
        return;
      }
      wx.showToast({ title: '已指定', icon: 'success' });
      this.setData({
        compound: { ...compound, firmId: res.data.firmId, firmName },
        history: [...res.data.history].reverse().map(serviceLine),
        firmId: '',
        firmName: '',
        firmNote: '',
      });
    },
  },
});
