// requests: resident requests through the tripartite mechanism (三方联动), API.md §5. Output types
// come from the server's views by type-only import; inputs are written here, mirroring
// cloudfunctions/core/app/requests/schemas.ts.
import type { ApiResult, Page } from '../../typings/api';
import type { RequestCategory } from '../../cloudfunctions/core/domain/request-categories';
import type { MeetingOutcome, Position, RequestAction, RequestStatus } from '../../cloudfunctions/core/domain/request-state';
import type { Tier } from '../../cloudfunctions/core/domain/request-time-limits';
import type { Party } from '../../cloudfunctions/core/domain/roles';
import type { InboxItem, InboxRole, RequestSummary } from '../../cloudfunctions/core/app/requests/request';
import type { RequestView, TimelineView } from '../../cloudfunctions/core/app/requests/views';
import { call } from './transport';

export type {
  InboxItem,
  InboxRole,
  MeetingOutcome,
  Party,
  Position,
  RequestAction,
  RequestCategory,
  RequestStatus,
  RequestSummary,
  RequestView,
  Tier,
  TimelineView,
};

/** The inbox a staff member works from. */
export type InboxQueue = Party | 'party_org';

/** requests.submit input. */
export interface SubmitRequestInput {
  category: RequestCategory;
  title: string;
  description: string;
  compoundId: string;
  isPublic?: boolean;
  photos?: string[];
  clientToken?: string;
}

/** requests.submit result. */
export interface SubmitResult {
  requestId: string;
  status: RequestStatus;
  dueAt: string;
  tier: Tier;
}

/** requests.list input. */
export interface ListRequestsInput {
  scope: 'mine' | 'inbox' | 'public';
  status?: RequestStatus;
  compoundId?: string;
  queue?: InboxQueue;
  open?: boolean;
  cursor?: string;
  limit?: number;
}

/** requests.list with scope inbox: the page, which inbox it is, and the caller's inboxes. */
export interface InboxPage extends Page<InboxItem> {
  queue: InboxQueue;
  queues: InboxQueue[];
}

/** requests.accept input. */
export interface AcceptInput {
  requestId: string;
  leadParty: Party;
  coHandlers?: Party[];
  tier?: Tier;
  major?: boolean;
  note?: string;
}

/** 提交诉求 */
export function submit(input: SubmitRequestInput): Promise<ApiResult<SubmitResult>> {
  return call<SubmitResult>('requests', 'submit', input);
}

/** 获取诉求详情（含办理时间线与可执行操作） */
export function get(requestId: string): Promise<ApiResult<RequestView>> {
  return call<RequestView>('requests', 'get', { requestId });
}

/** 我的诉求 / 小区公示列表 */
export function list(input: ListRequestsInput & { scope: 'mine' | 'public' }): Promise<ApiResult<Page<RequestSummary>>> {
  return call<Page<RequestSummary>>('requests', 'list', input);
}

/** 待办诉求（超时优先） */
export function inbox(input: Omit<ListRequestsInput, 'scope'> = {}): Promise<ApiResult<InboxPage>> {
  return call<InboxPage>('requests', 'list', { ...input, scope: 'inbox' });
}

/** 提交前查看同类未办结的公开诉求 */
export function similar(compoundId: string, category: RequestCategory): Promise<ApiResult<{ items: RequestSummary[] }>> {
  return call<{ items: RequestSummary[] }>('requests', 'similar', { compoundId, category });
}

/** 关注一条同类诉求（代替重复提交） */
export function follow(requestId: string): Promise<ApiResult<{ requestId: string; following: boolean; followers: number }>> {
  return call('requests', 'follow', { requestId });
}

/** 受理并分派（居委会） */
export function accept(input: AcceptInput): Promise<ApiResult<RequestView>> {
  return call<RequestView>('requests', 'accept', input);
}

/** 不予受理（居委会，须说明理由） */
export function reject(requestId: string, reason: string): Promise<ApiResult<RequestView>> {
  return call<RequestView>('requests', 'reject', { requestId, reason });
}

/** 撤回（受理前） */
export function withdraw(requestId: string): Promise<ApiResult<RequestView>> {
  return call<RequestView>('requests', 'withdraw', { requestId });
}

/** 记录进展或办结（牵头方） */
export function update(
  requestId: string,
  status: 'in_progress' | 'resolved',
  note: string,
  photos?: string[],
): Promise<ApiResult<RequestView>> {
  return call<RequestView>(
    'requests',
    'update',
    photos && photos.length ? { requestId, status, note, photos } : { requestId, status, note },
  );
}

/** 重大事项三方表态 */
export function deliberate(requestId: string, position: Position, opinion: string): Promise<ApiResult<RequestView>> {
  return call<RequestView>('requests', 'deliberate', { requestId, position, opinion });
}

/** 记录联席会议协调结果（社区党组织） */
export function decide(requestId: string, outcome: MeetingOutcome, note: string): Promise<ApiResult<RequestView>> {
  return call<RequestView>('requests', 'decide', { requestId, outcome, note });
}

/** 评价（1–5 分，是否解决） */
export function rate(requestId: string, score: number, solved: boolean, comment?: string): Promise<ApiResult<RequestView>> {
  return call<RequestView>('requests', 'rate', comment ? { requestId, score, solved, comment } : { requestId, score, solved });
}

/** 申请重新办理 */
export function reopen(requestId: string, reason: string): Promise<ApiResult<RequestView>> {
  return call<RequestView>('requests', 'reopen', { requestId, reason });
}

/** 留言 */
export function comment(requestId: string, note: string): Promise<ApiResult<RequestView>> {
  return call<RequestView>('requests', 'comment', { requestId, note });
}

/** 查看居民完整手机号（留痕） */
export function revealPhone(requestId: string): Promise<ApiResult<{ requestId: string; name: string; phone: string }>> {
  return call('requests', 'revealPhone', { requestId });
}
