// 我的志愿服务: the volunteer's number and total hours, each service record (newest first, paged,
// pull to refresh), for a record the data of its 志愿服务记录证明 (which can be copied), and 我的报名:
// every signup with its status, newest activity first.
import * as volunteer from '../../../services/volunteer';
import type { ServiceRecord } from '../../../services/volunteer';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { pageStyle } from '../../../utils/font';
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

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    notVolunteer: false,
    realName: '',
    volunteerNo: '',
    totalHours: '0',
    cards: [] as RecordCard[],
    nextCursor: null as string | null,
    loadingMore: false,
    moreError: '',
    tab: 'records' as 'records' | 'signups',
    signups: {
      loaded: false,
      loading: false,
      error: '',
      cards: [] as SignupCard[],
      nextCursor: null as string | null,
      loadingMore: false,
      moreError: '',
    },
    certificate: [] as CertificateLine[],
    certificateTitle: '',
    certificateVisible: false,
    _records: [] as ServiceRecord[],
    _open: null as ServiceRecord | null,
    _seq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.loadFirst();
    },
  },

  methods: {
    async loadFirst(): Promise<void> {
      const seq = this.data._seq + 1;
      this.setData({ _seq: seq, loading: this.data.cards.length === 0, error: '', moreError: '' });
      const res = await volunteer.myRecords({ limit: PAGE_SIZE });
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        const notVolunteer = res.error.reason === 'NOT_VOLUNTEER' || res.error.reason === 'NOT_REGISTERED';
        this.setData({ loading: false, notVolunteer, error: notVolunteer ? '' : res.error.message });
        return;
      }
      const { volunteer: v, totalHours, records, nextCursor } = res.data;
      this.setData({
        loading: false,
        notVolunteer: false,
        realName: v.realName,
        volunteerNo: v.volunteerNo,
        totalHours: formatHours(totalHours),
        cards: records.map(toRecordCard),
        nextCursor,
        _records: records,
      });
    },

    async loadMore(): Promise<void> {
      const { nextCursor, loading, loadingMore } = this.data;
      if (!nextCursor || loading || loadingMore) return;
      const seq = this.data._seq;
      this.setData({ loadingMore: true, moreError: '' });
      const res = await volunteer.myRecords({ limit: PAGE_SIZE, cursor: nextCursor });
      if (seq !== this.data._seq) return;
      if (!res.ok) {
        this.setData({ loadingMore: false, moreError: res.error.message });
        return;
      }
      const seen = new Set(this.data._records.map((r) => r.recordId));
      const fresh = res.data.records.filter((r) => !seen.has(r.recordId));
      const records = [...this.data._records, ...fresh];
      this.setData({ loadingMore: false, cards: records.map(toRecordCard), nextCursor: res.data.nextCursor, _records: records });
    },

    /** Loads the first page of 我的报名, replacing it. */
    async loadSignups(): Promise<void> {
      this.setData({ 'signups.loading': !this.data.signups.loaded, 'signups.error': '', 'signups.moreError': '' });
      const res = await volunteer.mySignups({ limit: PAGE_SIZE });
      if (!res.ok) {
        this.setData({ 'signups.loading': false, 'signups.error': res.error.message });
        return;
      }
      this.setData({
        signups: {
          loaded: true,
          loading: false,
          error: '',
          cards: res.data.items.map(toSignupCard),
          nextCursor: res.data.nextCursor,
          loadingMore: false,
          moreError: '',
        },
      });
    },

    async loadMoreSignups(): Promise<void> {
      const s = this.data.signups;
      if (!s.nextCursor || s.loading || s.loadingMore) return;
      this.setData({ 'signups.loadingMore': true, 'signups.moreError': '' });
      const res = await volunteer.mySignups({ limit: PAGE_SIZE, cursor: s.nextCursor });
      if (!res.ok) {
        this.setData({ 'signups.loadingMore': false, 'signups.moreError': res.error.message });
        return;
      }
      const seen = new Set(s.cards.map((c) => c.activityId));
      const cards = [...s.cards, ...res.data.items.map(toSignupCard).filter((c) => !seen.has(c.activityId))];
      this.setData({ 'signups.loadingMore': false, 'signups.cards': cards, 'signups.nextCursor': res.data.nextCursor });
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
      this.loadMoreSignups();
    },

    onPullDownRefresh() {
      const work = this.data.tab === 'signups' ? this.loadSignups() : this.loadFirst();
      work.then(() => wx.stopPullDownRefresh());
    },

    onReachBottom() {
      if (this.data.tab === 'signups') this.loadMoreSignups();
      else this.loadMore();
    },

    onRetry() {
      this.loadFirst();
    },

    onRetryMore() {
      this.loadMore();
    },

    onRecordTap(e: DatasetEvent<{ id: string }>) {
      const record = this.data._records.find((r) => r.recordId === e.currentTarget.dataset.id);
      if (!record) return;
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
