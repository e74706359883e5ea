import type { ActionMap } from '../action';
import { boardActions } from './board-actions';
import { exportActions } from './export-actions';
import { periodActions } from './period-query';
import { publishActions } from './publish-actions';
import { sheetActions } from './sheet-actions';

/** ratings: property-service rating sheets, publication of the 红黑榜, firm credit history. */
export const ratingsActions: ActionMap = {
  submit: sheetActions.submit,
  publish: publishActions.publish,
  board: boardActions.board,
  firm: boardActions.firm,
  firmGrades: boardActions.firmGrades,
  mySheets: sheetActions.mySheets,
  period: periodActions.period,
  sheets: sheetActions.sheets,
  recordSeriousItem: publishActions.recordSeriousItem,
  export: exportActions.export,
};
