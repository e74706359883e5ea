// Cloud function `messages`: see docs/API.md. Bundled to dist/functions/messages/index.js.
import { messagesActions } from '../core/app/messages/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

/** Its actions, loaded whole: one module defines them all (the others load theirs by group: see admin's). */
export const actions = messagesActions;

export const main = createCloudEntry('messages', actions);
