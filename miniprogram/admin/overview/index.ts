// 工作概览 (admin subpackage): admin.overview for the city (a row per street, the admin) or a street
// (a row per community; a street_admin's own street). A street row opens that street's overview,
// a community row the community's figures (社区统计). Query: `streetId`.
import { adminPageBehavior } from '../behavior';
import * as admin from '../service';
import type { DatasetEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { NOT_OVERSEER } from '../shared';
import { overviewCardOf, type OverviewCard } from './rows';

Component({
  behaviors: [adminPageBehavior],

  properties: {
    streetId: { type: String, value: '' },
  },

  data: {
    level: 'city' as 'city' | 'street',
    title: '',
    total: null as OverviewCard | null,
    period: '',
    rows: [] as OverviewCard[],
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if ((query.streetId ?? '') === this.data.streetId) return;
      this.setData({ streetId: query.streetId ?? '' });
      this.load();
    },

    async load(quiet = false) {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '', forbidden: '' });
      let streetId = this.data.streetId;
      if (!streetId) {
        // The admin starts at the city; a street_admin at their (first) street.
        const user = await this.callerFor(fresh);
        if (user === undefined) return;
        if (!user?.roles.includes('admin')) {
          streetId = user?.grants.find((g) => g.role === 'street_admin')?.streetId ?? '';
          if (!streetId) {
            this.setData({ loading: false, forbidden: NOT_OVERSEER });
            return;
          }
        }
      }
      const res = await admin.overview(streetId ? { level: 'street', streetId } : { level: 'city' });
      if (!this.answered(fresh, res)) return;
      this.setData({
        loading: false,
        level: res.data.level,
        title: res.data.level === 'city' ? `${res.data.name || '全市'} · 各街道` : `${res.data.name} · 各社区`,
        total: overviewCardOf(res.data.total, res.data.parties),
        period: res.data.periodLabel ?? '',
        rows: res.data.rows.map((r) => overviewCardOf(r, res.data.parties)),
      });
    },

    onRowTap(e: DatasetEvent<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.level === 'city') openPage(`/admin/overview/index?streetId=${id}`);
      else openPage(`/staff/stats/index?communityId=${id}`);
    },
  },
});
