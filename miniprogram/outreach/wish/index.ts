// 微心愿: an approved resident writes a small wish; the community reviews it before it is published
// for reported party members to claim (outreach.wish). The resident's wishes are listed below with
// where each stands.
import { callerBehavior } from '../../behaviors/page';
import { rolesOnly } from '../gate';
import * as outreach from '../service';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { askSubscribe, recordSubscription } from '../../utils/subscribe';
import { openPage } from '../../utils/navigate';
import { chinaDateTime, newToken } from '../labels';

interface WishRow {
  needId: string;
  text: string;
  status: string;
  done: boolean;
  when: string;
}

Component({
  behaviors: [callerBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    text: '',
    textError: '',
    formError: '',
    submitting: false,
    wishes: [] as WishRow[],
    _token: '',
  },

  methods: {
    async load(): Promise<void> {
      if (!(await this.caller(rolesOnly(['resident'], '微心愿由已通过审核的本社区居民提交')))) return;
      const mine = await outreach.myWishes();
      if (!mine.ok) {
        this.loadFailed(mine.error);
        return;
      }
      this.setData({
        loading: false,
        wishes: mine.data.items.map((n) => ({
          needId: n.needId,
          text: n.text,
          status: n.statusLabel,
          done: n.status === 'done',
          when: chinaDateTime(n.createdAt),
        })),
      });
    },

    onInput(e: DetailEvent<{ value: string }>) {
      this.setData({ text: e.detail.value, textError: '' });
    },

    async onSubmit(): Promise<void> {
      if (this.data.submitting) return;
      const text = this.data.text.trim();
      if (!text) {
        this.setData({ textError: '请写下您的心愿' });
        return;
      }
      // The wish's review, claim and completion: asked at this tap, before anything awaits (RULES.md §8).
      const asked = askSubscribe('wish');
      const token = this.data._token || newToken();
      this.setData({ submitting: true, formError: '', _token: token });
      const res = await outreach.wish(text, token);
      this.setData({ submitting: false });
      if (res.ok) await recordSubscription(asked);
      if (!res.ok) {
        // Only a lost answer keeps the token: a retry is then the same wish.
        if (res.error.code !== 'INTERNAL') this.setData({ _token: '' });
        this.setData({ formError: res.error.message });
        return;
      }
      wx.showToast({ title: '已提交，等待社区审核', icon: 'none' });
      this.setData({ text: '', _token: '' });
      await this.load();
    },

    onOpen(e: DatasetEvent<{ id: string }>) {
      openPage(`/outreach/need/index?needId=${e.currentTarget.dataset.id}`);
    },
  },
});
