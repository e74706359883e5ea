// 我的: who I am (unregistered, under review, approved with roles), my entries, and in local mode
// the demo account switcher.
import { loadedPageBehavior } from '../../behaviors/page';
import type { CommunityListItem } from '../../../typings/api';
import { config } from '../../config';
import { list as listCommunities } from '../../services/community';
import { refreshMe } from '../../services/session';
import { myTeams } from '../../services/teams';
import { profile as volunteerProfile } from '../../services/volunteer';
import { DEMO_ACCOUNTS, devAccountLabel, devOpenid, setDevOpenid } from '../../utils/dev-account';
import type { DatasetEvent, DetailEvent } from '../../utils/events';
import { refreshBadge } from '../../utils/badge';
import { openPage } from '../../utils/navigate';
import { entriesFor, type MineEntry } from './entries';
import { PENDING_MESSAGE, profileOf, type Profile } from './profile';

Component({
  behaviors: [loadedPageBehavior],

  options: { pureDataPattern: /^_/ },

  data: {
    profile: null as Profile | null,
    entries: [] as MineEntry[],
    /** Unread messages, shown on the 我的消息 cell as on the tab. */
    unread: 0,
    pendingMessage: PENDING_MESSAGE,
    isLocal: false,
    devOpenid: '',
    devAccountLabel: '',
    devAccountOptions: DEMO_ACCOUNTS.map((a) => ({ label: a.label, value: a.openid })),
    accountPickerVisible: false,
  },

  lifetimes: {
    attached() {
      this.setData({ isLocal: config.mode === 'local' });
    },
  },

  methods: {
    /** Page lifecycle: back from registration or another tab, show the current state. */
    onShow() {
      if (this.data.profile || this.data.error) this.load(true);
    },

    /** Loads whoami (and community names for the address); `quiet` keeps the current view meanwhile. */
    async load(quiet = false): Promise<void> {
      const fresh = this.beginLoad();
      const openid = devOpenid();
      this.setData({ devOpenid: openid, devAccountLabel: devAccountLabel(openid) });
      if (!quiet) this.setData({ loading: true, error: '' });
      // 我的 shows the caller's current standing: asked afresh each time, with whether they volunteer.
      const [me, list, mine, teams] = await Promise.all([refreshMe(), listCommunities({ mine: true }), volunteerProfile(), myTeams()]);
      if (!fresh()) return;
      if (!me.ok) {
        this.setData({ loading: false, error: me.error.message, profile: null });
        return;
      }
      if (me.data.user) refreshBadge().then((unread) => this.setData({ unread }));
      const communities: CommunityListItem[] | null = list.ok ? list.data : null;
      const profile = profileOf(me.data, communities);
      this.setData({
        loading: false,
        error: '',
        profile,
        // 志愿者登记 goes only when the server says they volunteer already; unanswered, its page asks again.
        // 我的团队 goes only to a team's leader, as the server says; unanswered, it stays hidden.
        entries:
          profile.state === 'active' && me.data.user
            ? entriesFor(me.data.user.roles, mine.ok && mine.data !== null, undefined, teams.ok && teams.data.length > 0)
            : [],
      });
    },

    onRegister() {
      openPage('/pages/register/index');
    },

    /** Staff invited by the level above take their role with the code, without registering. */
    onRedeem() {
      openPage('/admin/redeem/index');
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
