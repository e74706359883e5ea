// 我的团队 (a team's leader, RULES.md §7): each team the caller leads, with its figures and its
// activities — upcoming, and the latest ended — each opening its roster (check-in, check-out, a
// missing check-out); 发布活动 opens the create page with the team chosen. The server decides again
// on every call: a leader replaced meanwhile sees no team here and is refused on the roster.
import { loadedPageBehavior } from '../../behaviors/page';
import { myTeams } from '../../services/teams';
import * as volunteer from '../../services/volunteer';
import type { DatasetEvent } from '../../utils/events';
import { openPage } from '../../utils/navigate';
import { rosterUrl, teamCard, type TeamCard } from './view';

/** Ended activities shown per team (the latest). */
const PAST_SHOWN = 5;

Component({
  behaviors: [loadedPageBehavior],

  data: {
    teams: [] as TeamCard[],
  },

  pageLifetimes: {
    // Back from publishing or the roster: show the current figures.
    show() {
      if (this.data.teams.length) this.load(true);
    },
  },

  methods: {
    async load(quiet = false): Promise<void> {
      const fresh = this.beginLoad();
      if (!quiet) this.setData({ loading: true, error: '' });
      const teams = await myTeams();
      if (!fresh()) return;
      if (!teams.ok) {
        this.setData({ loading: false, error: teams.error.message });
        return;
      }
      const lists = await Promise.all(
        teams.data.map((t) =>
          Promise.all([
            volunteer.listActivities({ communityId: t.communityId, teamId: t.teamId, when: 'upcoming', limit: 20 }),
            volunteer.listActivities({ communityId: t.communityId, teamId: t.teamId, when: 'past', limit: PAST_SHOWN }),
          ]),
        ),
      );
      if (!fresh()) return;
      const failed = lists.flat().find((r) => !r.ok);
      if (failed && !failed.ok) {
        this.setData({ loading: false, error: failed.error.message });
        return;
      }
      const items = (r: (typeof lists)[number][number]) => (r.ok ? r.data.items : []);
      this.setData({
        loading: false,
        error: '',
        teams: teams.data.map((t, i) => teamCard(t, items(lists[i][0]), items(lists[i][1]))),
      });
    },

    onCreate(e: DatasetEvent<{ url: string }>) {
      openPage(e.currentTarget.dataset.url);
    },

    onActivity(e: DatasetEvent<{ id: string }>) {
      openPage(rosterUrl(e.currentTarget.dataset.id));
    },
  },
});
