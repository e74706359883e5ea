// Cloud function `messages`: see docs/API.md. Bundled to dist/functions/messages/index.js.
import { messagesActions } from '../core/app/messages/actions';
import { createCloudEntry } from '../core/runtime/cloud-entry';

export const main = createCloudEntry('messages', messagesActions);
