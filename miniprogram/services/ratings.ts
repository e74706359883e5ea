// ratings: property-service rating sheets, the 红黑榜 and firms' credit history (API.md §5, docs/API.md).
// Types come from the server's own view and domain files by type-only import: those files are
// plain types and pure functions (no Node APIs), so the mini-program compiles them as they are.
import type { ApiResult, Page } from '../../typings/api';
import type { DimensionScores } from '../../cloudfunctions/core/domain/credit';
import type { Period } from '../../cloudfunctions/core/domain/period';
import type {
  BoardView,
  FirmGrade,
  FirmView,
  MySheetsView,
  PeriodView,
  SeriousItemView,
  SheetView,
} from '../../cloudfunctions/core/app/ratings/views';
import { call } from './transport';

export type { BoardView, DimensionScores, FirmGrade, FirmView, MySheetsView, Period, PeriodView, SeriousItemView, SheetView };

/** The input of `submit`. */
export interface SubmitSheetInput {
  compoundId: string;
  period: string;
  scores: DimensionScores;
  comment?: string;
}

/** 提交（或在发布前重新提交）物业服务评价表 */
export function submit(input: SubmitSheetInput): Promise<ApiResult<SheetView & { state: 'submitted' }>> {
  return call('ratings', 'submit', input);
}

/** 发布本期红黑榜（已发布的期次须填写重新发布理由） */
export function publish(input: { period: string; communityId?: string; reason?: string }): Promise<ApiResult<BoardView>> {
  return call('ratings', 'publish', input);
}

/** 获取红黑榜（不指定期次时为最近一期已发布结果） */
export function board(input: { period?: string; communityId?: string } = {}): Promise<ApiResult<BoardView>> {
  return call('ratings', 'board', input);
}

/** 获取物业企业信用档案 */
export function firm(firmId: string): Promise<ApiResult<FirmView>> {
  return call('ratings', 'firm', { firmId });
}

/** 获取物业企业最新信用等级（选聘物业时参考） */
export function firmGrades(firmIds: string[]): Promise<ApiResult<FirmGrade[]>> {
  return call('ratings', 'firmGrades', { firmIds });
}

/** 获取我的评价表（可评价的小区及状态） */
export function mySheets(period?: string): Promise<ApiResult<MySheetsView>> {
  return call('ratings', 'mySheets', period ? { period } : {});
}

/** 获取本期评价进度（社区工作人员） */
export function periodView(input: { period: string; communityId?: string }): Promise<ApiResult<PeriodView>> {
  return call('ratings', 'period', input);
}

/** 分页获取本期评价表（社区工作人员） */
export function sheets(input: {
  period: string;
  communityId?: string;
  compoundId?: string;
  cursor?: string;
  limit?: number;
}): Promise<ApiResult<Page<SheetView>>> {
  return call('ratings', 'sheets', input);
}

/** 记录物业企业重大事项（社区党组织，须附证据） */
export function recordSeriousItem(input: {
  compoundId: string;
  period: string;
  description: string;
  evidence: string[];
}): Promise<ApiResult<SeriousItemView>> {
  return call('ratings', 'recordSeriousItem', input);
}
