// 发起表决 (业委会 / 居委会): the matter, title, text, voting dates and, for an election, the
// candidates and seats. Saved as a draft; it is announced from its page (at least the community's
// notice period before voting opens — the server says so when a date is too early).
import { pageBehavior } from '../../behaviors/page';
import * as owners from '../service';
import type { DetailEvent } from '../../utils/events';
import { checkDraft, EMPTY_FORM, type DraftForm } from './form';
import type { FormOptions } from '../../../typings/api';
import { formOptions } from '../../utils/form-options';

type TextField = Exclude<keyof DraftForm, 'matter'>;

Component({
  behaviors: [pageBehavior],

  properties: {
    compoundId: { type: String, value: '' },
    matter: { type: String, value: '' },
    requestId: { type: String, value: '' },
  },

  data: {
    form: { ...EMPTY_FORM } as DraftForm,
    matterLabel: '',
    /** The matters as the server names them (whoami's options): empty until they came. */
    matterOptions: [] as FormOptions['matters'],
    pickerVisible: false,
    errors: {} as Partial<Record<keyof DraftForm, string>>,
    formError: '',
    submitting: false,
  },

  lifetimes: {
    attached() {
      // 提议更换物业服务企业 arrives with matter=manager: a title to start from.
      if (this.properties.matter === 'manager') this.setData({ 'form.title': '解聘现物业服务企业并选聘新的物业服务企业' });
      this.loadMatters();
    },
  },

  methods: {
    /** The picker's matters, and the one the page was opened with (unless one was chosen meanwhile). */
    async loadMatters(): Promise<void> {
      const matterOptions = (await formOptions()).matters;
      const preset = this.data.form.matter ? undefined : matterOptions.find((o) => o.value === this.properties.matter);
      this.setData({ matterOptions, ...(preset ? { 'form.matter': preset.value, matterLabel: preset.label } : {}) });
    },

    onInput(e: DetailEvent<{ value: string }, { field: TextField }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: e.detail.value, [`errors.${field}`]: '', formError: '' });
    },

    openPicker() {
      this.setData({ pickerVisible: true });
    },

    closePicker() {
      this.setData({ pickerVisible: false });
    },

    onMatterConfirm(e: DetailEvent<{ value: string[] }>) {
      const option = this.data.matterOptions.find((o) => o.value === e.detail.value[0]);
      this.setData({ pickerVisible: false, 'form.matter': option?.value ?? '', matterLabel: option?.label ?? '', 'errors.matter': '' });
    },

    async onSubmit(): Promise<void> {
      if (this.data.submitting) return;
      const { errors, input } = checkDraft(this.data.form, this.properties.compoundId);
      this.setData({ errors, formError: '' });
      if (!input) return;
      if (this.properties.requestId) input.requestId = this.properties.requestId;
      this.setData({ submitting: true });
      const r = await owners.draft(input);
      this.setData({ submitting: false });
      if (!r.ok) {
        this.setData({ formError: r.error.message });
        return;
      }
      wx.showToast({ title: '已保存草稿', icon: 'success' });
      wx.redirectTo({ url: `/owners/motion/index?motionId=${r.data.motionId}` });
    },
  },
});
