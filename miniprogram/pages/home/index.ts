// 首页: a greeting with the caller's community, what to do next when not yet approved, and the
// entry tiles of the product's features.
import { loadedPageBehavior } from '../../behaviors/page';
import type { SelfView } from '../../../typings/api';
import * as community from '../../services/community';
import type { DatasetEvent } from '../../utils/events';
import { showBadge } from '../../utils/badge';
import { openPage } from '../../utils/navigate';
import { PENDING_MESSAGE } from '../mine/profile';
import { tilesFor, type HomeTile } from './tiles';
import { refreshMe } from '../../services/session';

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    greeting: '您好',
    communityName: '',
    /** '' (active), 'unregistered', 'pending' or 'disabled': what the notice under the greeting says. */
    standing: '',
    pendingMessage: PENDING_MESSAGE,
    tiles: tilesFor(null) as HomeTile[],
  },

  methods: {
    onShow() {
      // A tab page: its show refreshes the 我的 badge (before load asks whoami again, so it shares the app's).
      showBadge();
      if (!this.data.loading) this.load();
    },

    async load(): Promise<void> {
      const fresh = this.beginLoad();
      this.setData({ loading: true, error: '' });
      const [who, list] = await Promise.all([refreshMe(), community.list({ mine: true })]);
      if (!fresh()) return;
      if (!who.ok) {
        this.setData({ loading: false, error: who.error.message });
        return;
      }
      const user: SelfView | null = who.data.user;
      const home = list.ok && user ? list.data.find((c) => c.communityId === user.communityId) : undefined;
      this.setData({
        loading: false,
        greeting: user ? `您好，${user.name}` : '您好',
        communityName: home?.name ?? '',
        standing: !user ? 'unregistered' : user.status === 'active' ? '' : user.status,
        tiles: tilesFor(user),
      });
    },

    onRegister() {
      openPage('/pages/register/index');
    },

    onTileTap(e: DatasetEvent<{ url: string }>) {
      openPage(e.currentTarget.dataset.url);
    },
  },
});
