// 录入纸质票 (业委会): the unit's building and room, what the signed paper ballot says, and a photo of
// it. One ballot per owner: a unit whose owner already voted (online or on paper) is refused.
import { motionPageBehavior } from '../behavior';
import * as owners from '../service';
import type { DetailEvent } from '../../utils/events';
import { newClientToken } from '../format';
import { uploadFile } from '../upload';

interface PaperForm {
  building: string;
  room: string;
  choice: string;
  marked: string[];
}

const EMPTY: PaperForm = { building: '', room: '', choice: '', marked: [] };

Component({
  behaviors: [motionPageBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    title: '',
    isElection: false,
    candidates: [] as string[],
    /** The ballot's choices, as the motion view names them. */
    choiceOptions: [] as owners.MotionView['choiceOptions'],
    form: { ...EMPTY } as PaperForm,
    files: [] as Array<{ url: string }>,
    formError: '',
    submitting: false,
    confirmVisible: false,
    lastReceipt: '',
    _token: '',
  },

  lifetimes: {
    attached() {
      this.setData({ _token: newClientToken() });
    },
  },

  methods: {
    async load(): Promise<void> {
      this.setData({ loading: true, error: '' });
      const r = await owners.get(this.properties.motionId);
      if (!r.ok) {
        this.setData({ loading: false, error: r.error.message });
        return;
      }
      if (!r.data.canRecordPaper) {
        this.setData({ loading: false, error: '该事项当前不能录入纸质票（仅限表决期内的本小区业委会成员）' });
        return;
      }
      this.setData({
        loading: false,
        title: r.data.title,
        isElection: r.data.matter === 'committee_election',
        candidates: r.data.candidates,
        choiceOptions: r.data.choiceOptions,
      });
    },

    onInput(e: DetailEvent<{ value: string }, { field: 'building' | 'room' }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },

    onChoice(e: DetailEvent<{ value: string }>) {
      this.setData({ 'form.choice': e.detail.value, formError: '' });
    },

    onMarks(e: DetailEvent<{ value: string[] }>) {
      this.setData({ 'form.marked': e.detail.value, formError: '' });
    },

    onPhotoAdd(e: DetailEvent<{ files: Array<{ url: string }> }>) {
      this.setData({ files: e.detail.files.slice(0, 1), formError: '' });
    },

    onPhotoRemove() {
      this.setData({ files: [] });
    },

    onSubmitTap() {
      const f = this.data.form;
      const missing =
        !f.building.trim() || !f.room.trim()
          ? '请填写楼栋和房号'
          : !this.data.isElection && !f.choice
            ? '请选择票面上的意见'
            : !this.data.files.length
              ? '请拍摄或上传签字选票的照片'
              : '';
      if (missing) {
        this.setData({ formError: missing });
        return;
      }
      this.setData({ confirmVisible: true });
    },

    onConfirmCancel() {
      this.setData({ confirmVisible: false });
    },

    async onConfirm(): Promise<void> {
      this.setData({ confirmVisible: false, submitting: true, formError: '' });
      const photo = await uploadFile(this.data.files[0].url, 'ballots');
      if (!photo.ok) {
        this.setData({ submitting: false, formError: photo.message });
        return;
      }
      const f = this.data.form;
      const marks: owners.Marks = this.data.isElection ? { candidates: f.marked } : { choice: f.choice as owners.Choice };
      const r = await owners.recordPaper({
        motionId: this.properties.motionId,
        building: f.building.trim(),
        room: f.room.trim(),
        photoFileId: photo.fileId,
        clientToken: this.data._token,
        ...marks,
      });
      this.setData({ submitting: false });
      if (!r.ok) {
        this.setData({ formError: r.error.message });
        return;
      }
      wx.showToast({ title: '已录入', icon: 'success' });
      // The next ballot is another owner's: a fresh form and token.
      this.setData({
        lastReceipt: `${f.building} ${f.room} 已录入，回执码 ${r.data.receipt}`,
        form: { ...EMPTY },
        files: [],
        _token: newClientToken(),
      });
    },
  },
});
