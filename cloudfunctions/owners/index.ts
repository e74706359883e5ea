// Cloud function `owners`: see docs/API.md. Bundled to dist/functions/owners/index.js.
import { ownersActions } from '../core/app/owners/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

export const main = createCloudEntry('owners', ownersActions);
