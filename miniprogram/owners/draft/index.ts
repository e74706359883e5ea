// 发起表决 (业委会 / 居委会): the matter, title, text, voting dates and, for an election, the
// candidates and seats. Saved as a draft; it is announced from its page (at least the community's
// notice period before voting opens — the server says so when a date is too early).
import { pageBehavior } from '../../behaviors/page';
import * as owners from '../service';
import type { DetailEvent } from '../../utils/events';
import { checkDraft, EMPTY_FORM, MATTER_OPTIONS, type DraftForm } from './form';

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
    matterOptions: MATTER_OPTIONS,
    pickerVisible: false,
    errors: {} as Partial<Record<keyof DraftForm, string>>,
    formError: '',
    submitting: false,
  },

  lifetimes: {
    attached() {
      const preset = MATTER_OPTIONS.find((o) => o.value === this.properties.matter);
      const form: DraftForm = { ...EMPTY_FORM, matter: preset?.value ?? '' };
      // 提议更换物业服务企业 arrives with matter=manager: a title to start from.
      if (preset?.value === 'manager') form.title = '解聘现物业服务企业并选聘新的物业服务企业';
      this.setData({ form, matterLabel: preset?.label ?? '' });
    },
  },

  methods: {
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
      const option = MATTER_OPTIONS.find((o) => o.value === e.detail.value[0]);
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
