// Cloud function `community`: see docs/API.md. Bundled to dist/functions/community/index.js.
import { communityActions } from '../core/app/community/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

/** Its actions, loaded whole: one module defines them all (the others load theirs by group: see admin's). */
export const actions = communityActions;

export const main = createCloudEntry('community', actions);
