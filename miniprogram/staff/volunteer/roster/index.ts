// 报名名单与签到 (organisers): the activity's signups in arrival order, filtered by status, with
// check-in and check-out per volunteer, a corrected time with its reason, and cancelling the
// activity with a reason. Phones are masked; paging, pull to refresh.
import * as volunteer from '../../../services/volunteer';
import type { ActivityDetail, RosterEntry, SignupStatus } from '../../../services/volunteer';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { pageStyle } from '../../../utils/font';
import { formatWindow, phaseTag, seatsText } from '../../../pages/volunteer/format';
import { attendanceWindow, STATUS_TABS, toRow, type AttendanceWindow, type RosterRow } from './view';

const PAGE_SIZE = 50;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The activity's date in China time, to put a corrected HH:mm on. */
function chinaDateOf(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

Component({
  options: { pureDataPattern: /^_/ },

  properties: {
    activityId: { type: String, value: '' },
  },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    title: '',
    when: '',
    seats: '',
    tag: { text: '', theme: 'default' },
    cancelled: false,
    /** Before the check-in window opens: a hint instead of buttons. */
    notYetOpen: false,
    tabs: STATUS_TABS,
    status: '' as SignupStatus | '',
    rows: [] as RosterRow[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    notice: '',
    noticeTheme: 'info' as 'info' | 'error',
    busyUser: '',
    correction: { visible: false, userId: '', name: '', kind: 'checkIn' as 'checkIn' | 'checkOut', time: '', reason: '', error: '' },
    cancelDialog: { visible: false, reason: '', error: '' },
    _activity: null as ActivityDetail | null,
    _entries: [] as RosterEntry[],
    _window: { checkInOpen: false, started: false } as AttendanceWindow,
    _seq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.loadFirst();
    },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.activityId && query.activityId !== this.data.activityId) {
        this.setData({ activityId: query.activityId });
        this.loadFirst();
      }
    },

    rosterOptions(cursor?: string) {
      const o: { status?: SignupStatus; cursor?: string; limit: number } = { limit: PAGE_SIZE };
      if (this.data.status) o.status = this.data.status;
      if (cursor) o.cursor = cursor;
      return o;
    },

    async loadFirst(): Promise<void> {
      const id = this.data.activityId;
      if (!id) {
        this.setData({ loading: false, error: '未指定活动' });
        return;
      }
      const seq = this.data._seq + 1;
      this.setData({ _seq: seq, loading: this.data.rows.length === 0 && !this.data.title, error: '', moreError: '' });
      const [a, r] = await Promise.all([volunteer.getActivity(id), volunteer.roster(id, this.rosterOptions())]);
      if (seq !== this.data._seq) return;
      if (!a.ok || !r.ok) {
        this.setData({ loading: false, error: (!a.ok ? a.error : !r.ok ? r.error : null)?.message ?? '加载失败' });
        return;
      }
      const w = attendanceWindow(a.data, Date.now());
      this.setData({
        loading: false,
        _window: w,
        notYetOpen: !w.started && a.data.status !== 'cancelled',
        title: a.data.title,
        when: formatWindow(a.data.startAt, a.data.endAt),
        seats: seatsText(a.data),
        tag: phaseTag(a.data),
        cancelled: a.data.status === 'cancelled',
        rows: r.data.items.map((e) => toRow(e, w)),
        nextCursor: r.data.nextCursor,
        _activity: a.data,
        _entries: r.data.items,
      });
    },

    async loadMore(): Promise<void> {
      const { nextCursor, loading, loadingMore } = this.data;
      if (!nextCursor || loading || loadingMore) return;
      const seq = this.data._seq;
      this.setData({ loadingMore: true, moreError: '' });
      const r = await volunteer.roster(this.data.activityId, this.rosterOptions(nextCursor));
      if (seq !== this.data._seq) return;
      if (!r.ok) {
        this.setData({ loadingMore: false, moreError: r.error.message });
        return;
      }
      const seen = new Set(this.data._entries.map((e) => e.userId));
      const entries = [...this.data._entries, ...r.data.items.filter((e) => !seen.has(e.userId))];
      this.setData({
        loadingMore: false,
        rows: entries.map((e) => toRow(e, this.data._window)),
        nextCursor: r.data.nextCursor,
        _entries: entries,
      });
    },

    onPullDownRefresh() {
      this.loadFirst().then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      this.loadMore();
    },

    onRetry() {
      this.loadFirst();
    },

    onRetryMore() {
      this.loadMore();
    },

    onTabChange(e: DetailEvent<{ value: SignupStatus | '' }>) {
      this.setData({ status: e.detail.value, rows: [], _entries: [], nextCursor: null });
      this.loadFirst();
    },

    /** Replaces one row after a check-in or check-out. */
    replaceEntry(entry: RosterEntry) {
      const entries = this.data._entries.map((e) => (e.userId === entry.userId ? entry : e));
      this.setData({ _entries: entries, rows: entries.map((e) => toRow(e, this.data._window)) });
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
        if (res.error.code === 'CONFLICT') await this.loadFirst();
        return false;
      }
      this.replaceEntry(res.data);
      const name = res.data.realName;
      const done =
        kind === 'checkIn'
          ? `${name} 已签到`
          : res.data.attendance === 'attended'
            ? `${name} 已签退，计 ${res.data.hours} 小时`
            : `${name} 已签退，服务时长不足活动时长的 60%，不计时长`;
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
      const entry = this.data._entries.find((x) => x.userId === e.currentTarget.dataset.user);
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
      const at = `${chinaDateOf(a.startAt)}T${c.time}:00+08:00`;
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
      this.setData({ notice: '活动已取消，已通知报名的志愿者', noticeTheme: 'info' });
      await this.loadFirst();
    },
  },
});
