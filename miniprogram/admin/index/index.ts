// 城市管理 (admin subpackage): the setup and oversight pages the caller's roles allow (entries.ts).
import { pageBehavior } from '../../behaviors/page';
import { me } from '../../services/session';
import type { DatasetEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { NOT_OVERSEER } from '../shared';
import { adminEntriesFor, type AdminEntry } from './entries';

Component({
  behaviors: [pageBehavior],

  data: { loading: true, error: '', forbidden: '', entries: [] as AdminEntry[] },

  lifetimes: {
    attached() {
      this.load();
    },
  },

  methods: {
    async load() {
      const fresh = this.beginLoad();
      this.setData({ loading: true, error: '' });
      const who = await me();
      if (!fresh()) return;
      if (!who.ok) {
        this.setData({ loading: false, error: who.error.message });
        return;
      }
      const entries = adminEntriesFor(who.data.user?.status === 'active' ? who.data.user.roles : []);
      this.setData({ loading: false, entries, forbidden: entries.length ? '' : NOT_OVERSEER });
    },

    refresh() {
      return this.load();
    },

    onRetry() {
      this.load();
    },

    onEntryTap(e: DatasetEvent<{ url: string }>) {
      openPage(e.currentTarget.dataset.url);
    },
  },
});
