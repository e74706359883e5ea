// ratings: property-service rating sheets, the 红黑榜 and firms' credit history (API.md §5, docs/API.md).
// Typed one way, by type-only import: inputs are what the server's zod schemas accept (`z.input`),
// answers are the server's views, failures carry RatingsReason.
import type * as z from 'zod/mini';
import type { ApiResult, Page } from '../../typings/api';
import type * as schemas from '../../cloudfunctions/core/app/ratings/schemas';
import type { RatingsReason } from '../../cloudfunctions/core/app/ratings/reasons';
import type * as views from '../../cloudfunctions/core/app/ratings/views';
import type { ExportedFile } from '../staff/export-file';
import { functionCaller } from './transport';

export type * from '../../cloudfunctions/core/app/ratings/views';
export type { DimensionOption, DimensionScores } from '../../cloudfunctions/core/domain/credit';
export type { Period } from '../../cloudfunctions/core/domain/period';
export type { RatingsReason };

/** An answer of the ratings function. */
export type Result<T> = ApiResult<T, RatingsReason>;

type Input<K extends keyof typeof schemas> = (typeof schemas)[K] extends z.ZodMiniType ? z.input<(typeof schemas)[K]> : never;

export type SubmitSheetInput = Input<'submitInput'>;
/** ratings.board input: a period, a community or the city ranking (`scope: 'city'`). */
export type BoardInput = Input<'boardInput'>;

const ratingsCall = functionCaller<RatingsReason>('ratings');

/** 提交（或在发布前重新提交）物业服务评价表 */
export function submit(input: SubmitSheetInput): Promise<Result<views.SheetView & { state: 'submitted' }>> {
  return ratingsCall('submit', input);
}

/** 发布本期红黑榜（已发布的期次须填写重新发布理由） */
export function publish(input: Input<'publishInput'>): Promise<Result<views.BoardView>> {
  return ratingsCall('publish', input);
}

/** 获取红黑榜（不指定期次时为最近一期已发布结果） */
export function board(input: BoardInput = {}): Promise<Result<views.BoardView>> {
  return ratingsCall('board', input);
}

/** 获取物业企业信用档案 */
export function firm(firmId: string): Promise<Result<views.FirmView>> {
  return ratingsCall('firm', { firmId } satisfies Input<'firmInput'>);
}

/** 获取物业企业最新信用等级（选聘物业时参考） */
export function firmGrades(firmIds: string[]): Promise<Result<views.FirmGrade[]>> {
  return ratingsCall('firmGrades', { firmIds } satisfies Input<'firmGradesInput'>);
}

/** 获取我的评价表（可评价的小区及状态） */
export function mySheets(period?: string): Promise<Result<views.MySheetsView>> {
  const input: Input<'mySheetsInput'> = period ? { period } : {};
  return ratingsCall('mySheets', input);
}

/** 获取本期评价进度（社区工作人员） */
export function periodView(input: Input<'periodInput'>): Promise<Result<views.PeriodView>> {
  return ratingsCall('period', input);
}

/** 分页获取本期评价表（社区工作人员） */
export function sheets(input: Input<'sheetsInput'>): Promise<Result<Page<views.SheetView>>> {
  return ratingsCall('sheets', input);
}

/** 导出本期信用评价表（.xlsx，报住建部门信用评价） */
export function exportCredit(input: Input<'exportInput'>): Promise<Result<ExportedFile>> {
  return ratingsCall('export', input);
}

/** 记录物业企业重大事项（社区党组织，须附证据） */
export function recordSeriousItem(input: Input<'recordSeriousItemInput'>): Promise<Result<views.SeriousItemView>> {
  return ratingsCall('recordSeriousItem', input);
}
