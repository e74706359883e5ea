// 小区物业 (admin subpackage): a compound, the firm serving it and who served it when
// (admin.compound), and assigning a firm from a date (admin.assignFirm: the previous row ends
// that day, the history is kept). Query: `compoundId`.
import type { CompoundView, FirmRow, ServiceRow } from '../../../typings/admin';
import { adminPageBehavior } from '../behavior';
import * as admin from '../service';
import { chinaDateOf } from '../../utils/china-time';
import { confirm } from '../../utils/confirm';
import type { DetailEvent } from '../../utils/events';
import { failureText } from '../shared';

/** A history row as shown: who, and from when until when. */
export function serviceLine(row: ServiceRow): { firmName: string; when: string; current: boolean } {
  return { firmName: row.firmName, when: `${row.from} 至 ${row.to ?? '今'}`, current: row.to === null };
}

Component({
  behaviors: [adminPageBehavior],

  properties: {
    compoundId: { type: String, value: '' },
  },

  data: {
    compound: null as CompoundView | null,
    history: [] as Array<ReturnType<typeof serviceLine>>,
    firmOptions: [] as Array<{ label: string; value: string }>,
    firms: [] as FirmRow[],
    pickerVisible: false,
    firmId: '',
    firmName: '',
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
      const [res, structure] = await Promise.all([admin.compound(this.data.compoundId), admin.structure()]);
      if (!fresh()) return;
      if (!res.ok) {
        this.setData({ loading: false, error: res.error.message });
        return;
      }
      const firms = structure.ok ? structure.data.firms : [];
      this.setData({
        loading: false,
        compound: res.data,
        history: res.data.history.map(serviceLine),
        firms: firms,
        firmOptions: firms.map((f) => ({ label: `${f.name}${f.hasPartyOrg ? '（有党组织）' : ''}`, value: f.firmId })),
      });
    },

    openFirmPicker() {
      if (!this.data.firmOptions.length) {
        this.setData({ formError: '还没有登记物业企业' });
        return;
      }
      this.setData({ pickerVisible: true });
    },

    closeFirmPicker() {
      this.setData({ pickerVisible: false });
    },

    onFirmConfirm(e: DetailEvent<{ value: string[] }>) {
      const firmId = e.detail.value[0] ?? '';
      const firm = this.data.firms.find((f) => f.firmId === firmId);
      this.setData({ pickerVisible: false, firmId, firmName: firm?.name ?? '', formError: '' });
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
      });
    },
  },
});
