// Cloud function `ratings`: see docs/API.md. Bundled to dist/functions/ratings/index.js.
// Each group of actions is loaded on its first call (core/runtime/lazy-actions.ts).
import { createCloudEntry } from '../core/runtime/cloud-entry';
import { LazyActions } from '../core/runtime/lazy-actions';

export const actions = new LazyActions(
  () => import('../core/app/ratings/actions').then((m) => m.ratingsActions),
  [
    [['board', 'firm', 'firmGrades'], () => import('../core/app/ratings/board-actions').then((m) => m.boardActions)],
    [['submit', 'mySheets', 'sheets'], () => import('../core/app/ratings/sheet-actions').then((m) => m.sheetActions)],
    [['period'], () => import('../core/app/ratings/period-query').then((m) => m.periodActions)],
    [['publish', 'recordSeriousItem'], () => import('../core/app/ratings/publish-actions').then((m) => m.publishActions)],
    [['export'], () => import('../core/app/ratings/export-actions').then((m) => m.exportActions)],
  ],
);

export const main = createCloudEntry('ratings', actions);
