// Cloud function `admin`: see docs/API.md. Bundled to dist/functions/admin/index.js.
// Each group of actions is loaded on its first call (core/runtime/lazy-actions.ts).
import { createCloudEntry } from '../core/runtime/cloud-entry';
import { LazyActions } from '../core/runtime/lazy-actions';

export const actions = new LazyActions(
  () => import('../core/app/admin/actions').then((m) => m.adminActions),
  [
    [['structure', 'compound', 'rules'], () => import('../core/app/admin/read').then((m) => m.readActions)],
    [
      ['createStreet', 'createCommunity', 'createCompound', 'registerFirm', 'assignFirm', 'setRules'],
      () => import('../core/app/admin/structure').then((m) => m.structureActions),
    ],
    [['firms'], () => import('../core/app/admin/firms').then((m) => m.firmsActions)],
    [['overview'], () => import('../core/app/admin/overview').then((m) => m.overviewActions)],
    [['importStructure'], () => import('../core/app/admin/import').then((m) => m.importActions)],
    [['exportLedger'], () => import('../core/app/admin/ledger').then((m) => m.ledgerActions)],
  ],
);

export const main = createCloudEntry('admin', actions);
