// Cloud function `outreach`: see docs/API.md. Bundled to dist/functions/outreach/index.js.
import { outreachActions } from '../core/app/outreach/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

export const main = createCloudEntry('outreach', outreachActions);
