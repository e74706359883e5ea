// 业主名册 (业委会 / 居委会 / 党组织): units, owners (counted as the law counts), total area, and the
// rows not yet linked to a resident, a page at a time; convenors import the register from an .xlsx
// or .csv file — all rows or none, each bad row named by its line; the committee links a row's
// owner to a resident by hand (关联住户, audited).
import * as owners from '../service';
import { pagingBehavior } from '../../behaviors/paging';
import type { DatasetEvent } from '../../utils/events';
import { areaText } from '../format';
import { uploadFile } from '../upload';

const PAGE_SIZE = 20;

interface UnitRow {
  key: string;
  building: string;
  room: string;
  unit: string;
  owner: string;
  area: string;
}

const paging = pagingBehavior<
  owners.RegisterView['units']['items'][number],
  UnitRow,
  owners.RegisterView['units'] & owners.RegisterView,
  { compoundId: string }
>({
  async fetch(data, cursor) {
    const r = await owners.register({ compoundId: data.compoundId, unlinkedOnly: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    // The behaviour pages `items`/`nextCursor`; the summary rides along with the first page.
    return r.ok ? { ok: true, data: { ...r.data, ...r.data.units } } : r;
  },
  row: (u) => ({
    key: `${u.line}`,
    building: u.building,
    room: u.room,
    unit: `${u.building} ${u.room}`,
    owner: `${u.developerHeld ? '开发商 · ' : ''}${u.ownerName} ${u.ownerPhone}`,
    area: `${areaText(u.area)} ㎡`,
  }),
  key: (r) => r.key,
  withFirst: (answer) => {
    const s = answer.summary;
    return {
      hasRegister: !!s.registerId,
      canLink: answer.canLink,
      figures: [
        { label: '房屋（户）', value: String(s.units) },
        { label: '业主（人）', value: String(s.owners) },
        { label: '总面积（㎡）', value: areaText(s.totalArea) },
        { label: '未关联住户', value: String(s.unlinked) },
      ],
    };
  },
});

Component({
  options: { pureDataPattern: /^_/ },

  behaviors: [paging],

  properties: {
    compoundId: { type: String, value: '' },
  },

  data: {
    hasRegister: false,
    canLink: false,
    figures: [] as Array<{ label: string; value: string }>,
    importing: false,
    importErrors: [] as Array<{ line: number; message: string }>,
    importNote: '',
    _shown: false,
  },

  lifetimes: {
    attached() {
      this.loadFirst();
    },
  },

  pageLifetimes: {
    show() {
      // Back from linking a resident: the row is linked now.
      if (this.data._shown && !this.data.loading) this.loadFirst(true);
      this.setData({ _shown: true });
    },
  },

  methods: {
    /** 关联住户: pick the resident who owns this unit (owners/link). */
    onLink(e: DatasetEvent<{ building: string; room: string }>) {
      const { building, room } = e.currentTarget.dataset;
      const q = `compoundId=${this.properties.compoundId}&building=${encodeURIComponent(building)}&room=${encodeURIComponent(room)}`;
      wx.navigateTo({ url: `/owners/link/index?${q}` });
    },

    /** 导入名册: a spreadsheet from a chat, uploaded, then imported (all rows or none). */
    onImport() {
      if (this.data.importing) return;
      wx.chooseMessageFile({
        count: 1,
        type: 'file',
        extension: ['xlsx', 'csv'],
        success: (res) => this.importFile(res.tempFiles[0].path),
      });
    },

    async importFile(path: string): Promise<void> {
      this.setData({ importing: true, importErrors: [], importNote: '' });
      const up = await uploadFile(path, 'registers');
      if (!up.ok) {
        this.setData({ importing: false, importNote: up.message });
        return;
      }
      const r = await owners.importRegister({ compoundId: this.properties.compoundId, fileId: up.fileId });
      this.setData({ importing: false });
      if (!r.ok) {
        this.setData({ importNote: r.error.message });
        return;
      }
      if (!r.data.imported) {
        this.setData({ importNote: '名册有误，未导入任何一行。请修改以下各行后重新导入：', importErrors: r.data.errors });
        return;
      }
      wx.showToast({ title: '导入成功', icon: 'success' });
      this.setData({ importNote: `已导入 ${r.data.units} 户，自动关联住户 ${r.data.linked} 人。` });
      await this.loadFirst();
    },
  },
});
