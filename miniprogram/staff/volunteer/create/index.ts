// 发布志愿活动 (organisers): title, category, content, place, date and times, seats, when signup
// closes, waitlist and who may join; checked field by field, sent once however often it is retried.
import { pageBehavior } from '../../../behaviors/page';
import * as volunteer from '../../../services/volunteer';
import type { ActivityCategory, ActivityDetail } from '../../../services/volunteer';
import type { DetailEvent } from '../../../utils/events';
import { CATEGORY_LABELS, formatWindow, newClientToken } from '../../../pages/volunteer/format';
import {
  DEADLINE_OPTIONS,
  EMPTY_ACTIVITY_FORM,
  issuesToErrors,
  toCreateInput,
  validateActivity,
  type ActivityErrors,
  type ActivityField,
  type ActivityForm,
  type DeadlineChoice,
} from './form';
import { me } from '../../../services/session';

type Option = { label: string; value: string };

const CATEGORY_OPTIONS: Option[] = (Object.keys(CATEGORY_LABELS) as ActivityCategory[]).map((value) => ({
  value,
  label: CATEGORY_LABELS[value],
}));

Component({
  behaviors: [pageBehavior],

  options: { pureDataPattern: /^_/ },

  properties: {
    communityId: { type: String, value: '' },
  },

  data: {
    loading: true,
    error: '',
    form: { ...EMPTY_ACTIVITY_FORM } as ActivityForm,
    errors: {} as ActivityErrors,
    formError: '',
    submitting: false,
    created: null as ActivityDetail | null,
    createdWhen: '',
    picker: '' as '' | 'category' | 'deadline',
    categoryOptions: CATEGORY_OPTIONS,
    deadlineOptions: DEADLINE_OPTIONS as Option[],
    categoryLabel: '',
    deadlineLabel: DEADLINE_OPTIONS[0].label,
    /** One token per activity being published: a retried submit publishes it once. */
    _token: '',
    _communityId: '',
  },

  lifetimes: {
    attached() {
      this.setData({ _token: newClientToken() });
      this.init();
    },
  },

  methods: {
    async init(): Promise<void> {
      if (this.data.communityId) {
        this.setData({ loading: false, _communityId: this.data.communityId });
        return;
      }
      const who = await me();
      if (!who.ok || !who.data.user) {
        this.setData({ loading: false, error: who.ok ? '请先注册并登录' : who.error.message });
        return;
      }
      this.setData({ loading: false, _communityId: who.data.user.communityId });
    },

    onRetry() {
      this.setData({ loading: true, error: '' });
      this.init();
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
      this.setData({ picker: '', categoryLabel: CATEGORY_LABELS[value] ?? '' });
      this.setField('category', value);
    },

    onDeadlineConfirm(e: DetailEvent<{ value: string[] }>) {
      const value = e.detail.value[0] as DeadlineChoice;
      this.setData({ picker: '', deadlineLabel: DEADLINE_OPTIONS.find((o) => o.value === value)?.label ?? '' });
      this.setField('deadline', value);
    },

    async onSubmit(): Promise<void> {
      if (this.data.submitting) return;
      const errors = validateActivity(this.data.form, Date.now());
      this.setData({ errors, formError: '' });
      if (Object.keys(errors).length > 0) return;
      this.setData({ submitting: true });
      const res = await volunteer.createActivity(toCreateInput(this.data.form, this.data._communityId, this.data._token));
      this.setData({ submitting: false });
      if (res.ok) {
        this.setData({ created: res.data, createdWhen: formatWindow(res.data.startAt, res.data.endAt) });
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
      this.setData({ formError: res.error.message });
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
