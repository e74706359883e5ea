// Cloud function `account`: see docs/API.md. Bundled to dist/functions/account/index.js.
import { accountActions } from '../core/app/account/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

/** Its actions, loaded whole: one module defines them all (the others load theirs by group: see admin's). */
export const actions = accountActions;

export const main = createCloudEntry('account', actions);
