// 社区工作台 (staff subpackage): the entries of the community staff pages (entries.ts) and, for an
// organiser (居委会 / 社区党组织 of the community), its coming activities, each opening its 报名名单与签到.
import { loadedPageBehavior } from '../../behaviors/page';
import * as volunteer from '../../services/volunteer';
import type { DatasetEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { formatWindow, seatsText } from '../../pages/volunteer/format';
import { isOrganiser, STAFF_ENTRIES } from './entries';

/** How many coming activities the workbench lists. */
const COMING = 10;

interface ComingRow {
  activityId: string;
  title: string;
  line: string;
}

Component({
  behaviors: [loadedPageBehavior],

  data: {
    entries: STAFF_ENTRIES,
    /** The caller organises the community's activities: the coming ones are listed. */
    organiser: false,
    coming: [] as ComingRow[],
  },

  methods: {
    async load(quiet = false): Promise<void> {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '' });
      const user = await this.callerFor(fresh);
      if (user === undefined) return;
      if (!user || !isOrganiser(user)) {
        this.setData({ loading: false, organiser: false });
        return;
      }
      const res = await volunteer.listActivities({ communityId: user.communityId, when: 'upcoming', limit: COMING });
      if (!fresh()) return;
      if (!res.ok) {
        this.setData({ loading: false, organiser: true, error: res.error.message });
        return;
      }
      this.setData({
        loading: false,
        error: '',
        organiser: true,
        coming: res.data.items.map((a) => ({
          activityId: a.activityId,
          title: a.title,
          line: `${formatWindow(a.startAt, a.endAt)} · ${seatsText(a)}`,
        })),
      });
    },

    onEntryTap(e: DatasetEvent<{ url: string }>) {
      openPage(e.currentTarget.dataset.url);
    },

    onCreate() {
      openPage('/staff/volunteer/create/index');
    },

    onRoster(e: DatasetEvent<{ id: string }>) {
      openPage(`/staff/volunteer/roster/index?activityId=${e.currentTarget.dataset.id}`);
    },
  },
});
