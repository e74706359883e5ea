// 发布志愿活动 (organisers, and a team's leader for the team, opened from 我的团队 with the team
// chosen): title, category, content, place, date and times, seats, when signup closes, waitlist and
// who may join; checked field by field, sent once however often it is retried. The tap that
// publishes asks to subscribe to 未签退 reminders (RULES.md §8).
import { clientTokenBehavior } from '../../../behaviors/client-token';
import { formBehavior } from '../../../behaviors/form';
import { callerBehavior } from '../../../behaviors/page';
import * as volunteer from '../../../services/volunteer';
import { askSubscribe, recordSubscription } from '../../../utils/subscribe';
import type { ActivityCategory, ActivityDetail } from '../../../services/volunteer';
import type { DetailEvent } from '../../../utils/events';
import { formatWindow, newClientToken } from '../../../pages/volunteer/format';
import { formOptions } from '../../../utils/form-options';
import {
  activityFieldOf,
  DEADLINE_OPTIONS,
  EMPTY_ACTIVITY_FORM,
  toCreateInput,
  validateActivity,
  type ActivityErrors,
  type ActivityField,
  type ActivityForm,
  type DeadlineChoice,
} from './form';

type Option = { label: string; value: string };

/** A query value decoded once; as given when it was not encoded. */
function decoded(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

Component({
  behaviors: [callerBehavior, formBehavior, clientTokenBehavior(newClientToken)],

  options: { pureDataPattern: /^_/ },

  properties: {
    communityId: { type: String, value: '' },
    /** Published for this team (a team's leader, from 我的团队); its name is shown. */
    teamId: { type: String, value: '' },
    teamName: { type: String, value: '' },
  },

  data: {
    form: { ...EMPTY_ACTIVITY_FORM } as ActivityForm,
    errors: {} as ActivityErrors,
    created: null as ActivityDetail | null,
    createdWhen: '',
    picker: '' as '' | 'category' | 'deadline',
    /** The server's categories (whoami's options): empty until they came. */
    categoryOptions: [] as Option[],
    deadlineOptions: DEADLINE_OPTIONS as Option[],
    categoryLabel: '',
    deadlineLabel: DEADLINE_OPTIONS[0].label,
    /** The team's name as shown ('' for the community's own activity). */
    teamLabel: '',
  },

  methods: {
    /** The community: the one the page was opened for, else the caller's. */
    async init(): Promise<void> {
      // The team's name comes URL-encoded in the page's query (我的团队 encodes it).
      if (this.data.teamName) this.setData({ teamLabel: decoded(this.data.teamName) });
      if (this.data.communityId) this.setData({ loading: false, ready: true });
      else if (!(await this.caller((user) => (user ? '' : '请先注册并登录')))) return;
      else this.setData({ loading: false });
      this.setData({ categoryOptions: (await formOptions()).activityCategories });
    },

    setField(field: ActivityField, value: unknown) {
      this.setData({ [`form.${field}`]: value });
      if (this.data.errors[field]) this.setData({ [`errors.${field}`]: '' });
    },

    onInput(e: DetailEvent<{ value: string }, { field: ActivityField }>) {
      this.setField(e.currentTarget.dataset.field, e.detail.value);
    },

    /** Native date and time pickers. */
    onPickerChange(e: DetailEvent<{ value: string }, { field: 'date' | 'startTime' | 'endTime' }>) {
      this.setField(e.currentTarget.dataset.field, e.detail.value);
    },

    onSwitch(e: DetailEvent<{ value: boolean }, { field: 'waitlist' | 'openToAll' }>) {
      this.setField(e.currentTarget.dataset.field, e.detail.value);
    },

    openCategoryPicker() {
      this.setData({ picker: 'category' });
    },

    openDeadlinePicker() {
      this.setData({ picker: 'deadline' });
    },

    closePicker() {
      this.setData({ picker: '' });
    },

    onCategoryConfirm(e: DetailEvent<{ value: string[] }>) {
      const value = e.detail.value[0] as ActivityCategory;
      this.setData({ picker: '', categoryLabel: this.data.categoryOptions.find((o) => o.value === value)?.label ?? '' });
      this.setField('category', value);
    },

    onDeadlineConfirm(e: DetailEvent<{ value: string[] }>) {
      const value = e.detail.value[0] as DeadlineChoice;
      this.setData({ picker: '', deadlineLabel: DEADLINE_OPTIONS.find((o) => o.value === value)?.label ?? '' });
      this.setField('deadline', value);
    },

    async onSubmit(): Promise<void> {
      const errors = validateActivity(this.data.form, Date.now());
      // 未签退 reminders: asked at this tap, before anything awaits, once the form is complete (RULES.md §8).
      const asked = Object.keys(errors).length ? Promise.resolve([]) : askSubscribe('publishActivity');
      const { form, communityId, _token, teamId } = this.data;
      const created = await this.submitForm({
        errors,
        send: () => volunteer.createActivity(toCreateInput(form, communityId, _token, teamId)),
        fieldOf: activityFieldOf,
      });
      if (!created) return;
      this.setData({ created, createdWhen: formatWindow(created.startAt, created.endAt) });
      await recordSubscription(asked);
    },

    onView() {
      const created = this.data.created;
      if (created) wx.redirectTo({ url: `/pages/volunteer/activity/index?activityId=${created.activityId}` });
    },

    onAnother() {
      this.setData({
        created: null,
        form: { ...EMPTY_ACTIVITY_FORM },
        errors: {},
        categoryLabel: '',
        deadlineLabel: DEADLINE_OPTIONS[0].label,
        _token: newClientToken(),
      });
    },
  },
});
