import type { ActionMap } from '../action';

/** ratings: the actions of API.md §5 (filled in by the ratings feature). */
export const ratingsActions: ActionMap = {};
