// Cloud function `account`: see docs/API.md. Bundled to dist/functions/account/index.js.
import { accountActions } from '../core/app/account/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

export const main = createCloudEntry('account', accountActions);
