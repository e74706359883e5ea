// 居民注册: pick the community and compound, give name, phone and address, agree to the privacy
// guide, and send it for the community's review (account.register → status pending).
import { formBehavior } from '../../behaviors/form';
import { pageBehavior } from '../../behaviors/page';
import { askSubscribe, recordSubscription } from '../../utils/subscribe';
import type { CommunityListItem } from '../../../typings/api';
import * as account from '../../services/account';
import * as community from '../../services/community';
import { forgetMe } from '../../services/session';
import type { DetailEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { PENDING_MESSAGE } from '../mine/profile';
import {
  chooseCommunity,
  communityOptions,
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
  behaviors: [pageBehavior, formBehavior],

  data: {
    loading: true,
    loadError: '',
    communities: [] as CommunityListItem[],
    communityOptions: [] as Option[],
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
      this.loadCommunities();
    },
  },

  methods: {
    async loadCommunities(): Promise<void> {
      this.setData({ loading: true, loadError: '' });
      const res = await community.list();
      if (!res.ok) {
        this.setData({ loading: false, loadError: res.error.message });
        return;
      }
      this.setData({ loading: false, communities: res.data, communityOptions: communityOptions(res.data) });
      // One community only (a single-community install): choose it for the person.
      if (res.data.length === 1) this.applyForm(chooseCommunity(this.data.form, res.data, res.data[0].communityId));
    },

    onRetry() {
      this.loadCommunities();
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
      this.setData({ picker: 'community' });
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
        errors: validateRegistration(this.data.form),
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
