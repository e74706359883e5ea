// 居民注册: pick the street, then the community and compound (the street step: never the whole
// city's list), give name, phone and address, agree to the privacy guide, and send it for the
// community's review (account.register → status pending). `load` reads the streets (重试 runs it
// again); `setCommunity` is the street step's: '' for another street, or its only community.
import { formBehavior } from '../../behaviors/form';
import { pageBehavior } from '../../behaviors/page';
import { streetStepBehavior } from '../../behaviors/street-step';
import { askSubscribe, recordSubscription } from '../../utils/subscribe';
import * as account from '../../services/account';
import { forgetMe } from '../../services/session';
import type { DetailEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { PENDING_MESSAGE } from '../mine/profile';
import {
  chooseCommunity,
  compoundOptions,
  compoundsOf,
  EMPTY_FORM,
  MAX_LENGTH,
  registrationFieldOf,
  toRegisterInput,
  validateRegistration,
  type RegistrationForm,
} from './form';

type Option = { label: string; value: string };

Component({
  behaviors: [pageBehavior, formBehavior, streetStepBehavior],

  data: {
    loading: true,
    loadError: '',
    compoundOptions: [] as Option[],
    communityName: '',
    compoundName: '',
    form: { ...EMPTY_FORM } as RegistrationForm,
    submitted: false,
    picker: '' as '' | 'community' | 'compound',
    maxLength: MAX_LENGTH,
    pendingMessage: PENDING_MESSAGE,
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load(): Promise<void> {
      this.setData({ loading: true, loadError: '' });
      const failed = await this.loadStreets();
      this.setData({ loading: false, loadError: failed?.message ?? '' });
    },

    setCommunity(communityId: string) {
      this.applyForm(chooseCommunity(this.data.form, this.data.communities, communityId));
    },

    /** Sets the form and what is derived from it (picker options, chosen names). */
    applyForm(form: RegistrationForm) {
      const chosen = this.data.communities.find((c) => c.communityId === form.communityId);
      const compound = compoundsOf(this.data.communities, form.communityId).find((k) => k.compoundId === form.compoundId);
      this.setData({
        form,
        compoundOptions: compoundOptions(this.data.communities, form.communityId),
        communityName: chosen?.name ?? '',
        compoundName: compound?.name ?? '',
      });
    },

    onPartyChange(e: DetailEvent<{ checked: boolean }>) {
      this.setData({ 'form.isPartyMember': e.detail.checked });
    },

    onAgreeChange(e: DetailEvent<{ checked: boolean }>) {
      this.setData({ 'form.agreed': e.detail.checked });
      this.clearError('agreed');
    },

    openPrivacy() {
      wx.openPrivacyContract({});
    },

    openCommunityPicker() {
      const { streetId, streetLoading, communities } = this.data;
      if (streetLoading) return;
      if (!streetId) this.setData({ 'errors.communityId': '请先选择所在街道' });
      else if (!communities.length) this.setData({ 'errors.communityId': '该街道暂无可选的社区，请选择其他街道' });
      else this.setData({ picker: 'community' });
    },

    openCompoundPicker() {
      if (!this.data.form.communityId) {
        this.setData({ 'errors.compoundId': '请先选择所在社区' });
        return;
      }
      this.setData({ picker: 'compound' });
    },

    closePicker() {
      this.setData({ picker: '' });
    },

    onCommunityConfirm(e: DetailEvent<{ value: string[] }>) {
      this.setData({ picker: '' });
      this.applyForm(chooseCommunity(this.data.form, this.data.communities, e.detail.value[0]));
      this.clearError('communityId');
    },

    onCompoundConfirm(e: DetailEvent<{ value: string[] }>) {
      this.setData({ picker: '' });
      this.applyForm({ ...this.data.form, compoundId: e.detail.value[0] });
      this.clearError('compoundId');
    },

    async onSubmit(): Promise<void> {
      // The approval message: asked at this tap (RULES.md §8).
      let asked: ReturnType<typeof askSubscribe> | undefined;
      const sent = await this.submitForm({
        errors: { ...(this.data.streetId ? {} : { streetId: '请选择所在街道' }), ...validateRegistration(this.data.form) },
        ready: () => {
          asked = askSubscribe('register');
          return true;
        },
        send: () => account.register(toRegisterInput(this.data.form)),
        fieldOf: registrationFieldOf,
      });
      if (!sent) return;
      // Registered (pending review): every page asks who the caller is afresh.
      forgetMe();
      if (asked) recordSubscription(asked);
      this.setData({ submitted: true });
    },

    onDone() {
      openPage('/pages/mine/index');
    },
  },
});
