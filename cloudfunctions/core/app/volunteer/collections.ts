import type { CollectionSpec } from '../../ports/store';

/** Collections of the volunteer feature. */
export const volunteerCollections: CollectionSpec[] = [];
