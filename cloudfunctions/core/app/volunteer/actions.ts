import type { ActionMap } from '../action';

/** volunteer: the actions of API.md §5 (filled in by the volunteer feature). */
export const volunteerActions: ActionMap = {};
