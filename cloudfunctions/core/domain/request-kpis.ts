/**
 * The 接诉即办 triad of RULES.md §2 (response, resolution, satisfaction) plus open and overdue
 * counts, computed from the requests themselves. Pure: the caller gives the requests and `now`.
 */
import type { RequestStatus } from './request-state';
import { isActive } from './request-state';
import { isOverdue, RESPONSE_HOURS, within } from './request-time-limits';

/** The facts of one request the KPIs need. */
export interface KpiFacts {
  status: RequestStatus;
  createdAt: string;
  acceptedAt: string | null;
  /** When it was closed, rejected or withdrawn. */
  closedAt: string | null;
  dueAt: string;
  /** Set while resolved or after (closed); cleared when reopened. */
  resolvedAt: string | null;
  rating: { score: number } | null;
}

/** The KPIs of a set of requests. Rates are 0–1 (4 decimals), null when their base is empty. */
export interface RequestKpis {
  total: number;
  open: number;
  overdue: number;
  /** Answered (accepted, or refused with a reason) within 24 h, among requests answered or waiting 24 h; withdrawn ones excluded. */
  responseRate: number | null;
  /** Resolved or closed after resolution, among accepted. */
  resolutionRate: number | null;
  /** Scores ≥ 4 among rated; closing without feedback is not a rating. */
  satisfactionRate: number | null;
}

const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/** Satisfied means a score of 4 or 5 (RULES.md §2). */
export const SATISFIED_MIN_SCORE = 4;

/** The KPIs of `requests` at `now`. */
export function requestKpis(requests: readonly KpiFacts[], now: Date): RequestKpis {
  let open = 0;
  let overdue = 0;
  let responseBase = 0;
  let responded = 0;
  let accepted = 0;
  let resolved = 0;
  let rated = 0;
  let satisfied = 0;
  const nowIso = now.toISOString();
  for (const r of requests) {
    const active = isActive(r.status);
    if (active) open++;
    if (isOverdue(r.dueAt, active, now)) overdue++;
    if (r.status !== 'withdrawn') {
      const answeredAt = r.acceptedAt ?? (r.status === 'rejected' ? r.closedAt : null);
      if (answeredAt) {
        responseBase++;
        if (within(r.createdAt, answeredAt, RESPONSE_HOURS)) responded++;
      } else if (!within(r.createdAt, nowIso, RESPONSE_HOURS)) {
        // Unanswered and its 24 hours are over: a missed response.
        responseBase++;
      }
    }
    if (r.acceptedAt) {
      accepted++;
      if (r.resolvedAt && (r.status === 'resolved' || r.status === 'closed')) resolved++;
    }
    if (r.rating) {
      rated++;
      if (r.rating.score >= SATISFIED_MIN_SCORE) satisfied++;
    }
  }
  return {
    total: requests.length,
    open,
    overdue,
    responseRate: rate(responded, responseBase),
    resolutionRate: rate(resolved, accepted),
    satisfactionRate: rate(satisfied, rated),
  };
}
