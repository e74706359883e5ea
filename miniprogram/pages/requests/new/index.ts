// 我要反映: category, title, description, photos, public or not. Choosing a category shows open public
// requests of the same kind in the compound (last 30 days) with 关注这条 instead of filing again.
import { clientTokenBehavior } from '../../../behaviors/client-token';
import { formBehavior } from '../../../behaviors/form';
import { callerBehavior } from '../../../behaviors/page';
import { askSubscribe, recordSubscription } from '../../../utils/subscribe';
import type { FormOptions, SelfView } from '../../../../typings/api';
import * as requests from '../../../services/requests';
import type { DatasetEvent, DetailEvent } from '../../../utils/events';
import { cardOf, labelOf, type RequestCard } from '../format';
import { formOptions } from '../../../utils/form-options';
import { MAX_PHOTOS, newClientToken, uploadPhotos } from '../photos';
import { DESCRIPTION_MAX, requestFieldOf, TITLE_MAX, toSubmitInput, validateRequest, type FormErrors, type RequestForm } from './form';
import { confirm } from '../../../utils/confirm';

Component({
  behaviors: [callerBehavior, formBehavior, clientTokenBehavior(newClientToken)],

  options: { pureDataPattern: /^_/ },

  data: {
    /** Why this caller cannot file (not an approved resident). */
    blocked: '',
    form: { category: '', title: '', description: '', isPublic: true } as RequestForm,
    categoryLabel: '',
    /** The server's categories (whoami's options): empty until the caller is known. */
    categoryOptions: [] as FormOptions['requestCategories'],
    pickerVisible: false,
    errors: {} as FormErrors,
    files: [] as Array<{ url: string }>,
    maxPhotos: MAX_PHOTOS,
    titleMax: TITLE_MAX,
    descriptionMax: DESCRIPTION_MAX,
    similar: [] as RequestCard[],
    followed: {} as Record<string, boolean>,
    _user: null as SelfView | null,
  },

  methods: {
    async init(): Promise<void> {
      const u = await this.caller();
      if (u === undefined) return;
      const blocked = !u
        ? '请先注册并通过社区审核'
        : u.status !== 'active'
          ? '注册信息审核通过后才能提交诉求'
          : !u.roles.includes('resident')
            ? '只有小区居民可以提交诉求'
            : '';
      this.setData({ loading: false, _user: u, blocked, categoryOptions: (await formOptions()).requestCategories });
    },

    onPublicChange(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.isPublic': e.detail.value });
    },

    openCategoryPicker() {
      this.setData({ pickerVisible: true });
    },

    closePicker() {
      this.setData({ pickerVisible: false });
    },

    async onCategoryConfirm(e: DetailEvent<{ value: Array<RequestForm['category']> }>) {
      const category = e.detail.value[0];
      this.setData({
        pickerVisible: false,
        'form.category': category,
        categoryLabel: labelOf(this.data.categoryOptions, category),
        'errors.category': '',
        similar: [],
      });
      await this.loadSimilar();
    },

    /** Open public requests like this one: the resident may follow one instead of filing again. */
    async loadSimilar(): Promise<void> {
      const u = this.data._user;
      const category = this.data.form.category;
      if (!u || !category) return;
      const res = await requests.similar(u.compoundId, category);
      if (!res.ok || category !== this.data.form.category) return;
      const now = new Date();
      this.setData({ similar: res.data.items.map((r) => cardOf(r, now)) });
    },

    async onFollow(e: DatasetEvent<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      const res = await requests.follow(id);
      if (res.ok || res.error.code === 'CONFLICT') {
        this.setData({ [`followed.${id}`]: true });
        wx.showToast({ title: '已关注，办理进展会通知您', icon: 'none' });
      } else {
        wx.showToast({ title: res.error.message, icon: 'none' });
      }
    },

    onSimilarTap(e: DatasetEvent<{ id: string }>) {
      wx.navigateTo({ url: `/pages/requests/detail/index?requestId=${e.currentTarget.dataset.id}` });
    },

    onPhotoAdd(e: DetailEvent<{ files: Array<{ url: string }> }>) {
      const files = [...this.data.files, ...e.detail.files].slice(0, MAX_PHOTOS);
      this.setData({ files });
    },

    onPhotoRemove(e: DetailEvent<{ index: number }>) {
      const files = this.data.files.filter((_, i) => i !== e.detail.index);
      this.setData({ files });
    },

    async onSubmit(): Promise<void> {
      const user = this.data._user;
      if (!user) return;
      // Progress of the request: asked at this tap, before anything awaits (RULES.md §8).
      let asked: ReturnType<typeof askSubscribe> | undefined;
      const filed = await this.submitForm({
        errors: validateRequest(this.data.form),
        ready: async () => {
          asked = askSubscribe('submitRequest');
          await asked;
          return confirm({
            title: '确认提交',
            content: this.data.form.isPublic
              ? '诉求将在小区公示栏展示（不显示您的姓名、电话和房号），确认提交？'
              : '诉求仅办理人员可见，确认提交？',
            confirmText: '提交',
            cancelText: '再看看',
          });
        },
        send: async () => {
          const uploaded = await uploadPhotos(this.data.files.map((f) => f.url));
          if (!uploaded.ok) return { ok: false, error: { code: 'UNAVAILABLE', message: uploaded.message } };
          return requests.submit(toSubmitInput(this.data.form, user.compoundId, uploaded.ids, this.data._token));
        },
        fieldOf: requestFieldOf,
        toast: '提交成功',
        // A rejected text gets a fresh token: the changed text is another request.
        failed: (error) => {
          if (error.code === 'CONTENT_REJECTED') this.setData({ _token: newClientToken() });
        },
      });
      if (!filed) return;
      if (asked) recordSubscription(asked);
      wx.redirectTo({ url: `/pages/requests/detail/index?requestId=${filed.requestId}` });
    },
  },
});
