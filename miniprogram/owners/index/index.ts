// 业主表决: the motions of the caller's compound, newest first. Convenors (业委会, 居委会) draft
// motions and open the register from here; when the compound's firm is on the black list the
// committee sees 提议更换物业服务企业, which drafts a `manager` motion.
import { loadedPageBehavior } from '../../behaviors/page';
import * as owners from '../service';
import type { DatasetEvent } from '../../utils/events';
import { chinaTime, STATUS_THEMES } from '../format';

interface Row {
  motionId: string;
  title: string;
  matterLabel: string;
  statusLabel: string;
  statusTheme: string;
  when: string;
  outcome: string;
}

function rowOf(m: owners.MotionList['items'][number]): Row {
  return {
    motionId: m.motionId,
    title: m.title,
    matterLabel: m.matterLabel,
    statusLabel: m.statusLabel,
    statusTheme: STATUS_THEMES[m.status],
    when: `表决时间 ${chinaTime(m.opensAt)} 至 ${chinaTime(m.closesAt)}`,
    outcome: m.outcomeLabel ?? '',
  };
}

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  properties: {
    compoundId: { type: String, value: '' },
  },

  data: {
    rows: [] as Row[],
    compoundId: '',
    canDraft: false,
    proposeReplacement: false,
  },

  pageLifetimes: {
    show() {
      // Back from drafting or voting: show the change.
      if (!this.data.loading && !this.data.error) this.load(true);
    },
  },

  methods: {
    async load(quiet = false): Promise<void> {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '' });
      const r = await owners.list(this.properties.compoundId ? { compoundId: this.properties.compoundId } : {});
      if (!fresh()) return;
      if (!r.ok) {
        this.setData({ loading: false, error: r.error.message });
        return;
      }
      this.setData({
        loading: false,
        error: '',
        rows: r.data.items.map(rowOf),
        compoundId: r.data.compoundId,
        canDraft: r.data.canDraft,
        proposeReplacement: r.data.proposeReplacement,
      });
    },

    onOpen(e: DatasetEvent<{ id: string }>) {
      wx.navigateTo({ url: `/owners/motion/index?motionId=${e.currentTarget.dataset.id}` });
    },

    onDraft() {
      wx.navigateTo({ url: `/owners/draft/index?compoundId=${this.data.compoundId}` });
    },

    onProposeReplacement() {
      wx.navigateTo({ url: `/owners/draft/index?compoundId=${this.data.compoundId}&matter=manager` });
    },

    onRegister() {
      wx.navigateTo({ url: `/owners/register/index?compoundId=${this.data.compoundId}` });
    },
  },
});
