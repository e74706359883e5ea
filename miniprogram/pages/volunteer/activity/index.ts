// 活动详情: time, place, organiser and seats; 报名 / 候补 / 取消报名 with the person's own status and
// waitlist position; a confirmation before cancelling (saying so when it would be late). Organisers
// get the roster and check-in page.
import { loadedPageBehavior } from '../../../behaviors/page';
import { askSubscribe, recordSubscription } from '../../../utils/subscribe';
import * as volunteer from '../../../services/volunteer';
import { openPage } from '../../../utils/navigate';
import { newClientToken } from '../format';
import { toView, type ActivityView } from './view';

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  properties: {
    activityId: { type: String, value: '' },
  },

  data: {
    view: null as ActivityView | null,
    busy: false,
    notice: '',
    noticeTheme: 'info' as 'info' | 'error',
    needsVolunteer: false,
    confirmVisible: false,
    /** The token of a signup tap whose answer never arrived: a retry reuses it, so it counts once. */
    _token: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.activityId && query.activityId !== this.data.activityId) {
        this.setData({ activityId: query.activityId });
        this.load();
      }
    },

    async load(): Promise<void> {
      if (!this.data.activityId) {
        this.setData({ loading: false, error: '未指定活动' });
        return;
      }
      if (!this.data.view) this.setData({ loading: true });
      this.setData({ error: '' });
      const res = await volunteer.getActivity(this.data.activityId);
      if (!res.ok) {
        this.setData({ loading: false, error: res.error.message });
        return;
      }
      this.setData({ loading: false, view: toView(res.data) });
      wx.setNavigationBarTitle?.({ title: res.data.title });
    },

    onRetry() {
      this.setData({ view: null });
      this.load();
    },

    async onSignup(): Promise<void> {
      if (this.data.busy) return;
      // Reminders, promotion from the waitlist, cancellation: asked at this tap (RULES.md §8).
      const asked = askSubscribe('signup');
      const token = this.data._token || newClientToken();
      this.setData({ busy: true, notice: '', needsVolunteer: false, _token: token });
      const res = await volunteer.signup(this.data.activityId, token);
      if (!res.ok) {
        // Only a lost answer keeps the token: the next tap may be the same signup arriving twice.
        if (res.error.code !== 'INTERNAL' && res.error.code !== 'UNAVAILABLE') this.setData({ _token: '' });
        this.setData({
          busy: false,
          notice: res.error.message,
          noticeTheme: 'error',
          needsVolunteer: res.error.reason === 'NOT_VOLUNTEER',
        });
        if (res.error.code === 'CONFLICT' || res.error.code === 'INVALID_STATE') await this.load();
        return;
      }
      recordSubscription(asked);
      const notice = res.data.status === 'confirmed' ? '报名成功，请准时参加' : `名额已满，已为您候补，当前第 ${res.data.position} 位`;
      this.setData({ busy: false, _token: '', notice, noticeTheme: 'info' });
      await this.load();
    },

    onCancelTap() {
      this.setData({ confirmVisible: true });
    },

    onCancelDismiss() {
      this.setData({ confirmVisible: false });
    },

    async onCancelConfirm(): Promise<void> {
      if (this.data.busy) return;
      this.setData({ confirmVisible: false, busy: true, notice: '' });
      const res = await volunteer.cancel(this.data.activityId);
      if (!res.ok) {
        this.setData({ busy: false, notice: res.error.message, noticeTheme: 'error' });
        await this.load();
        return;
      }
      this.setData({ busy: false, notice: res.data.lateCancel ? '已取消报名，本次记为迟退' : '已取消报名', noticeTheme: 'info' });
      await this.load();
    },

    onRegisterVolunteer() {
      openPage('/pages/volunteer/register/index');
    },

    onRoster() {
      openPage(`/staff/volunteer/roster/index?activityId=${this.data.activityId}`);
    },
  },
});
