// 志愿者登记 (from 我的): real name, phone, skills and party membership, checked field by field;
// someone already registered sees their volunteer number instead.
import { callerBehavior } from '../../../behaviors/page';
import { formBehavior } from '../../../behaviors/form';
import { profile as volunteerProfile, register as registerVolunteer } from '../../../services/volunteer';
import type { VolunteerProfile } from '../../../services/volunteer';
import type { DetailEvent } from '../../../utils/events';
import { openPage } from '../../../utils/navigate';
import { formatHours } from '../format';
import { toVolunteerInput, validateVolunteer, volunteerFieldOf, type VolunteerErrors, type VolunteerForm } from './form';

Component({
  behaviors: [callerBehavior, formBehavior],

  data: {
    /** 'form', 'unregistered' (no resident account yet) or 'done' (a volunteer already). */
    state: 'form' as 'form' | 'unregistered' | 'done',
    profile: null as VolunteerProfile | null,
    hoursText: '0',
    justRegistered: false,
    form: { realName: '', phone: '', skills: '', isPartyMember: false } as VolunteerForm,
    errors: {} as VolunteerErrors,
  },

  methods: {
    async load(): Promise<void> {
      const user = await this.caller();
      if (user === undefined) return;
      if (!user) {
        this.setData({ loading: false, state: 'unregistered' });
        return;
      }
      const mine = await volunteerProfile();
      if (!mine.ok) {
        this.loadFailed(mine.error);
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

    onPartyChange(e: DetailEvent<{ checked: boolean }>) {
      this.setData({ 'form.isPartyMember': e.detail.checked });
    },

    onYouthLeagueChange(e: DetailEvent<{ checked: boolean }>) {
      this.setData({ 'form.isYouthLeagueMember': e.detail.checked });
    },

    async onSubmit(): Promise<void> {
      const profile = await this.submitForm({
        errors: validateVolunteer(this.data.form),
        send: () => registerVolunteer(toVolunteerInput(this.data.form)),
        fieldOf: volunteerFieldOf,
        // Registered meanwhile (another phone): show the profile.
        failed: (error) => {
          if (error.reason !== 'ALREADY_VOLUNTEER') return false;
          this.load();
          return true;
        },
      });
      if (profile) this.showProfile(profile, true);
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
