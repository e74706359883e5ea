// 街道、社区与小区 (admin subpackage): the structure the caller sets up, one level at a time —
// streets (the admin), a street's communities, a community's compounds — each with a form to add
// one there (admin.structure, createStreet/createCommunity/createCompound). Query: `streetId`,
// `communityId` (with its `streetId`). A compound opens its firm page.
import type { CommunityRow, StreetRow, StructureView } from '../../../typings/admin';
import { adminPageBehavior } from '../behavior';
import * as admin from '../service';
import type { DatasetEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { failureText } from '../shared';

type Level = 'city' | 'street' | 'community';

/** The names a person types for buildings, one per line or separated by 、，, or spaces. */
export function buildingsOf(text: string): string[] {
  return text
    .split(/[\n、，,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

Component({
  behaviors: [adminPageBehavior],

  properties: {
    streetId: { type: String, value: '' },
    communityId: { type: String, value: '' },
  },

  data: {
    level: 'city' as Level,
    isAdmin: false,
    title: '',
    streets: [] as StreetRow[],
    street: null as StreetRow | null,
    community: null as CommunityRow | null,
    form: { name: '', district: '', population: '', buildings: '' },
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    /** WeChat hands the query as properties too; a different one (a reused page) loads again. */
    onLoad(query: Record<string, string | undefined>) {
      const streetId = query.streetId ?? '';
      const communityId = query.communityId ?? '';
      if (streetId === this.data.streetId && communityId === this.data.communityId) return;
      this.setData({ streetId, communityId });
      this.load();
    },

    async load(quiet = false) {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '', forbidden: '' });
      const res = await admin.structure(this.data.streetId || undefined);
      if (!this.answered(fresh, res)) return;
      this.show(res.data);
    },

    show(view: StructureView) {
      const { communityId } = this.data;
      // A street_admin of one street starts at it.
      const street =
        view.streets.find((s) => s.streetId === this.data.streetId) ??
        (!view.isAdmin && view.streets.length === 1 ? view.streets[0] : null);
      const community = communityId ? (street?.communities.find((c) => c.communityId === communityId) ?? null) : null;
      const level: Level = community ? 'community' : street ? 'street' : 'city';
      const title = community ? `${street?.name} · ${community.name}` : street ? street.name : '全市街道';
      this.setData({ loading: false, level, isAdmin: view.isAdmin, streets: view.streets, street, community, title });
    },

    onStreetTap(e: DatasetEvent<{ id: string }>) {
      openPage(`/admin/structure/index?streetId=${e.currentTarget.dataset.id}`);
    },

    onCommunityTap(e: DatasetEvent<{ id: string }>) {
      openPage(`/admin/structure/index?streetId=${this.data.street?.streetId ?? ''}&communityId=${e.currentTarget.dataset.id}`);
    },

    onCompoundTap(e: DatasetEvent<{ id: string }>) {
      openPage(`/admin/compound/index?compoundId=${e.currentTarget.dataset.id}`);
    },

    onImport() {
      openPage('/admin/import/index');
    },

    /** Adds a street, community or compound at the level shown. */
    async onCreate() {
      const { level, form, street, community, saving } = this.data;
      if (saving) return;
      const name = form.name.trim();
      if (!name) {
        this.setData({ formError: '请填写名称' });
        return;
      }
      if (level === 'city' && !form.district.trim()) {
        this.setData({ formError: '请填写所属区' });
        return;
      }
      const population = form.population.trim();
      if (level === 'street' && population && !/^\d+$/.test(population)) {
        this.setData({ formError: '人口请填写整数' });
        return;
      }
      this.setData({ saving: true, formError: '' });
      const res =
        level === 'city'
          ? await admin.createStreet({ name, district: form.district.trim() })
          : level === 'street'
            ? await admin.createCommunity({
                streetId: street?.streetId ?? '',
                name,
                ...(population ? { population: Number(population) } : {}),
              })
            : await admin.createCompound({ communityId: community?.communityId ?? '', name, buildings: buildingsOf(form.buildings) });
      this.setData({ saving: false });
      if (!res.ok) {
        this.setData({ formError: failureText(res.error) });
        return;
      }
      wx.showToast({ title: '已新建', icon: 'success' });
      this.setData({ form: { name: '', district: '', population: '', buildings: '' } });
      await this.load(true);
    },
  },
});
