// requests: resident requests through the tripartite mechanism (三方联动), API.md §5. Typed one way,
// by type-only import: inputs are what the server's zod schemas accept (`z.input`), answers are the
// server's views, failures carry RequestsReason.
import type * as z from 'zod/mini';
import type { ApiResult, Page } from '../../typings/api';
import type { RequestCategory } from '../../cloudfunctions/core/domain/request-categories';
import type { MeetingOutcome, Position } from '../../cloudfunctions/core/domain/request-state';
import type { RequestSummary } from '../../cloudfunctions/core/app/requests/request';
import type * as schemas from '../../cloudfunctions/core/app/requests/schemas';
import type { RequestsReason } from '../../cloudfunctions/core/app/requests/reasons';
import type * as views from '../../cloudfunctions/core/app/requests/views';
import { functionCaller } from './transport';

export type * from '../../cloudfunctions/core/app/requests/views';
export type { RequestAction, RequestStatus } from '../../cloudfunctions/core/domain/request-state';
export type { Tier } from '../../cloudfunctions/core/domain/request-time-limits';
export type { Party } from '../../cloudfunctions/core/domain/roles';
export type { InboxQueue } from '../../cloudfunctions/core/app/requests/inbox';
export type { InboxItem, InboxRole } from '../../cloudfunctions/core/app/requests/request';
export type { MeetingOutcome, Position, RequestCategory, RequestSummary, RequestsReason };

/** An answer of the requests function. */
export type Result<T> = ApiResult<T, RequestsReason>;

export type SubmitRequestInput = z.input<typeof schemas.submitInput>;
export type ListRequestsInput = z.input<typeof schemas.listInput>;
export type AcceptInput = z.input<typeof schemas.acceptInput>;
type Input<K extends keyof typeof schemas> = (typeof schemas)[K] extends z.ZodMiniType ? z.input<(typeof schemas)[K]> : never;

const requestsCall = functionCaller<RequestsReason>('requests');

/** 提交诉求 */
export function submit(input: SubmitRequestInput): Promise<Result<views.SubmitAnswer>> {
  return requestsCall('submit', input);
}

/** 获取诉求详情（含办理时间线与可执行操作） */
export function get(requestId: string): Promise<Result<views.RequestView>> {
  return requestsCall('get', { requestId } satisfies Input<'requestRef'>);
}

/** 我的诉求 / 小区公示列表 */
export function list(input: ListRequestsInput & { scope: 'mine' | 'public' }): Promise<Result<Page<RequestSummary>>> {
  return requestsCall('list', input);
}

/** 诉求待办（超时优先） */
export function inbox(input: Omit<ListRequestsInput, 'scope'> = {}): Promise<Result<views.InboxPage>> {
  return requestsCall('list', { ...input, scope: 'inbox' } satisfies ListRequestsInput);
}

/** 提交前查看同类未办结的公开诉求 */
export function similar(compoundId: string, category: RequestCategory): Promise<Result<{ items: RequestSummary[] }>> {
  return requestsCall('similar', { compoundId, category } satisfies Input<'similarInput'>);
}

/** 关注一条同类诉求（代替重复提交） */
export function follow(requestId: string): Promise<Result<views.FollowAnswer>> {
  return requestsCall('follow', { requestId } satisfies Input<'requestRef'>);
}

/** 受理并分派（居委会） */
export function accept(input: AcceptInput): Promise<Result<views.RequestView>> {
  return requestsCall('accept', input);
}

/** 不予受理（居委会，须说明理由） */
export function reject(requestId: string, reason: string): Promise<Result<views.RequestView>> {
  return requestsCall('reject', { requestId, reason } satisfies Input<'rejectInput'>);
}

/** 撤回（受理前） */
export function withdraw(requestId: string): Promise<Result<views.RequestView>> {
  return requestsCall('withdraw', { requestId } satisfies Input<'requestRef'>);
}

/** 记录进展或办结（牵头方） */
export function update(
  requestId: string,
  status: 'in_progress' | 'resolved',
  note: string,
  photos?: string[],
): Promise<Result<views.RequestView>> {
  const input: Input<'updateInput'> = photos && photos.length ? { requestId, status, note, photos } : { requestId, status, note };
  return requestsCall('update', input);
}

/** 重大事项三方表态 */
export function deliberate(requestId: string, position: Position, opinion: string): Promise<Result<views.RequestView>> {
  return requestsCall('deliberate', { requestId, position, opinion } satisfies Input<'deliberateInput'>);
}

/** 记录联席会议协调结果（社区党组织） */
export function decide(requestId: string, outcome: MeetingOutcome, note: string): Promise<Result<views.RequestView>> {
  return requestsCall('decide', { requestId, outcome, note } satisfies Input<'decideInput'>);
}

/** 评价（1–5 分，是否解决） */
export function rate(requestId: string, score: number, solved: boolean, comment?: string): Promise<Result<views.RequestView>> {
  const input: Input<'rateInput'> = comment ? { requestId, score, solved, comment } : { requestId, score, solved };
  return requestsCall('rate', input);
}

/** 申请重新办理 */
export function reopen(requestId: string, reason: string): Promise<Result<views.RequestView>> {
  return requestsCall('reopen', { requestId, reason } satisfies Input<'reopenInput'>);
}

/** 留言 */
export function comment(requestId: string, note: string): Promise<Result<views.RequestView>> {
  return requestsCall('comment', { requestId, note } satisfies Input<'commentInput'>);
}

/** 查看居民完整手机号（留痕） */
export function revealPhone(requestId: string): Promise<Result<views.RevealedPhone>> {
  return requestsCall('revealPhone', { requestId } satisfies Input<'requestRef'>);
}
