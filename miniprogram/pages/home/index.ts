// 首页: a greeting with the caller's community, what to do next when not yet approved, and the
// entry tiles of the product's features.
import type { SelfView } from '../../../typings/api';
import * as account from '../../services/account';
import * as community from '../../services/community';
import type { DatasetEvent } from '../../utils/events';
import { pageStyle } from '../../utils/font';
import { openPage } from '../../utils/navigate';
import { PENDING_MESSAGE } from '../mine/profile';
import { tilesFor, type HomeTile } from './tiles';

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    pageStyle: '',
    loading: true,
    error: '',
    greeting: '您好',
    communityName: '',
    /** '' (active), 'unregistered', 'pending' or 'disabled': what the notice under the greeting says. */
    standing: '',
    pendingMessage: PENDING_MESSAGE,
    tiles: tilesFor(null) as HomeTile[],
    _loadSeq: 0,
  },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
      this.load();
    },
  },

  methods: {
    onShow() {
      if (!this.data.loading) this.load();
    },

    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh());
    },

    async load(): Promise<void> {
      const seq = this.data._loadSeq + 1;
      this.setData({ _loadSeq: seq, loading: true, error: '' });
      const [me, list] = await Promise.all([account.whoami(), community.list()]);
      if (seq !== this.data._loadSeq) return;
      if (!me.ok) {
        this.setData({ loading: false, error: me.error.message });
        return;
      }
      const user: SelfView | null = me.data.user;
      const home = list.ok && user ? list.data.find((c) => c.communityId === user.communityId) : undefined;
      this.setData({
        loading: false,
        greeting: user ? `您好，${user.name}` : '您好',
        communityName: home?.name ?? '',
        standing: !user ? 'unregistered' : user.status === 'active' ? '' : user.status,
        tiles: tilesFor(user),
      });
    },

    onRetry() {
      this.load();
    },

    onRegister() {
      openPage('/pages/register/index');
    },

    onTileTap(e: DatasetEvent<{ url: string }>) {
      openPage(e.currentTarget.dataset.url);
    },
  },
});
