import type { CollectionSpec } from '../../ports/store';

/** Collections of the requests feature. */
export const requestsCollections: CollectionSpec[] = [];
