// 发布服务需求 (staff): a general or professional service the community asks reported party members
// for, in one of the categories the community's rules hold (outreach.needCategories — the page
// shows the server's list, never a copy), with how many people it needs.
import * as outreach from '../service';
import type { DetailEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { openPage } from '../../utils/navigate';
import { newToken } from '../labels';
import { staffGate } from '../staff';

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    forbidden: '',
    communityId: '',
    form: { kind: 'general' as outreach.NeedKind, category: '', title: '', text: '', slots: '1' },
    categoryLabel: '',
    categoryOptions: [] as Array<{ label: string; value: string }>,
    pickerVisible: false,
    errors: {} as Record<string, string>,
    formError: '',
    submitting: false,
    _categories: null as outreach.NeedCategories | null,
    _token: '',
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
      const gate = await staffGate('仅社区党组织和居委会工作人员可以发布服务需求');
      if (!gate.ok) {
        this.setData('forbidden' in gate ? { loading: false, forbidden: gate.forbidden } : { loading: false, error: gate.error });
        return;
      }
      const cats = await outreach.needCategories(gate.user.communityId);
      if (!cats.ok) {
        this.setData({ loading: false, error: cats.error.message });
        return;
      }
      this.setData({ loading: false, communityId: gate.user.communityId, _categories: cats.data });
      this.chooseKind('general');
    },

    chooseKind(kind: outreach.NeedKind) {
      const list = this.data._categories?.[kind] ?? [];
      this.setData({
        'form.kind': kind,
        'form.category': '',
        categoryLabel: '',
        categoryOptions: list.map((c) => ({ label: c.label, value: c.key })),
      });
    },

    onGeneral() {
      this.chooseKind('general');
    },

    onProfessional() {
      this.chooseKind('professional');
    },

    openPicker() {
      this.setData({ pickerVisible: true });
    },

    closePicker() {
      this.setData({ pickerVisible: false });
    },

    onCategoryConfirm(e: DetailEvent<{ value: string[] }>) {
      const key = e.detail.value[0];
      const label = this.data.categoryOptions.find((o) => o.value === key)?.label ?? '';
      this.setData({ pickerVisible: false, 'form.category': key, categoryLabel: label, 'errors.category': '' });
    },

    onInput(e: DetailEvent<{ value: string }, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: e.detail.value, [`errors.${field}`]: '' });
    },

    async onSubmit(): Promise<void> {
      if (this.data.submitting) return;
      const { form } = this.data;
      const errors: Record<string, string> = {};
      if (!form.category) errors.category = '请选择服务类别';
      if (!form.title.trim()) errors.title = '请填写需求名称';
      if (!form.text.trim()) errors.text = '请填写需求说明';
      const slots = Number(form.slots);
      if (!Number.isInteger(slots) || slots < 1) errors.slots = '请填写需要的人数（至少 1 人）';
      this.setData({ errors, formError: '' });
      if (Object.keys(errors).length) return;
      const token = this.data._token || newToken();
      this.setData({ submitting: true, _token: token });
      const res = await outreach.publishNeed({
        communityId: this.data.communityId,
        kind: form.kind,
        category: form.category,
        title: form.title.trim(),
        text: form.text.trim(),
        slots,
        clientToken: token,
      });
      this.setData({ submitting: false });
      if (!res.ok) {
        if (res.error.code !== 'INTERNAL') this.setData({ _token: '' });
        const issue = res.error.issues?.[0];
        if (issue && typeof issue.path[0] === 'string') this.setData({ [`errors.${issue.path[0]}`]: issue.message });
        else this.setData({ formError: res.error.message });
        return;
      }
      wx.showToast({ title: '已发布', icon: 'success' });
      this.setData({ _token: '' });
      openPage(`/outreach/need/index?needId=${res.data.needId}`);
    },

    onRetry() {
      this.init();
    },
  },
});
