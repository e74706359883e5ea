// Cloud function `volunteer`: see docs/API.md. Bundled to dist/functions/volunteer/index.js.
import { volunteerActions } from '../core/app/volunteer/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

export const main = createCloudEntry('volunteer', volunteerActions);
