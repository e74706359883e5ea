// 关联住户 (业委会): a unit of the owners' register whose owner no resident matched automatically
// (another phone, a family member's account); the committee picks the resident who owns it from
// the compound's residents not linked yet, confirms, and the link is made and audited (linkUnit).
import * as owners from '../service';
import { pagingBehavior } from '../../behaviors/paging';
import type { DatasetEvent } from '../../utils/events';

const PAGE_SIZE = 20;

interface PersonRow {
  userId: string;
  name: string;
  detail: string;
}

const paging = pagingBehavior<owners.ResidentView, PersonRow, owners.ResidentPage, { compoundId: string }>({
  fetch: (data, cursor) => owners.residents({ compoundId: data.compoundId, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
  row: (p) => ({ userId: p.userId, name: p.name, detail: `注册地址 ${p.building} ${p.room} · 手机号 ${p.phoneMasked}` }),
  key: (r) => r.userId,
});

Component({
  options: { pureDataPattern: /^_/ },

  behaviors: [paging],

  properties: {
    compoundId: { type: String, value: '' },
    building: { type: String, value: '' },
    room: { type: String, value: '' },
  },

  data: {
    dialog: false,
    dialogContent: '',
    linking: false,
    linkError: '',
    _userId: '',
  },

  lifetimes: {
    attached() {
      this.loadFirst();
    },
  },

  methods: {
    onPick(e: DatasetEvent<{ id: string }>) {
      const row = this.data.list.items.find((r) => r.userId === e.currentTarget.dataset.id);
      if (!row || this.data.linking) return;
      const unit = `${this.properties.building} ${this.properties.room}`;
      this.setData({
        dialog: true,
        _userId: row.userId,
        linkError: '',
        dialogContent: `将住户 ${row.name} 关联为 ${unit} 的业主？关联后其可代表该业主投票，此操作将记录在案。`,
      });
    },

    onDialogCancel() {
      this.setData({ dialog: false });
    },

    async onDialogConfirm(): Promise<void> {
      const userId = this.data._userId;
      this.setData({ dialog: false });
      if (!userId || this.data.linking) return;
      this.setData({ linking: true, linkError: '' });
      const r = await owners.linkUnit({
        compoundId: this.properties.compoundId,
        userId,
        building: this.properties.building,
        room: this.properties.room,
      });
      this.setData({ linking: false });
      if (!r.ok) {
        this.setData({ linkError: r.error.message });
        return;
      }
      wx.showToast({ title: '已关联', icon: 'success' });
      wx.navigateBack();
    },
  },
});
