import type { ActionMap } from '../action';
import { firmsActions } from './firms';
import { importActions } from './import';
import { readActions } from './read';
import { ledgerActions } from './ledger';
import { overviewActions } from './overview';
import { structureActions } from './structure';

/** admin: setting up and overseeing a city (shared API.md §6). */
export const adminActions: ActionMap = {
  ...structureActions,
  ...importActions,
  ...readActions,
  ...firmsActions,
  ...ledgerActions,
  ...overviewActions,
};
