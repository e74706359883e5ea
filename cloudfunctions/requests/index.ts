// Cloud function `requests`: see docs/API.md. Bundled to dist/functions/requests/index.js.
// Each group of actions is loaded on its first call (core/runtime/lazy-actions.ts).
import { createCloudEntry } from '../core/runtime/cloud-entry';
import { LazyActions } from '../core/runtime/lazy-actions';

export const actions = new LazyActions(
  () => import('../core/app/requests/actions').then((m) => m.requestsActions),
  [
    [['get', 'list', 'revealPhone'], () => import('../core/app/requests/query-actions').then((m) => m.queryActions)],
    [['submit', 'similar', 'follow'], () => import('../core/app/requests/resident-actions').then((m) => m.residentActions)],
    [
      ['accept', 'reject', 'withdraw', 'update', 'deliberate', 'decide', 'rate', 'reopen', 'comment'],
      () => import('../core/app/requests/handling-actions').then((m) => m.handlingActions),
    ],
  ],
);

export const main = createCloudEntry('requests', actions);
