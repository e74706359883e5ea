// Cloud function `requests`: see docs/API.md. Bundled to dist/functions/requests/index.js.
import { requestsActions } from '../core/app/requests/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

export const main = createCloudEntry('requests', requestsActions);
