// 党员报到管理 (staff): the party members who reported in to the community — waiting, then
// confirmed — with their unit and branch; the community's party organisation confirms each one
// (outreach.confirmReport), which makes them a volunteer of the community, and names confirmed
// members to building posts (appoint.ts).
import { callerBehavior } from '../../behaviors/page';
import { staffOnly } from '../gate';
import { pagingBehavior } from '../../behaviors/paging';
import * as outreach from '../service';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { chinaDateTime } from '../labels';
import { appointBehavior, postTag, roleChoices, type PostTag } from './appoint';

interface Row {
  reportId: string;
  userId: string;
  name: string;
  unit: string;
  kind: string;
  when: string;
  posts: PostTag[];
  error: string;
}

const rowOf = (r: outreach.ReportView): Row => ({
  reportId: r.reportId,
  userId: r.userId,
  name: r.name,
  unit: `${r.unitName} · ${r.branchName}`,
  kind: r.kindLabel,
  when: r.confirmedAt ? `确认于 ${chinaDateTime(r.confirmedAt)}` : `报到于 ${chinaDateTime(r.reportedAt)}`,
  posts: r.buildingPosts.map(postTag),
  error: '',
});

const paging = pagingBehavior<outreach.ReportView, Row, outreach.ReportPage>({
  fetch: (data: { communityId: string; tab: outreach.ReportStatus }, cursor) =>
    outreach.listReports(
      cursor ? { communityId: data.communityId, status: data.tab, cursor } : { communityId: data.communityId, status: data.tab },
    ),
  row: rowOf,
  key: (r) => r.reportId,
  withFirst: (answer) => ({ roles: roleChoices(answer) }),
});

Component({
  behaviors: [callerBehavior, paging, appointBehavior],

  data: {
    ready: false,
    canConfirm: false,
    tabs: [
      { value: 'pending', label: '待确认' },
      { value: 'confirmed', label: '已确认' },
    ],
    tab: 'pending' as outreach.ReportStatus,
    busyId: '',
  },

  methods: {
    async init(): Promise<void> {
      const user = await this.caller(staffOnly('仅社区党组织和居委会工作人员可以查看党员报到'));
      if (!user) return;
      this.setData({ canConfirm: user.roles.includes('party_org') });
      await this.loadFirst();
    },

    onTabChange(e: DetailEvent<{ value: outreach.ReportStatus }>) {
      if (e.detail.value === this.data.tab) return;
      this.refilter({ tab: e.detail.value });
    },

    async onConfirm(e: DatasetEvent<{ id: string }>): Promise<void> {
      const id = e.currentTarget.dataset.id;
      if (this.data.busyId) return;
      this.setData({ busyId: id });
      const res = await outreach.confirmReport(id);
      this.setData({ busyId: '' });
      const items = this.data.list.items;
      const index = items.findIndex((r) => r.reportId === id);
      if (!res.ok) {
        if (index >= 0) this.setData({ [`list.items[${index}].error`]: res.error.message });
        return;
      }
      wx.showToast({ title: '已确认报到', icon: 'success' });
      this.setData({ 'list.items': items.filter((r) => r.reportId !== id) });
    },
  },
});
