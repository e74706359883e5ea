import type { CollectionSpec } from '../../ports/store';

/** Collections of the ratings feature. */
export const ratingsCollections: CollectionSpec[] = [];
