// Cloud function `ratings`: see docs/API.md. Bundled to dist/functions/ratings/index.js.
import { ratingsActions } from '../core/app/ratings/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

export const main = createCloudEntry('ratings', ratingsActions);
