// 报名名单与签到 (organisers: the community's staff, and a team's leader for its activities; the
// card names the team): the activity's signups in arrival order, filtered by status, with
// check-in and check-out per volunteer, a corrected time with its reason, and cancelling the
// activity with a reason. Phones are masked; paging, pull to refresh.
import { pagingBehavior } from '../../../behaviors/paging';
import * as volunteer from '../../../services/volunteer';
import type { ActivityDetail, RosterEntry, SignupStatus } from '../../../services/volunteer';
import { chinaDateOf, chinaIso } from '../../../utils/china-time';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { formatTime, formatWindow, phaseTag, seatsText } from '../../../pages/volunteer/format';
import { STATUS_TABS, toRow, type RosterRow } from './view';

const PAGE_SIZE = 50;

type Row = RosterRow & { entry: RosterEntry };
/** A page of the roster, with the activity on the first page. */
type RosterAnswer = volunteer.RosterPage & { activity?: ActivityDetail };
interface Query {
  activityId: string;
  status: SignupStatus | '';
}

const paging = pagingBehavior<RosterEntry, Row, RosterAnswer, Query>({
  async fetch(data, cursor) {
    const options: { status?: SignupStatus; cursor?: string; limit: number } = { limit: PAGE_SIZE };
    if (data.status) options.status = data.status;
    if (cursor) return volunteer.roster(data.activityId, { ...options, cursor });
    const [a, r] = await Promise.all([volunteer.getActivity(data.activityId), volunteer.roster(data.activityId, options)]);
    if (!a.ok) return a;
    if (!r.ok) return r;
    return { ok: true, data: { ...r.data, activity: a.data } };
  },
  row: (e) => ({ ...toRow(e), entry: e }),
  key: (r) => r.userId,
  withFirst(answer) {
    const a = answer.activity;
    if (!a) return {};
    return {
      _activity: a,
      // Before check-in opens: when it opens, instead of buttons (the time is the server's).
      opensText: answer.attendanceOpen || a.status === 'cancelled' ? '' : `${formatTime(answer.checkInOpensAt)} 起开放签到`,
      title: a.title,
      when: formatWindow(a.startAt, a.endAt),
      seats: seatsText(a),
      tag: phaseTag(a),
      cancelled: a.status === 'cancelled',
      // A team's activity: its leader organises it with the community's staff.
      team: answer.teamName ? `${answer.teamName} 发布` : '',
    };
  },
});

Component({
  options: { pureDataPattern: /^_/ },

  behaviors: [paging],

  properties: {
    activityId: { type: String, value: '' },
  },

  data: {
    title: '',
    when: '',
    seats: '',
    /** The team the activity is published for, if any. */
    team: '',
    tag: { text: '', theme: 'default' },
    cancelled: false,
    /** Before the check-in window opens: when it opens, instead of buttons. */
    opensText: '',
    tabs: STATUS_TABS,
    status: '' as SignupStatus | '',
    notice: '',
    noticeTheme: 'info' as 'info' | 'error',
    busyUser: '',
    correction: { visible: false, userId: '', name: '', kind: 'checkIn' as 'checkIn' | 'checkOut', time: '', reason: '', error: '' },
    cancelDialog: { visible: false, reason: '', error: '' },
    _activity: null as ActivityDetail | null,
  },

  lifetimes: {
    attached() {
      this.start();
    },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.activityId && query.activityId !== this.data.activityId) {
        this.setData({ activityId: query.activityId });
        this.start();
      }
    },

    start() {
      if (this.data.activityId) this.loadFirst();
      else this.setData({ loading: false, error: '未指定活动' });
    },

    onTabChange(e: DetailEvent<{ value: SignupStatus | '' }>) {
      this.refilter({ status: e.detail.value });
    },

    /** Replaces one row after a check-in or check-out. */
    replaceEntry(entry: RosterEntry) {
      const index = this.data.list.items.findIndex((r) => r.userId === entry.userId);
      if (index >= 0) this.setData({ [`list.items[${index}]`]: { ...toRow(entry), entry } });
    },

    async attend(kind: 'checkIn' | 'checkOut', userId: string, at?: string, reason?: string): Promise<boolean> {
      this.setData({ busyUser: userId, notice: '' });
      const input: volunteer.AttendanceInput = { activityId: this.data.activityId, userId };
      if (at) {
        input.at = at;
        input.reason = reason;
      }
      const res = kind === 'checkIn' ? await volunteer.checkIn(input) : await volunteer.checkOut(input);
      this.setData({ busyUser: '' });
      if (!res.ok) {
        this.setData({ notice: res.error.message, noticeTheme: 'error' });
        if (res.error.code === 'CONFLICT') await this.loadFirst(true);
        return false;
      }
      this.replaceEntry(res.data);
      const name = res.data.realName;
      const done =
        kind === 'checkIn'
          ? `${name} 已签到`
          : res.data.attendance === 'attended'
            ? `${name} 已签退，计 ${res.data.hours} 小时`
            : `${name} 已签退，服务时长不足活动时长的 ${Math.round((this.data._activity?.attendanceMinRatio ?? 0) * 100)}%，不计时长`;
      this.setData({ notice: done, noticeTheme: 'info' });
      return true;
    },

    onCheckIn(e: DatasetEvent<{ user: string }>) {
      if (!this.data.busyUser) this.attend('checkIn', e.currentTarget.dataset.user);
    },

    onCheckOut(e: DatasetEvent<{ user: string }>) {
      if (!this.data.busyUser) this.attend('checkOut', e.currentTarget.dataset.user);
    },

    onCorrect(e: DatasetEvent<{ user: string }>) {
      const entry = this.data.list.items.find((r) => r.userId === e.currentTarget.dataset.user)?.entry;
      if (!entry) return;
      const kind = entry.checkInAt && !entry.checkOutAt ? 'checkOut' : 'checkIn';
      this.setData({ correction: { visible: true, userId: entry.userId, name: entry.realName, kind, time: '', reason: '', error: '' } });
    },

    onCorrectionKind(e: DetailEvent<{ value: 'checkIn' | 'checkOut' }>) {
      this.setData({ 'correction.kind': e.detail.value });
    },

    onCorrectionTime(e: DetailEvent<{ value: string }>) {
      this.setData({ 'correction.time': e.detail.value, 'correction.error': '' });
    },

    onCorrectionReason(e: DetailEvent<{ value: string }>) {
      this.setData({ 'correction.reason': e.detail.value, 'correction.error': '' });
    },

    onCorrectionCancel() {
      this.setData({ 'correction.visible': false });
    },

    async onCorrectionConfirm(): Promise<void> {
      const c = this.data.correction;
      const a = this.data._activity;
      if (!a) return;
      if (!c.time) {
        this.setData({ 'correction.error': '请选择实际时间' });
        return;
      }
      if (!c.reason.trim()) {
        this.setData({ 'correction.error': '请填写更正原因' });
        return;
      }
      const at = chinaIso(chinaDateOf(a.startAt), c.time);
      this.setData({ 'correction.visible': false });
      await this.attend(c.kind, c.userId, at, c.reason.trim());
    },

    onCancelActivityTap() {
      this.setData({ cancelDialog: { visible: true, reason: '', error: '' } });
    },

    onCancelReason(e: DetailEvent<{ value: string }>) {
      this.setData({ 'cancelDialog.reason': e.detail.value, 'cancelDialog.error': '' });
    },

    onCancelDismiss() {
      this.setData({ 'cancelDialog.visible': false });
    },

    async onCancelActivityConfirm(): Promise<void> {
      const reason = this.data.cancelDialog.reason.trim();
      if (!reason) {
        this.setData({ 'cancelDialog.error': '请填写取消原因，将通知已报名的志愿者' });
        return;
      }
      this.setData({ 'cancelDialog.visible': false, notice: '' });
      const res = await volunteer.cancelActivity(this.data.activityId, reason);
      if (!res.ok) {
        this.setData({ notice: res.error.message, noticeTheme: 'error' });
        return;
      }
      // Said once the roster shows the activity as cancelled.
      await this.loadFirst(true);
      this.setData({ notice: '活动已取消，已通知报名的志愿者', noticeTheme: 'info' });
    },
  },
});
