// 我的志愿服务: the volunteer's number and total hours, each service record (newest first, paged,
// pull to refresh), for a record the data of its 志愿服务记录证明 (which can be copied), and 我的报名:
// every signup with its status, newest activity first.
import { pagingBehavior } from '../../../behaviors/paging';
import * as volunteer from '../../../services/volunteer';
import type { ServiceRecord } from '../../../services/volunteer';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { applyPage, emptyList, type ListState } from '../../../utils/list-state';
import { openPage } from '../../../utils/navigate';
import { formatHours, formatWindow, myStatusText } from '../format';
import { certificateLines, certificateText, toRecordCard, type CertificateLine, type RecordCard } from './certificate';

const PAGE_SIZE = 20;

/** One of the volunteer's signups as the 我的报名 list shows it. */
interface SignupCard {
  activityId: string;
  title: string;
  when: string;
  status: string;
}

function toSignupCard(s: volunteer.MySignupItem): SignupCard {
  return { activityId: s.activityId, title: s.title, when: formatWindow(s.startAt, s.endAt), status: myStatusText(s) };
}

type RecordRow = RecordCard & { record: ServiceRecord };

const paging = pagingBehavior<ServiceRecord, RecordRow, volunteer.MyRecords & { items: ServiceRecord[] }>({
  async fetch(_data, cursor) {
    const res = await volunteer.myRecords(cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE });
    return res.ok ? { ok: true, data: { ...res.data, items: res.data.records } } : res;
  },
  row: (r) => ({ ...toRecordCard(r), record: r }),
  key: (r) => r.recordId,
  withFirst: ({ volunteer: v, totalHours }) => ({
    notVolunteer: false,
    realName: v.realName,
    volunteerNo: v.volunteerNo,
    totalHours: formatHours(totalHours),
  }),
  failed(error) {
    const notVolunteer = error.reason === 'NOT_VOLUNTEER' || error.reason === 'NOT_REGISTERED';
    return { notVolunteer, error: notVolunteer ? '' : error.message };
  },
});

Component({
  behaviors: [paging],

  data: {
    notVolunteer: false,
    realName: '',
    volunteerNo: '',
    totalHours: '0',
    tab: 'records' as 'records' | 'signups',
    signups: {
      loaded: false,
      loading: false,
      error: '',
      list: emptyList<SignupCard>() as ListState<SignupCard>,
      loadingMore: false,
      moreError: '',
    },
    certificate: [] as CertificateLine[],
    certificateTitle: '',
    certificateVisible: false,
    _open: null as ServiceRecord | null,
  },

  options: { pureDataPattern: /^_/ },

  lifetimes: {
    attached() {
      this.loadFirst();
    },
  },

  methods: {
    /** Loads 我的报名 (`more`: its next page). */
    async loadSignups(more = false): Promise<void> {
      const s = this.data.signups;
      if (more && (!s.list.nextCursor || s.loading || s.loadingMore)) return;
      this.setData(
        more
          ? { 'signups.loadingMore': true, 'signups.moreError': '' }
          : { 'signups.loading': !s.loaded, 'signups.error': '', 'signups.moreError': '' },
      );
      const res = await volunteer.mySignups(
        more && s.list.nextCursor ? { limit: PAGE_SIZE, cursor: s.list.nextCursor } : { limit: PAGE_SIZE },
      );
      if (!res.ok) {
        this.setData(
          more
            ? { 'signups.loadingMore': false, 'signups.moreError': res.error.message }
            : { 'signups.loading': false, 'signups.error': res.error.message },
        );
        return;
      }
      const list = applyPage(this.data.signups.list, res.data, more, toSignupCard, (c) => c.activityId);
      this.setData({ 'signups.loaded': true, 'signups.loading': false, 'signups.loadingMore': false, 'signups.list': list });
    },

    onTabChange(e: DetailEvent<{ value: 'records' | 'signups' }>) {
      this.setData({ tab: e.detail.value });
      if (e.detail.value === 'signups' && !this.data.signups.loaded) this.loadSignups();
    },

    onSignupTap(e: DatasetEvent<{ id: string }>) {
      openPage(`/pages/volunteer/activity/index?activityId=${e.currentTarget.dataset.id}`);
    },

    onRetrySignups() {
      this.loadSignups();
    },

    onRetryMoreSignups() {
      this.loadSignups(true);
    },

    refresh() {
      return this.data.tab === 'signups' ? this.loadSignups() : this.loadFirst(true);
    },

    onReachBottom() {
      if (this.data.tab === 'signups') this.loadSignups(true);
      else this.loadMore();
    },

    onRecordTap(e: DatasetEvent<{ id: string }>) {
      const row = this.data.list.items.find((r) => r.recordId === e.currentTarget.dataset.id);
      if (!row) return;
      const record = row.record;
      this.setData({ _open: record, certificate: certificateLines(record), certificateTitle: record.title, certificateVisible: true });
    },

    onCertificateClose() {
      this.setData({ certificateVisible: false });
    },

    onCopy() {
      const record = this.data._open;
      if (!record) return;
      wx.setClipboardData({ data: certificateText(record) });
    },

    onRegister() {
      openPage('/pages/volunteer/register/index');
    },

    onActivities() {
      openPage('/pages/activities/index');
    },
  },
});
