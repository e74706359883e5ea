// Cloud function `community`: see docs/API.md. Bundled to dist/functions/community/index.js.
import { communityActions } from '../core/app/community/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

export const main = createCloudEntry('community', communityActions);
