// 城市管理 (admin subpackage): the setup and oversight pages the caller's roles allow (entries.ts).
import { adminPageBehavior } from '../behavior';
import type { DatasetEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { NOT_OVERSEER } from '../shared';
import { adminEntriesFor, type AdminEntry } from './entries';

Component({
  behaviors: [adminPageBehavior],

  data: { entries: [] as AdminEntry[] },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    /** The entries of the caller's roles (asked of the app's copy of whoami). */
    async load() {
      this.setData({ error: '', loading: true });
      // One load at a time: the page has no pull to refresh.
      const user = await this.callerFor(() => true);
      if (user === undefined) return;
      const entries = adminEntriesFor(user?.status === 'active' ? user.roles : []);
      this.setData({ loading: false, entries, forbidden: entries.length ? '' : NOT_OVERSEER });
    },

    onEntryTap(e: DatasetEvent<{ url: string }>) {
      openPage(e.currentTarget.dataset.url);
    },
  },
});
