// 物业服务企业 (admin subpackage): the registered firms, 20 at a time by name and found by the start of
// their name (admin.firms), and, for the admin, a form to register one (admin.registerFirm: the
// 统一社会信用代码 is checked by the server, GB 32100).
// A firm is assigned to a compound from the compound's page (街道、社区与小区 → 小区).
import type { FirmRow } from '../../../typings/admin';
import { adminPageBehavior } from '../behavior';
import * as admin from '../service';
import type { DetailEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { failureText } from '../shared';

const EMPTY_FORM = { name: '', creditCode: '', hasPartyOrg: false, contactPhone: '' };

Component({
  behaviors: [adminPageBehavior],

  data: {
    isAdmin: false,
    firms: [] as FirmRow[],
    /** The start of a name typed in 查找 ('' for all). */
    q: '',
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    form: { ...EMPTY_FORM },
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load(quiet = false) {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '', forbidden: '' });
      const q = this.data.q.trim();
      const [user, res] = await Promise.all([this.callerFor(fresh), admin.firms(q ? { q } : {})]);
      if (user === undefined || !this.answered(fresh, res)) return;
      const isAdmin = user?.status === 'active' && user.roles.includes('admin');
      this.setData({ loading: false, isAdmin, firms: res.data.items, nextCursor: res.data.nextCursor, moreError: '' });
    },

    /** 查找: the firms whose name starts with what is typed (all when cleared). */
    onSearch(e: DetailEvent<{ value: string }>) {
      this.setData({ q: e.detail.value });
      this.load(true);
    },

    /** The next 20 firms (加载更多). */
    async onMore() {
      const { nextCursor, loadingMore, q } = this.data;
      if (!nextCursor || loadingMore) return;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await admin.firms({ ...(q.trim() ? { q: q.trim() } : {}), cursor: nextCursor });
      if (!res.ok) {
        this.setData({ loadingMore: false, moreError: res.error.message });
        return;
      }
      this.setData({ loadingMore: false, firms: [...this.data.firms, ...res.data.items], nextCursor: res.data.nextCursor });
    },

    onPartyOrg(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.hasPartyOrg': e.detail.value });
    },

    onStructure() {
      openPage('/admin/structure/index');
    },

    async onRegister() {
      const { form, saving } = this.data;
      if (saving) return;
      if (!form.name.trim() || !form.creditCode.trim()) {
        this.setData({ formError: '请填写企业名称和统一社会信用代码' });
        return;
      }
      this.setData({ saving: true, formError: '' });
      const phone = form.contactPhone.trim();
      const res = await admin.registerFirm({
        name: form.name.trim(),
        creditCode: form.creditCode.trim(),
        hasPartyOrg: form.hasPartyOrg,
        ...(phone ? { contactPhone: phone } : {}),
      });
      this.setData({ saving: false });
      if (!res.ok) {
        this.setData({ formError: failureText(res.error) });
        return;
      }
      wx.showToast({ title: '已登记', icon: 'success' });
      this.setData({ form: { ...EMPTY_FORM } });
      await this.load(true);
    },
  },
});
