import type { ActionMap } from '../action';

/** requests: the actions of API.md §5 (filled in by the requests feature). */
export const requestsActions: ActionMap = {};
