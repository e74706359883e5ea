// 诉求详情: the request, its time limit and timeline, the three parties' positions on a major matter,
// and the actions the viewer's role allows now (from the server's `viewer.can`), each in a sheet with
// its checks and a confirmation. Handling staff may reveal the resident's phone (audited).
import { pageBehavior } from '../../../behaviors/page';
import { askSubscribe, recordSubscription } from '../../../utils/subscribe';
import * as requests from '../../../services/requests';
import type { RequestView } from '../../../services/requests';
import { config } from '../../../config';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { actionButtons, dueText, formatTime, photoSrc, positionRows, routingText, statusTheme, timelineRows } from '../format';
import { MAX_PHOTOS, uploadPhotos } from '../photos';
import {
  EMPTY_SHEET,
  HANDLING_SHEETS,
  PHOTO_SHEETS,
  send,
  SHEETS,
  validateSheet,
  type SheetAction,
  type SheetErrors,
  type SheetForm,
} from './sheet';
import { confirm } from '../../../utils/confirm';

/** The subscribe prompt shown when a handling sheet opened, per page: recorded once its action succeeds. */
const handlingPrompt = new WeakMap<object, Promise<string[]>>();

function display(v: RequestView) {
  const now = new Date();
  return {
    statusText: v.statusLabel,
    statusTheme: statusTheme(v.status),
    categoryText: v.categoryLabel,
    createdText: formatTime(v.createdAt, now.getUTCFullYear()),
    due: dueText(v, now),
    routing: routingText(v),
    timeline: timelineRows(v.timeline),
    positions: v.major ? positionRows(v) : [],
    majorText:
      v.majorStage === 'cleared'
        ? '三方已达成一致，可以开工'
        : v.majorStage === 'objected'
          ? '有异议，已提交社区党组织召集联席会议'
          : '等待三方表态',
    buttons: actionButtons(v.viewer.actions),
    photoSrcs: v.photos.map((p) => photoSrc(p, config.localBaseUrl)),
    ratingText: v.rating
      ? `${v.rating.score} 分 · ${v.rating.solved ? '已解决' : '未解决'}${v.rating.comment ? ` · ${v.rating.comment}` : ''}`
      : v.feedback === 'no_feedback'
        ? '未评价（自动关闭）'
        : '',
    reopenText: v.reopenDeadline ? `${formatTime(v.reopenDeadline)} 前可申请重新办理` : '',
    canReveal: v.viewer.can.includes('revealPhone'),
  };
}

Component({
  behaviors: [pageBehavior],

  options: { pureDataPattern: /^_/ },

  properties: {
    requestId: { type: String, value: '' },
  },

  data: {
    view: null as RequestView | null,
    d: null as ReturnType<typeof display> | null,
    sheet: '' as SheetAction | '',
    sheetTitle: '',
    textLabel: '',
    textMax: 500,
    form: { ...EMPTY_SHEET } as SheetForm,
    errors: {} as SheetErrors,
    sheetError: '',
    sending: false,
    withPhotos: false,
    files: [] as Array<{ url: string }>,
    maxPhotos: MAX_PHOTOS,
    following: false,
    canFollow: false,
    phone: '',
    // The forms' choices, as the request's view names them.
    partyOptions: [] as RequestView['partyOptions'],
    tierOptions: [] as RequestView['tierOptions'],
    positionOptions: [] as RequestView['positionOptions'],
    outcomeOptions: [] as RequestView['outcomeOptions'],
    solvedOptions: [
      { value: 'yes', label: '已解决' },
      { value: 'no', label: '未解决' },
    ],
  },

  lifetimes: {
    attached() {
      if (this.data.requestId) this.load();
    },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (query.requestId && query.requestId !== this.data.requestId) {
        this.setData({ requestId: query.requestId });
        this.load();
      }
    },

    async load(): Promise<void> {
      this.setData({ loading: true, error: '' });
      const res = await requests.get(this.data.requestId);
      if (!res.ok) {
        this.setData({ loading: false, error: res.error.code === 'NOT_FOUND' ? '诉求不存在或您无权查看' : res.error.message });
        return;
      }
      this.show(res.data);
    },

    show(view: RequestView) {
      this.setData({
        loading: false,
        view,
        d: display(view),
        partyOptions: view.partyOptions,
        tierOptions: view.tierOptions,
        positionOptions: view.positionOptions,
        outcomeOptions: view.outcomeOptions,
        following: view.viewer.following,
        // Other residents of the compound may follow a public request instead of filing the same one.
        canFollow: view.viewer.can.includes('follow'),
      });
    },

    async onFollow(): Promise<void> {
      const asked = askSubscribe('followRequest');
      const res = await requests.follow(this.data.requestId);
      if (res.ok) recordSubscription(asked);
      if (res.ok || res.error.code === 'CONFLICT') {
        this.setData({ following: true });
        wx.showToast({ title: '已关注，办理进展会通知您', icon: 'none' });
      } else wx.showToast({ title: res.error.message, icon: 'none' });
    },

    onPhotoAdd(e: DetailEvent<{ files: Array<{ url: string }> }>) {
      this.setData({ files: [...this.data.files, ...e.detail.files].slice(0, MAX_PHOTOS) });
    },

    onPhotoRemove(e: DetailEvent<{ index: number }>) {
      this.setData({ files: this.data.files.filter((_, i) => i !== e.detail.index) });
    },

    async onAction(e: DatasetEvent<{ action: SheetAction | 'withdraw' }>) {
      const action = e.currentTarget.dataset.action;
      if (action === 'withdraw') return this.withdraw();
      // The tap that opens a handling sheet is the moment staff want to hear of the next work.
      if (HANDLING_SHEETS.includes(action)) handlingPrompt.set(this, askSubscribe('handleRequest'));
      const spec = SHEETS[action];
      this.setData({
        sheet: action,
        // The sheet is titled with its button's word (the view's name for the action).
        sheetTitle: this.data.view?.viewer.actions.find((a) => a.action === action)?.label ?? '',
        textLabel: spec.textLabel,
        textMax: spec.max,
        form: { ...EMPTY_SHEET },
        errors: {},
        sheetError: '',
        withPhotos: PHOTO_SHEETS.includes(action),
        files: [],
      });
    },

    async withdraw(): Promise<void> {
      const ok = await confirm({
        title: '撤回诉求',
        content: '撤回后将不再办理，确认撤回？',
        confirmText: '撤回',
        cancelText: '不撤回',
      });
      if (!ok) return;
      const res = await requests.withdraw(this.data.requestId);
      if (res.ok) {
        this.show(res.data);
        wx.showToast({ title: '已撤回', icon: 'success' });
      } else wx.showToast({ title: res.error.message, icon: 'none' });
    },

    closeSheet() {
      this.setData({ sheet: '' });
    },

    onSheetVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.setData({ sheet: '' });
    },

    onText(e: DetailEvent<{ value: string }>) {
      this.setData({ 'form.text': e.detail.value, 'errors.text': '' });
    },

    onChoose(e: DetailEvent<{ value: string }, { field: 'leadParty' | 'tier' | 'position' | 'outcome' | 'solved' }>) {
      const field = e.currentTarget.dataset.field;
      const value = field === 'solved' ? e.detail.value === 'yes' : e.detail.value;
      this.setData({ [`form.${field}`]: value, [`errors.${field}`]: '' });
    },

    onCoHandlers(e: DetailEvent<{ value: string[] }>) {
      this.setData({ 'form.coHandlers': e.detail.value, 'errors.coHandlers': '' });
    },

    onMajor(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.major': e.detail.value });
    },

    onScore(e: DetailEvent<{ value: number }>) {
      this.setData({ 'form.score': e.detail.value, 'errors.score': '' });
    },

    async onSend(): Promise<void> {
      const action = this.data.sheet;
      if (!action || this.data.sending) return;
      const errors = validateSheet(action, this.data.form);
      this.setData({ errors, sheetError: '' });
      if (Object.keys(errors).length) return;
      const ok = await confirm({
        title: this.data.sheetTitle,
        content: SHEETS[action].confirm,
        confirmText: '确认',
        cancelText: '取消',
      });
      if (!ok) return;
      this.setData({ sending: true });
      const uploaded = await uploadPhotos(this.data.withPhotos ? this.data.files.map((f) => f.url) : []);
      if (!uploaded.ok) {
        this.setData({ sending: false, sheetError: uploaded.message });
        return;
      }
      const res = await send(action, this.data.requestId, this.data.form, uploaded.ids);
      this.setData({ sending: false });
      if (!res.ok) {
        this.setData({
          sheetError:
            res.error.code === 'INVALID_INPUT' && res.error.issues?.length
              ? res.error.issues.map((i) => i.message).join('；')
              : res.error.message,
        });
        return;
      }
      const asked = handlingPrompt.get(this);
      handlingPrompt.delete(this);
      if (asked) recordSubscription(asked);
      this.setData({ sheet: '' });
      this.show(res.data);
      wx.showToast({ title: '已提交', icon: 'success' });
    },

    async onReveal(): Promise<void> {
      const ok = await confirm({
        title: '查看完整手机号',
        content: '仅用于联系居民办理诉求，查看操作将被记录。',
        confirmText: '查看',
        cancelText: '取消',
      });
      if (!ok) return;
      const res = await requests.revealPhone(this.data.requestId);
      if (res.ok) this.setData({ phone: res.data.phone });
      else wx.showToast({ title: res.error.message, icon: 'none' });
    },

    onCall() {
      if (this.data.phone) wx.makePhoneCall({ phoneNumber: this.data.phone });
    },

    onPreview(e: DatasetEvent<{ src: string }>) {
      wx.previewImage({ current: e.currentTarget.dataset.src, urls: this.data.d?.photoSrcs ?? [] });
    },
  },
});
