// Cloud function `outreach`: see docs/API.md. Bundled to dist/functions/outreach/index.js.
// Each group of actions is loaded on its first call (core/runtime/lazy-actions.ts).
import { createCloudEntry } from '../core/runtime/cloud-entry';
import { LazyActions } from '../core/runtime/lazy-actions';

export const actions = new LazyActions(
  () => import('../core/app/outreach/actions').then((m) => m.outreachActions),
  [
    [
      ['needCategories', 'publishNeed', 'wish', 'reviewWish', 'listNeeds', 'getNeed', 'myNeeds'],
      () => import('../core/app/outreach/need-actions').then((m) => m.needActions),
    ],
    [['claim', 'complete', 'confirmDone', 'thank'], () => import('../core/app/outreach/claim-actions').then((m) => m.claimActions)],
    [
      ['report', 'myReports', 'listReports', 'confirmReport', 'appointBuildingRole', 'vacateBuildingRole'],
      () => import('../core/app/outreach/report-actions').then((m) => m.reportActions),
    ],
    [['createTeam', 'setTeamLeader', 'listTeams', 'myTeams'], () => import('../core/app/outreach/team-actions').then((m) => m.teamActions)],
    [['unitFeedback'], () => import('../core/app/outreach/feedback').then((m) => m.feedbackActions)],
  ],
);

export const main = createCloudEntry('outreach', actions);
