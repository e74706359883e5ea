import type { ActionMap } from '../action';
import { claimActions } from './claim-actions';
import { feedbackActions } from './feedback';
import { needActions } from './need-actions';
import { reportActions } from './report-actions';
import { teamActions } from './team-actions';

/** outreach: party members reporting in, service needs and 微心愿, teams (RULES.md §7, API.md §6). */
export const outreachActions: ActionMap = {
  ...reportActions,
  ...needActions,
  ...claimActions,
  ...feedbackActions,
  ...teamActions,
};
