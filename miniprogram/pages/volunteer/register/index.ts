// 志愿者登记 (from 我的): real name, phone, skills and party membership, checked field by field;
// someone already registered sees their volunteer number instead.
import { pageBehavior } from '../../../behaviors/page';
import * as volunteer from '../../../services/volunteer';
import type { VolunteerProfile } from '../../../services/volunteer';
import type { DetailEvent } from '../../../utils/events';
import { openPage } from '../../../utils/navigate';
import { formatHours } from '../format';
import { issuesToErrors, toVolunteerInput, validateVolunteer, type VolunteerErrors, type VolunteerField, type VolunteerForm } from './form';
import { me } from '../../../services/session';

Component({
  behaviors: [pageBehavior],

  data: {
    loading: true,
    error: '',
    /** 'form', 'unregistered' (no resident account yet) or 'done' (a volunteer already). */
    state: 'form' as 'form' | 'unregistered' | 'done',
    profile: null as VolunteerProfile | null,
    hoursText: '0',
    justRegistered: false,
    form: { realName: '', phone: '', skills: '', isPartyMember: false } as VolunteerForm,
    errors: {} as VolunteerErrors,
    formError: '',
    submitting: false,
  },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load(): Promise<void> {
      this.setData({ loading: true, error: '' });
      const who = await me();
      if (!who.ok) {
        this.setData({ loading: false, error: who.error.message });
        return;
      }
      const user = who.data.user;
      if (!user) {
        this.setData({ loading: false, state: 'unregistered' });
        return;
      }
      const mine = await volunteer.profile();
      if (!mine.ok) {
        this.setData({ loading: false, error: mine.error.message });
        return;
      }
      if (mine.data) {
        this.showProfile(mine.data, false);
        return;
      }
      // Filled from the resident account; the person may correct them.
      this.setData({
        loading: false,
        state: 'form',
        form: { realName: user.name, phone: user.phone, skills: '', isPartyMember: user.isPartyMember },
      });
    },

    showProfile(p: VolunteerProfile, justRegistered: boolean) {
      this.setData({ loading: false, state: 'done', profile: p, hoursText: formatHours(p.totalHours), justRegistered });
    },

    onRetry() {
      this.load();
    },

    onInput(e: DetailEvent<{ value: string }, { field: VolunteerField }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: e.detail.value });
      if (this.data.errors[field]) this.setData({ [`errors.${field}`]: '' });
    },

    onPartyChange(e: DetailEvent<{ checked: boolean }>) {
      this.setData({ 'form.isPartyMember': e.detail.checked });
    },

    onYouthLeagueChange(e: DetailEvent<{ checked: boolean }>) {
      this.setData({ 'form.isYouthLeagueMember': e.detail.checked });
    },

    async onSubmit(): Promise<void> {
      if (this.data.submitting) return;
      const errors = validateVolunteer(this.data.form);
      this.setData({ errors, formError: '' });
      if (Object.keys(errors).length > 0) return;
      this.setData({ submitting: true });
      const res = await volunteer.register(toVolunteerInput(this.data.form));
      this.setData({ submitting: false });
      if (res.ok) {
        this.showProfile(res.data, true);
        return;
      }
      if (res.error.code === 'INVALID_INPUT') {
        const { errors: serverErrors, other } = issuesToErrors(res.error.issues);
        this.setData({
          errors: serverErrors,
          formError: other.length ? other.join('；') : Object.keys(serverErrors).length ? '' : res.error.message,
        });
        return;
      }
      if (res.error.reason === 'ALREADY_VOLUNTEER') {
        await this.load();
        return;
      }
      this.setData({ formError: res.error.message });
    },

    onRegisterResident() {
      openPage('/pages/register/index');
    },

    onMyService() {
      openPage('/pages/volunteer/records/index');
    },

    onActivities() {
      openPage('/pages/activities/index');
    },
  },
});
