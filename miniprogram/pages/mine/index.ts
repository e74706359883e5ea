// 我的: who I am (unregistered, under review, approved with roles), my entries, and in local mode
// the demo account switcher.
import type { CommunityListItem } from '../../../typings/api';
import { config } from '../../config';
import * as account from '../../services/account';
import * as community from '../../services/community';
import { DEMO_ACCOUNTS, devAccountLabel, devOpenid, setDevOpenid } from '../../utils/dev-account';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { openPage } from '../../utils/navigate';
import { entriesFor, type MineEntry } from './entries';
import { PENDING_MESSAGE, profileOf, type Profile } from './profile';

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    profile: null as Profile | null,
    entries: [] as MineEntry[],
    pendingMessage: PENDING_MESSAGE,
    isLocal: false,
    devOpenid: '',
    devAccountLabel: '',
    devAccountOptions: DEMO_ACCOUNTS.map((a) => ({ label: a.label, value: a.openid })),
    accountPickerVisible: false,
    /** Number of the latest load; answers of older loads are dropped. */
    _loadSeq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle(), isLocal: config.mode === 'local' });
      this.load();
    },
  },

  methods: {
    /** Page lifecycle: back from registration or another tab, show the current state. */
    onShow() {
      if (this.data.profile || this.data.error) this.load(true);
    },

    onPullDownRefresh() {
      this.load(true).then(() => wx.stopPullDownRefresh());
    },

    /** Loads whoami (and community names for the address); `quiet` keeps the current view meanwhile. */
    async load(quiet = false): Promise<void> {
      const seq = this.data._loadSeq + 1;
      const openid = devOpenid();
      this.setData({ _loadSeq: seq, devOpenid: openid, devAccountLabel: devAccountLabel(openid) });
      if (!quiet) this.setData({ loading: true, error: '' });
      const [me, list] = await Promise.all([account.whoami(), community.list()]);
      if (seq !== this.data._loadSeq) return;
      if (!me.ok) {
        this.setData({ loading: false, error: me.error.message, profile: null });
        return;
      }
      const communities: CommunityListItem[] | null = list.ok ? list.data : null;
      const profile = profileOf(me.data, communities);
      this.setData({
        loading: false,
        error: '',
        profile,
        entries: profile.state === 'active' && me.data.user ? entriesFor(me.data.user.roles) : [],
      });
    },

    onRetry() {
      this.load();
    },

    onRegister() {
      openPage('/pages/register/index');
    },

    onEntryTap(e: DatasetEvent<{ url: string }>) {
      openPage(e.currentTarget.dataset.url);
    },

    openAccountPicker() {
      this.setData({ accountPickerVisible: true });
    },

    closeAccountPicker() {
      this.setData({ accountPickerVisible: false });
    },

    onAccountConfirm(e: DetailEvent<{ value: string[] }>) {
      const openid = e.detail.value[0];
      this.setData({ accountPickerVisible: false });
      if (!openid || openid === this.data.devOpenid) return;
      setDevOpenid(openid);
      this.load();
    },
  },
});
