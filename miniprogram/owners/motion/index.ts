// 表决详情: the motion, the turnout by area and by number against the 2/3 lines, the vote (a
// confirmation says the ballot is final), the caller's receipt, and after the close the tally with
// a receipt search. Convenors announce a draft here; the committee records paper ballots.
import { motionPageBehavior } from '../behavior';
import * as owners from '../service';
import type { DetailEvent } from '../../utils/events';
import { askSubscribe, recordSubscription } from '../../utils/subscribe';
import { chinaTime, newClientToken, normaliseReceipt } from '../format';
import { motionShown, resultShown, turnoutRows, type MotionShown, type ResultShown, type TurnoutRows } from './view';

type Dialog = '' | 'vote' | 'announce';

Component({
  behaviors: [motionPageBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    motion: null as MotionShown | null,
    turnout: null as TurnoutRows | null,
    result: null as ResultShown | null,
    resultError: '',
    myReceipt: '',
    myCastAt: '',
    isOwner: false,
    canVote: false,
    canManage: false,
    canRecordPaper: false,
    status: '',
    /** The ballot's choices, as the motion view names them. */
    choiceOptions: [] as owners.MotionView['choiceOptions'],
    choice: '',
    marked: [] as string[],
    voteError: '',
    submitting: false,
    dialog: '' as Dialog,
    dialogContent: '',
    receiptQuery: '',
    receiptAnswer: '',
    receiptFound: false,
    _receipts: [] as string[],
    _token: '',
  },

  lifetimes: {
    attached() {
      this.setData({ _token: newClientToken() });
    },
  },

  methods: {
    async load(quiet = false): Promise<void> {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '' });
      if (!this.properties.motionId) {
        this.setData({ loading: false, error: '未指定表决事项' });
        return;
      }
      const r = await owners.get(this.properties.motionId);
      if (!fresh()) return;
      if (!r.ok) {
        this.setData({ loading: false, error: r.error.message });
        return;
      }
      const m = r.data;
      this.setData({
        loading: false,
        error: '',
        motion: motionShown(m),
        turnout: turnoutRows(m),
        myReceipt: m.myBallot?.receipt ?? '',
        myCastAt: m.myBallot ? chinaTime(m.myBallot.castAt) : '',
        isOwner: m.isOwner,
        canVote: m.canVote,
        canManage: m.canManage,
        canRecordPaper: m.canRecordPaper,
        status: m.status,
        choiceOptions: m.choiceOptions,
      });
      if (m.status === 'closed') await this.loadResult(fresh);
    },

    async loadResult(fresh: () => boolean): Promise<void> {
      const r = await owners.result(this.properties.motionId);
      if (!fresh()) return;
      if (!r.ok) {
        this.setData({ resultError: r.error.message });
        return;
      }
      this.setData({ result: resultShown(r.data, this.data.choiceOptions), resultError: '', _receipts: r.data.receipts });
    },

    onChoice(e: DetailEvent<{ value: string }>) {
      this.setData({ choice: e.detail.value, voteError: '' });
    },

    onMarks(e: DetailEvent<{ value: string[] }>) {
      this.setData({ marked: e.detail.value, voteError: '' });
    },

    /** 提交选票: asks first, saying the ballot is final. */
    onVoteTap() {
      const m = this.data.motion;
      if (!m || this.data.submitting) return;
      if (!m.isElection && !this.data.choice) {
        this.setData({ voteError: '请选择同意、反对或弃权' });
        return;
      }
      const label = m.isElection
        ? this.data.marked.length
          ? `选择：${this.data.marked.join('、')}`
          : '不选任何候选人'
        : `您的选择：${this.data.choiceOptions.find((o) => o.value === this.data.choice)?.label ?? ''}`;
      this.setData({ dialog: 'vote', dialogContent: `${label}。选票一经提交不可更改，也不能再投纸质票。确认提交？` });
    },

    onAnnounceTap() {
      this.setData({ dialog: 'announce', dialogContent: '公告后将通知本小区全体业主，表决事项不能再修改。确认发布？' });
    },

    onDialogCancel() {
      this.setData({ dialog: '' });
    },

    async onDialogConfirm(): Promise<void> {
      const which = this.data.dialog;
      this.setData({ dialog: '' });
      // Asked at the tap, before anything awaits: the result of the vote is the message to come.
      if (which === 'vote') await this.submitVote(askSubscribe('vote'));
      if (which === 'announce') await this.announce();
    },

    async submitVote(asked: Promise<string[]>): Promise<void> {
      const m = this.data.motion;
      if (!m || this.data.submitting) return;
      this.setData({ submitting: true, voteError: '' });
      const marks: owners.Marks = m.isElection ? { candidates: this.data.marked } : { choice: this.data.choice as owners.Choice };
      const r = await owners.vote({ motionId: this.properties.motionId, clientToken: this.data._token, ...marks });
      this.setData({ submitting: false });
      if (!r.ok) {
        this.setData({ voteError: r.error.message });
        return;
      }
      recordSubscription(asked);
      wx.showToast({ title: '投票成功', icon: 'success' });
      this.setData({ myReceipt: r.data.receipt, myCastAt: chinaTime(r.data.castAt), canVote: false });
      await this.load(true);
    },

    async announce(): Promise<void> {
      this.setData({ submitting: true, voteError: '' });
      const r = await owners.announce(this.properties.motionId);
      this.setData({ submitting: false });
      if (!r.ok) {
        this.setData({ voteError: r.error.message });
        return;
      }
      wx.showToast({ title: '已发布公告', icon: 'success' });
      await this.load(true);
    },

    onPaper() {
      wx.navigateTo({ url: `/owners/paper/index?motionId=${this.properties.motionId}` });
    },

    onReceiptInput(e: DetailEvent<{ value: string }>) {
      this.setData({ receiptQuery: e.detail.value, receiptAnswer: '' });
    },

    /** 核对回执: looks the code up in the published list of receipts. */
    onCheckReceipt() {
      const code = normaliseReceipt(this.data.receiptQuery);
      if (!code) {
        this.setData({ receiptAnswer: '请输入回执码', receiptFound: false });
        return;
      }
      const found = this.data._receipts.includes(code);
      this.setData({
        receiptFound: found,
        receiptAnswer: found ? `回执码 ${code} 在计票结果中，您的选票已计入。` : `计票结果中没有回执码 ${code}，请核对后重试或联系业委会。`,
      });
    },

    onUseMyReceipt() {
      this.setData({ receiptQuery: this.data.myReceipt });
      this.onCheckReceipt();
    },
  },
});
