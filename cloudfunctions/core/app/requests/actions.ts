import type { ActionMap } from '../action';
import { handlingActions } from './handling-actions';
import { queryActions } from './query-actions';
import { residentActions } from './resident-actions';

/** requests: resident requests through the tripartite mechanism (三方联动). */
export const requestsActions: ActionMap = {
  submit: residentActions.submit,
  get: queryActions.get,
  list: queryActions.list,
  similar: residentActions.similar,
  follow: residentActions.follow,
  accept: handlingActions.accept,
  reject: handlingActions.reject,
  withdraw: handlingActions.withdraw,
  update: handlingActions.update,
  deliberate: handlingActions.deliberate,
  decide: handlingActions.decide,
  rate: handlingActions.rate,
  reopen: handlingActions.reopen,
  comment: handlingActions.comment,
  revealPhone: queryActions.revealPhone,
};
