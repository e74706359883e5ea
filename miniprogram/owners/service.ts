// owners: owners' decisions under 民法典 art. 278 — the register, motions, ballots, results (API.md §6,
// docs/API.md). Output types come from the server's view file by type-only import (plain types and
// pure functions, no Node APIs); inputs mirror cloudfunctions/core/app/owners/schemas.ts.
import type { ApiResult } from '../../typings/api';
import type { Choice, Matter } from '../../cloudfunctions/core/domain/owners-count';
import type { MotionStatus } from '../../cloudfunctions/core/domain/owners-motion';
import type {
  ImportResult,
  MotionList,
  MotionView,
  RegisterRowInput,
  RegisterView,
  ResidentView,
  ResultView,
  VoteReceipt,
} from '../../cloudfunctions/core/app/owners/views';
import { call } from '../services/transport';

export type { Choice, ImportResult, Matter, MotionList, MotionStatus, MotionView, RegisterView, ResidentView, ResultView, VoteReceipt };

/** A page of residents not linked to an owner yet. */
export interface ResidentPage {
  items: ResidentView[];
  nextCursor: string | null;
}

/** What a ballot says: a choice, or the marked candidates of an election. */
export type Marks = { choice: Choice } | { candidates: string[] };

/** 导入业主名册（表格文件或逐行） */
export function importRegister(
  input: { compoundId: string; fileId: string } | { compoundId: string; rows: RegisterRowInput[] },
): Promise<ApiResult<ImportResult>> {
  return call('owners', 'importRegister', input);
}

/** 查看业主名册（可只看未关联住户的房屋） */
export function register(input: {
  compoundId: string;
  unlinkedOnly?: boolean;
  cursor?: string;
  limit?: number;
}): Promise<ApiResult<RegisterView>> {
  return call('owners', 'register', input);
}

/** 本小区尚未关联业主的住户（业委会手工关联时选择） */
export function residents(input: { compoundId: string; cursor?: string; limit?: number }): Promise<ApiResult<ResidentPage>> {
  return call('owners', 'residents', input);
}

/** 业委会手工关联住户与房屋 */
export function linkUnit(input: {
  compoundId: string;
  userId: string;
  building: string;
  room: string;
}): Promise<ApiResult<{ linked: true }>> {
  return call('owners', 'linkUnit', input);
}

export interface DraftInput {
  compoundId: string;
  matter: Matter;
  title: string;
  text: string;
  opensAt: string;
  closesAt: string;
  candidates?: string[];
  seats?: number;
  requestId?: string;
}

/** 起草表决事项 */
export function draft(input: DraftInput): Promise<ApiResult<{ motionId: string; status: 'draft' }>> {
  return call('owners', 'draft', input);
}

/** 发布表决公告 */
export function announce(motionId: string): Promise<ApiResult<{ motionId: string; status: 'announced' }>> {
  return call('owners', 'announce', { motionId });
}

/** 本小区的表决事项 */
export function list(
  input: { compoundId?: string; status?: MotionStatus; cursor?: string; limit?: number } = {},
): Promise<ApiResult<MotionList>> {
  return call('owners', 'list', input);
}

/** 表决事项详情、参与情况与我的回执 */
export function get(motionId: string): Promise<ApiResult<MotionView>> {
  return call('owners', 'get', { motionId });
}

/** 投票（提交后不可更改） */
export function vote(input: { motionId: string; clientToken: string } & Marks): Promise<ApiResult<VoteReceipt>> {
  return call('owners', 'vote', input);
}

/** 业委会录入纸质选票 */
export function recordPaper(
  input: { motionId: string; building: string; room: string; photoFileId: string; clientToken: string } & Marks,
): Promise<ApiResult<VoteReceipt>> {
  return call('owners', 'recordPaper', input);
}

/** 表决结果（结束后公布） */
export function result(motionId: string): Promise<ApiResult<ResultView>> {
  return call('owners', 'result', { motionId });
}
