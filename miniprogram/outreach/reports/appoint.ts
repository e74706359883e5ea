// 任命楼栋职务 on the reports page (issue #15 §1): the community party organisation names a confirmed
// member building party-group leader (楼栋党小组长) or building head (楼栋长) of a building in one
// of the community's compounds (outreach.appointBuildingRole). One holder per building and post: the
// server replaces the previous one, and the page moves the post to the member it answers for.
// A post is taken away with 卸任 on its tag (outreach.vacateBuildingRole), asked first, then the list
// is read again.
import * as community from '../../services/community';
import { confirm } from '../../utils/confirm';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import * as outreach from '../service';

/** A post as a row shows it, with the key that names it (`<compoundId>:<building>:<role>`, as the server's id). */
export interface PostTag {
  key: string;
  text: string;
  compoundId: string;
  building: string;
  role: outreach.BuildingRole;
}

export const postKey = (p: { compoundId: string; building: string; role: outreach.BuildingRole }): string =>
  `${p.compoundId}:${p.building}:${p.role}`;

export const postTag = (p: { compoundId: string; building: string; role: outreach.BuildingRole; roleLabel: string }): PostTag => ({
  key: postKey(p),
  text: `${p.building}${p.roleLabel}`,
  compoundId: p.compoundId,
  building: p.building,
  role: p.role,
});

/** The posts of the appoint sheet, as the server's list of reports names them. */
export const roleChoices = (page: outreach.ReportPage): Array<{ value: outreach.BuildingRole; label: string }> =>
  page.buildingRoles.map((r) => ({ value: r.role, label: r.label }));

/** What this behaviour reads of the page's rows (index.ts `Row`). */
interface MemberRow {
  reportId: string;
  userId: string;
  name: string;
  posts: PostTag[];
}

const rowsOf = (data: unknown): MemberRow[] => (data as { list: { items: MemberRow[] } }).list.items;

interface Appointee {
  userId: string;
  name: string;
  /** 现任：3栋楼栋党小组长、… or 现无楼栋职务 */
  current: string;
}

const EMPTY_FORM = { compoundId: '', building: '', role: '' as outreach.BuildingRole | '' };

export const appointBehavior = Behavior({
  data: {
    appointVisible: false,
    appointee: null as Appointee | null,
    compounds: [] as Array<{ compoundId: string; name: string }>,
    /** The posts to pick from: set with the first page of reports (reports/index.ts). */
    roles: [] as Array<{ value: outreach.BuildingRole; label: string }>,
    appointForm: { ...EMPTY_FORM },
    appointError: '',
    appointing: false,
    /** The key of the post being vacated. */
    vacating: '',
  },

  methods: {
    /** Opens the sheet for a confirmed member's row; the community's compounds are asked for once. */
    async onAppointOpen(e: DatasetEvent<{ id: string }>): Promise<void> {
      const items = rowsOf(this.data);
      const row = items.find((r) => r.reportId === e.currentTarget.dataset.id);
      if (!row) return;
      this.setData({
        appointVisible: true,
        appointee: {
          userId: row.userId,
          name: row.name,
          current: row.posts.length ? `现任：${row.posts.map((p) => p.text).join('、')}` : '现无楼栋职务',
        },
        appointForm: { ...EMPTY_FORM },
        appointError: '',
      });
      if (this.data.compounds.length) return;
      const communityId = (this.data as unknown as { communityId: string }).communityId;
      const res = await community.list();
      if (!res.ok) {
        this.setData({ appointError: `小区列表未能加载：${res.error.message}` });
        return;
      }
      const compounds = res.data.find((c) => c.communityId === communityId)?.compounds ?? [];
      this.setData({
        compounds: compounds.map((c) => ({ compoundId: c.compoundId, name: c.name })),
        appointError: compounds.length ? '' : '本社区还没有小区，请先由街道或平台管理员建立',
      });
    },

    onAppointClose() {
      if (!this.data.appointing) this.setData({ appointVisible: false });
    },

    onAppointCompound(e: DatasetEvent<{ id: string }>) {
      this.setData({ 'appointForm.compoundId': e.currentTarget.dataset.id, appointError: '' });
    },

    onAppointRole(e: DatasetEvent<{ role: outreach.BuildingRole }>) {
      this.setData({ 'appointForm.role': e.currentTarget.dataset.role, appointError: '' });
    },

    onAppointBuilding(e: DetailEvent<{ value: string }>) {
      this.setData({ 'appointForm.building': e.detail.value, appointError: '' });
    },

    async onAppointSubmit(): Promise<void> {
      const { appointee, appointForm: form, appointing } = this.data;
      if (appointing || !appointee) return;
      const building = form.building.trim();
      const missing = !form.compoundId ? '请选择小区' : !building ? '请填写楼栋，如 3栋' : !form.role ? '请选择职务' : '';
      if (missing) {
        this.setData({ appointError: missing });
        return;
      }
      this.setData({ appointing: true, appointError: '' });
      const res = await outreach.appointBuildingRole({
        userId: appointee.userId,
        compoundId: form.compoundId,
        building,
        role: form.role as outreach.BuildingRole,
      });
      this.setData({ appointing: false });
      if (!res.ok) {
        this.setData({ appointError: res.error.message });
        return;
      }
      wx.showToast({ title: '已任命', icon: 'success' });
      // The post is the member's now, and no longer whoever held it before.
      const tag = postTag(res.data);
      const items = rowsOf(this.data);
      this.setData({
        appointVisible: false,
        'list.items': items.map((r) => {
          const others = r.posts.filter((p) => p.key !== tag.key);
          return { ...r, posts: r.userId === res.data.userId ? [...others, tag] : others };
        }),
      });
    },

    /** 卸任: asks, vacates the post the row shows (for the holder it shows), then reads the list again. */
    async onVacate(e: DatasetEvent<{ id: string; key: string }>): Promise<void> {
      if (this.data.vacating) return;
      const { id, key } = e.currentTarget.dataset;
      const items = rowsOf(this.data);
      const index = items.findIndex((r) => r.reportId === id);
      const post = items[index]?.posts.find((p) => p.key === key);
      if (!post) return;
      const row = items[index];
      const yes = await confirm({
        title: '卸任楼栋职务',
        content: `确定让${row.name}卸任${post.text}？卸任后该职务空缺，可再任命他人。`,
        confirmText: '卸任',
      });
      if (!yes) return;
      this.setData({ vacating: key });
      const res = await outreach.vacateBuildingRole({
        compoundId: post.compoundId,
        building: post.building,
        role: post.role,
        userId: row.userId,
      });
      this.setData({ vacating: '' });
      const reload = (this as unknown as { loadFirst(quiet: boolean): Promise<void> }).loadFirst;
      if (!res.ok && res.error.reason !== 'STALE') {
        this.setData({ [`list.items[${index}].error`]: res.error.message });
        return;
      }
      // Someone else changed the post meanwhile, or it was empty already: the list as it is now says so.
      const title = !res.ok ? res.error.message : res.data.vacated ? '已卸任' : '该职务已空缺';
      wx.showToast({ title, icon: res.ok && res.data.vacated ? 'success' : 'none' });
      await reload.call(this, true);
    },
  },
});
