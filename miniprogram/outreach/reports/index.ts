// 党员报到管理 (staff): the party members who reported in to the community — waiting, then
// confirmed — with their unit and branch; the community's party organisation confirms each one
// (outreach.confirmReport), which makes them a volunteer of the community.
import * as outreach from '../service';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { BUILDING_ROLE_TEXT, chinaDateTime, REPORT_KIND_TEXT } from '../labels';
import { staffGate } from '../staff';

interface Row {
  reportId: string;
  name: string;
  unit: string;
  kind: string;
  when: string;
  posts: string[];
  error: string;
}

const rowOf = (r: outreach.ReportView): Row => ({
  reportId: r.reportId,
  name: r.name,
  unit: `${r.unitName} · ${r.branchName}`,
  kind: REPORT_KIND_TEXT[r.kind],
  when: r.confirmedAt ? `确认于 ${chinaDateTime(r.confirmedAt)}` : `报到于 ${chinaDateTime(r.reportedAt)}`,
  posts: r.buildingPosts.map((p) => `${p.building}${BUILDING_ROLE_TEXT[p.role]}`),
  error: '',
});

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    forbidden: '',
    communityId: '',
    canConfirm: false,
    tabs: [
      { value: 'pending', label: '待确认' },
      { value: 'confirmed', label: '已确认' },
    ],
    tab: 'pending' as outreach.ReportStatus,
    rows: [] as Row[],
    nextCursor: null as string | null,
    busyId: '',
    _seq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.init();
    },
  },

  methods: {
    async init(): Promise<void> {
      this.setData({ loading: true, error: '', forbidden: '' });
      const gate = await staffGate('仅社区党组织和居委会工作人员可以查看党员报到');
      if (!gate.ok) {
        this.setData('forbidden' in gate ? { loading: false, forbidden: gate.forbidden } : { loading: false, error: gate.error });
        return;
      }
      this.setData({ communityId: gate.user.communityId, canConfirm: gate.user.roles.includes('party_org') });
      await this.loadFirst();
    },

    async loadFirst(): Promise<void> {
      const seq = this.data._seq + 1;
      this.setData({ _seq: seq, loading: true, error: '' });
      const res = await outreach.listReports({ communityId: this.data.communityId, status: this.data.tab });
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({ loading: false, error: res.error.message });
        return;
      }
      this.setData({ loading: false, rows: res.data.items.map(rowOf), nextCursor: res.data.nextCursor });
    },

    async onMore(): Promise<void> {
      if (!this.data.nextCursor) return;
      const res = await outreach.listReports({ communityId: this.data.communityId, status: this.data.tab, cursor: this.data.nextCursor });
      if (res.ok) this.setData({ rows: [...this.data.rows, ...res.data.items.map(rowOf)], nextCursor: res.data.nextCursor });
    },

    onTabChange(e: DetailEvent<{ value: outreach.ReportStatus }>) {
      if (e.detail.value === this.data.tab) return;
      this.setData({ tab: e.detail.value, rows: [] });
      this.loadFirst();
    },

    async onConfirm(e: DatasetEvent<{ id: string }>): Promise<void> {
      const id = e.currentTarget.dataset.id;
      if (this.data.busyId) return;
      this.setData({ busyId: id });
      const res = await outreach.confirmReport(id);
      this.setData({ busyId: '' });
      const index = this.data.rows.findIndex((r) => r.reportId === id);
      if (!res.ok) {
        if (index >= 0) this.setData({ [`rows[${index}].error`]: res.error.message });
        return;
      }
      wx.showToast({ title: '已确认报到', icon: 'success' });
      this.setData({ rows: this.data.rows.filter((r) => r.reportId !== id) });
    },

    onRetry() {
      if (this.data.communityId) this.loadFirst();
      else this.init();
    },

    onReachBottom() {
      this.onMore();
    },

    onPullDownRefresh() {
      const done = () => wx.stopPullDownRefresh();
      (this.data.communityId ? this.loadFirst() : this.init()).then(done, done);
    },
  },
});
