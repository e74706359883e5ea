import type { ActionMap } from '../action';
import { exportBallots, recordPaper, result, vote } from './ballot-actions';
import { announce, draft, get, list } from './motion-actions';
import { importRegister, linkUnit, register, residents } from './register-actions';

/** The `owners` function (业主共同决定, API.md §6, RULES.md §6). */
export const ownersActions: ActionMap = {
  importRegister,
  register,
  residents,
  linkUnit,
  draft,
  announce,
  list,
  get,
  vote,
  recordPaper,
  result,
  exportBallots,
};
