/**
 * The lifecycle of a motion put to the owners (RULES.md §6): draft → announced (at least
 * `noticeDays` before voting opens) → voting (opensAt–closesAt) → closed, with a frozen result.
 */
import type { Matter } from './owners-count';

export type MotionStatus = 'draft' | 'announced' | 'voting' | 'closed';
export const MOTION_STATUSES = ['draft', 'announced', 'voting', 'closed'] as const satisfies readonly MotionStatus[];
export const MOTION_STATUS_LABELS: Record<MotionStatus, string> = {
  draft: '草稿',
  announced: '已公告',
  voting: '表决中',
  closed: '已结束',
};

const DAY_MS = 24 * 3600 * 1000;
/** The longest voting window we accept. */
export const MAX_VOTING_DAYS = 90;
/** The most candidates an election may list. */
export const MAX_CANDIDATES = 30;

export interface MotionShape {
  matter: Matter;
  opensAt: Date;
  closesAt: Date;
  candidates?: readonly string[];
  seats?: number;
}

/** What is wrong with a motion's shape (window, candidates and seats), or null. */
export function checkShape(m: MotionShape): { field: string; message: string } | null {
  if (m.closesAt.getTime() <= m.opensAt.getTime()) return { field: 'closesAt', message: '截止时间须晚于开始时间' };
  if (m.closesAt.getTime() - m.opensAt.getTime() > MAX_VOTING_DAYS * DAY_MS)
    return { field: 'closesAt', message: `表决期不能超过 ${MAX_VOTING_DAYS} 天` };
  const candidates = m.candidates ?? [];
  if (m.matter === 'committee_election') {
    if (candidates.length === 0) return { field: 'candidates', message: '选举须列出候选人' };
    if (new Set(candidates).size !== candidates.length) return { field: 'candidates', message: '候选人不能重复' };
    if (!m.seats || m.seats < 1 || m.seats > candidates.length) return { field: 'seats', message: '应选人数须在 1 与候选人数之间' };
  } else if (candidates.length > 0 || m.seats !== undefined) {
    return { field: 'candidates', message: '只有选举事项可以列候选人' };
  }
  return null;
}

/** The earliest opening an announcement made at `now` allows. */
export function earliestOpening(now: Date, noticeDays: number): Date {
  return new Date(now.getTime() + noticeDays * DAY_MS);
}

export type LifecycleRefusal = 'NOT_DRAFT' | 'NOTICE_TOO_SHORT';

/** Whether a draft may be announced at `now`. */
export function checkAnnounce(status: MotionStatus, opensAt: Date, now: Date, noticeDays: number): LifecycleRefusal | null {
  if (status !== 'draft') return 'NOT_DRAFT';
  if (opensAt.getTime() < earliestOpening(now, noticeDays).getTime()) return 'NOTICE_TOO_SHORT';
  return null;
}

/** The step the scheduler owes a motion at `now`: open it, close it, or nothing. */
export function dueStep(status: MotionStatus, opensAt: Date, closesAt: Date, now: Date): 'open' | 'close' | null {
  const t = now.getTime();
  if (status === 'announced' && t >= opensAt.getTime()) return 'open';
  if (status === 'voting' && t >= closesAt.getTime()) return 'close';
  return null;
}

export type VoteWindowRefusal = 'NOT_OPEN_YET' | 'CLOSED';

/** Whether a ballot may be cast at `now` (an announced motion whose opening has come is open). */
export function checkVoteWindow(status: MotionStatus, opensAt: Date, closesAt: Date, now: Date): VoteWindowRefusal | null {
  const t = now.getTime();
  if (status === 'draft' || t < opensAt.getTime()) return 'NOT_OPEN_YET';
  if (status === 'closed' || t >= closesAt.getTime()) return 'CLOSED';
  return null;
}
