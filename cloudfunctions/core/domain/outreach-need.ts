/**
 * Service needs and their claims (RULES.md §7, 需求清单 and 微心愿): the states, and which step is
 * allowed in which state. A need has `slots` claimants at most (one unless it asks for more);
 * each claim moves claimed → completed (by the claimant) → confirmed (by staff). Pure: no I/O.
 */

/**
 * - `pending_review`: a resident's wish waiting for staff;
 * - `rejected`: a wish staff turned down (reason kept);
 * - `open`: published, claims taken while slots remain;
 * - `done`: every slot's service confirmed.
 */
export type NeedStatus = 'pending_review' | 'rejected' | 'open' | 'done';
export const NEED_STATUSES = ['pending_review', 'rejected', 'open', 'done'] as const satisfies readonly NeedStatus[];

/** Where a need came from: published by the community, or a resident's wish. */
export type NeedSource = 'community' | 'wish';

export type ClaimStatus = 'claimed' | 'completed' | 'confirmed';
export const CLAIM_STATUSES = ['claimed', 'completed', 'confirmed'] as const satisfies readonly ClaimStatus[];

export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  pending_review: '待审核',
  rejected: '未通过',
  open: '可认领',
  done: '已完成',
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  claimed: '已认领',
  completed: '已提交完成',
  confirmed: '社区已确认',
};

/** A need's state as people read it: an open need whose slots are all taken is 服务中, not 可认领. */
export function needStatusLabel(n: { status: NeedStatus; claimedCount: number; slots: number }): string {
  return n.status === 'open' && n.claimedCount >= n.slots ? '服务中' : NEED_STATUS_LABELS[n.status];
}

/** The most claimants one need may ask for. */
export const MAX_NEED_SLOTS = 50;

/** The stable reasons of the refusals below (answered as `error.reason`). */
export type NeedRefusalReason =
  | 'NEED_PENDING_REVIEW'
  | 'NEED_REJECTED'
  | 'NEED_DONE'
  | 'NEED_FULL'
  | 'ALREADY_COMPLETED'
  | 'NOT_COMPLETED'
  | 'ALREADY_CONFIRMED'
  | 'NOT_A_WISH'
  | 'ALREADY_REVIEWED'
  | 'NOT_REQUESTER'
  | 'NOT_DONE'
  | 'ALREADY_THANKED';

/** A refusal: the API code it maps to and a stable reason. */
export interface Refusal {
  code: 'INVALID_STATE' | 'CONFLICT' | 'FORBIDDEN';
  reason: NeedRefusalReason;
  message: string;
}

const refusal = (code: Refusal['code'], reason: NeedRefusalReason, message: string): Refusal => ({ code, reason, message });

/** Why a need cannot be claimed now (slots are checked again by the conditional write). */
export function claimRefusal(need: { status: NeedStatus; openSlots: number }): Refusal | null {
  if (need.status === 'pending_review') return refusal('INVALID_STATE', 'NEED_PENDING_REVIEW', '该需求尚在审核中');
  if (need.status === 'rejected') return refusal('INVALID_STATE', 'NEED_REJECTED', '该需求未通过审核');
  if (need.status === 'done') return refusal('INVALID_STATE', 'NEED_DONE', '该需求已完成');
  if (need.openSlots <= 0) return refusal('INVALID_STATE', 'NEED_FULL', '该需求已有人认领');
  return null;
}

/** Why the claimant cannot mark their claim done. */
export function completeRefusal(claim: { status: ClaimStatus }): Refusal | null {
  if (claim.status !== 'claimed') return refusal('INVALID_STATE', 'ALREADY_COMPLETED', '您已提交完成');
  return null;
}

/** Why staff cannot confirm a claim: only a completed claim is confirmed, once. */
export function confirmRefusal(claim: { status: ClaimStatus }): Refusal | null {
  if (claim.status === 'claimed') return refusal('INVALID_STATE', 'NOT_COMPLETED', '认领人尚未提交完成，不能确认');
  if (claim.status === 'confirmed') return refusal('INVALID_STATE', 'ALREADY_CONFIRMED', '该服务已确认完成');
  return null;
}

/** The need's status once `doneCount` of its slots are confirmed. */
export function statusAfterConfirm(doneCount: number, slots: number): NeedStatus {
  return doneCount >= slots ? 'done' : 'open';
}

/** Why a wish cannot be reviewed: only a wish waiting for review. */
export function reviewRefusal(need: { source: NeedSource; status: NeedStatus }): Refusal | null {
  if (need.source !== 'wish') return refusal('INVALID_STATE', 'NOT_A_WISH', '只有微心愿需要审核');
  if (need.status !== 'pending_review') return refusal('INVALID_STATE', 'ALREADY_REVIEWED', '该微心愿已审核');
  return null;
}

/** Why the resident cannot thank: their own wish, once, after a service was confirmed. */
export function thankRefusal(
  need: { source: NeedSource; requesterId: string | null; doneCount: number; thanked: boolean },
  callerId: string,
): Refusal | null {
  if (need.source !== 'wish' || need.requesterId !== callerId) return refusal('FORBIDDEN', 'NOT_REQUESTER', '只有提出心愿的居民可以致谢');
  if (need.doneCount === 0) return refusal('INVALID_STATE', 'NOT_DONE', '服务确认完成后才能致谢');
  if (need.thanked) return refusal('CONFLICT', 'ALREADY_THANKED', '您已致谢');
  return null;
}
