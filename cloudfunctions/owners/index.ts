// Cloud function `owners`: see docs/API.md. Bundled to dist/functions/owners/index.js.
// Each group of actions is loaded on its first call (core/runtime/lazy-actions.ts).
import { createCloudEntry } from '../core/runtime/cloud-entry';
import { LazyActions } from '../core/runtime/lazy-actions';

export const actions = new LazyActions(
  () => import('../core/app/owners/actions').then((m) => m.ownersActions),
  [
    // These modules export each action on its own, beside helpers: the group is the listed ones.
    [
      ['list', 'get', 'draft', 'announce'],
      () => import('../core/app/owners/motion-actions').then(({ list, get, draft, announce }) => ({ list, get, draft, announce })),
    ],
    [
      ['vote', 'recordPaper', 'result', 'exportBallots'],
      () =>
        import('../core/app/owners/ballot-actions').then(({ vote, recordPaper, result, exportBallots }) => ({
          vote,
          recordPaper,
          result,
          exportBallots,
        })),
    ],
    [
      ['register', 'residents', 'linkUnit', 'importRegister'],
      () =>
        import('../core/app/owners/register-actions').then(({ register, residents, linkUnit, importRegister }) => ({
          register,
          residents,
          linkUnit,
          importRegister,
        })),
    ],
  ],
);

export const main = createCloudEntry('owners', actions);
