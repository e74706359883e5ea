// Cloud function `admin`: see docs/API.md. Bundled to dist/functions/admin/index.js.
import { adminActions } from '../core/app/admin/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

export const main = createCloudEntry('admin', adminActions);
