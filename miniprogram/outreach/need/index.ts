// 需求详情: what is asked, who has taken it, and the step the caller may take now — 认领 (a confirmed
// reported member), 提交完成 (the claimant, with what was done), 确认完成 and 审核 (staff), 致谢
// (the resident who made the wish). The server decides each step again.
import { callerBehavior } from '../../behaviors/page';
import * as outreach from '../service';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { askSubscribe, recordSubscription } from '../../utils/subscribe';
import { newToken } from '../labels';
import { needViewOf, type NeedView } from './view';

Component({
  behaviors: [callerBehavior],

  options: { pureDataPattern: /^_/ },

  properties: {
    needId: { type: String, value: '' },
  },

  data: {
    view: null as NeedView | null,
    note: '',
    noteError: '',
    reason: '',
    reasonError: '',
    score: 0,
    message: '',
    busy: false,
    notice: '',
    _token: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.needId && query.needId !== this.data.needId) {
        this.setData({ needId: query.needId });
        this.load();
      }
    },

    async load(): Promise<void> {
      if (!this.data.needId) {
        this.setData({ loading: false, error: '未指定需求' });
        return;
      }
      const fresh = this.beginLoad();
      this.setData({ error: '' });
      const res = await outreach.getNeed(this.data.needId);
      if (!this.answered(fresh, res)) return;
      this.setData({ loading: false, view: needViewOf(res.data) });
    },

    /** Runs one step; on success shows `done` and reloads, else says why. */
    async step(run: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string): Promise<boolean> {
      if (this.data.busy) return false;
      this.setData({ busy: true, notice: '' });
      const res = await run();
      this.setData({ busy: false });
      if (!res.ok) {
        this.setData({ notice: res.error?.message ?? '操作失败' });
        return false;
      }
      wx.showToast({ title: done, icon: 'success' });
      await this.load();
      return true;
    },

    async onClaim(): Promise<void> {
      // Confirmation and thanks for the service: asked at this tap, before anything awaits (RULES.md §8).
      const asked = askSubscribe('claimNeed');
      const token = this.data._token || newToken();
      this.setData({ _token: token });
      if (await this.step(() => outreach.claim(this.data.needId, token), '认领成功')) {
        this.setData({ _token: '' });
        await recordSubscription(asked);
      }
    },

    onNoteInput(e: DetailEvent<{ value: string }>) {
      this.setData({ note: e.detail.value, noteError: '' });
    },

    async onComplete(): Promise<void> {
      const note = this.data.note.trim();
      if (!note) {
        this.setData({ noteError: '请填写服务情况' });
        return;
      }
      if (await this.step(() => outreach.complete(this.data.needId, note), '已提交完成')) this.setData({ note: '' });
    },

    async onConfirm(): Promise<void> {
      await this.step(() => outreach.confirmDone(this.data.needId), '已确认完成');
    },

    async onApprove(): Promise<void> {
      await this.step(() => outreach.reviewWish({ needId: this.data.needId, approve: true }), '已发布');
    },

    onReasonInput(e: DetailEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, reasonError: '' });
    },

    async onReject(): Promise<void> {
      const reason = this.data.reason.trim();
      if (!reason) {
        this.setData({ reasonError: '请填写不通过的原因' });
        return;
      }
      await this.step(() => outreach.reviewWish({ needId: this.data.needId, approve: false, note: reason }), '已处理');
    },

    onScore(e: DatasetEvent<{ score: number }>) {
      this.setData({ score: Number(e.currentTarget.dataset.score) });
    },

    onMessageInput(e: DetailEvent<{ value: string }>) {
      this.setData({ message: e.detail.value });
    },

    async onThank(): Promise<void> {
      if (!this.data.score) {
        this.setData({ notice: '请先选择评分' });
        return;
      }
      await this.step(() => outreach.thank(this.data.needId, this.data.score, this.data.message.trim() || undefined), '感谢已送达');
    },
  },
});
