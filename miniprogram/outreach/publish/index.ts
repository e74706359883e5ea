// 发布服务需求 (staff): a general or professional service the community asks reported party members
// for, in one of the categories the community's rules hold (outreach.needCategories — the page
// shows the server's list, never a copy), with how many people it needs.
import { callerBehavior } from '../../behaviors/page';
import { staffOnly } from '../gate';
import { formBehavior } from '../../behaviors/form';
import * as outreach from '../service';
import type { FormOptions } from '../../../typings/api';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { formOptions } from '../../utils/form-options';
import { openPage } from '../../utils/navigate';
import { newToken } from '../labels';
import { pickerBehavior } from '../picker';

const FIELDS = ['category', 'title', 'text', 'slots'] as const;

Component({
  behaviors: [callerBehavior, formBehavior, pickerBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    form: { kind: 'general' as outreach.NeedKind, category: '', title: '', text: '', slots: '1' },
    /** 一般服务 / 专业服务, as the server names them (whoami's options). */
    kindOptions: [] as FormOptions['needKinds'],
    categoryLabel: '',
    categoryOptions: [] as Array<{ label: string; value: string }>,
    _categories: null as outreach.NeedCategories | null,
    _token: '',
  },

  methods: {
    async init(): Promise<void> {
      const user = await this.caller(staffOnly('仅社区党组织和居委会工作人员可以发布服务需求'));
      if (!user) return;
      const cats = await outreach.needCategories(user.communityId);
      if (!cats.ok) {
        this.loadFailed(cats.error);
        return;
      }
      this.setData({ loading: false, _categories: cats.data, kindOptions: (await formOptions()).needKinds });
      this.chooseKind('general');
    },

    load() {
      return this.init();
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

    onKind(e: DatasetEvent<{ kind: outreach.NeedKind }>) {
      this.chooseKind(e.currentTarget.dataset.kind);
    },

    onCategoryConfirm(e: DetailEvent<{ value: string[] }>) {
      const key = e.detail.value[0];
      const label = this.data.categoryOptions.find((o) => o.value === key)?.label ?? '';
      this.setData({ pickerVisible: false, 'form.category': key, categoryLabel: label, 'errors.category': '' });
    },

    async onSubmit(): Promise<void> {
      const { form } = this.data;
      const errors: Record<string, string> = {};
      if (!form.category) errors.category = '请选择服务类别';
      if (!form.title.trim()) errors.title = '请填写需求名称';
      if (!form.text.trim()) errors.text = '请填写需求说明';
      const slots = Number(form.slots);
      if (!Number.isInteger(slots) || slots < 1) errors.slots = '请填写需要的人数（至少 1 人）';
      const token = this.data._token || newToken();
      this.setData({ _token: token });
      const input = {
        communityId: this.data.communityId,
        kind: form.kind,
        category: form.category,
        title: form.title.trim(),
        text: form.text.trim(),
      };
      const need = await this.submitForm({
        errors,
        toast: '已发布',
        fieldOf: (path) => FIELDS.find((f) => f === path),
        send: async () => {
          const res = await outreach.publishNeed({ ...input, slots, clientToken: token });
          // Only a lost answer keeps the token: a retry is then the same need.
          if (!res.ok && res.error.code !== 'INTERNAL') this.setData({ _token: '' });
          return res;
        },
      });
      if (!need) return;
      this.setData({ _token: '' });
      openPage(`/outreach/need/index?needId=${need.needId}`);
    },
  },
});
