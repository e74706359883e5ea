import type { ActionMap } from './action';
import { accountActions } from './account/actions';
import { adminActions } from './admin/actions';
import { communityActions } from './community/actions';
import { messagesActions } from './messages/actions';
import { ownersActions } from './owners/actions';
import { outreachActions } from './outreach/actions';
import { ratingsActions } from './ratings/actions';
import { requestsActions } from './requests/actions';
import { volunteerActions } from './volunteer/actions';

/** The user-callable cloud functions and their actions (the scheduler is timer-only). */
export const FUNCTIONS = {
  account: accountActions,
  community: communityActions,
  volunteer: volunteerActions,
  requests: requestsActions,
  ratings: ratingsActions,
  messages: messagesActions,
  admin: adminActions,
  owners: ownersActions,
  outreach: outreachActions,
} satisfies Record<string, ActionMap>;

export type FunctionName = keyof typeof FUNCTIONS;

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}
