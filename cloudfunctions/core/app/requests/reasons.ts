import type { RequestRefusalReason } from '../../domain/request-state';
import { COMMON_REASONS, type Within } from '../reasons';

/** `error.reason` values of the `requests` function (API.md). */
export const REQUESTS_REASONS = [
  ...COMMON_REASONS,
  // the state machine (domain/request-state.ts)
  'NOT_YOUR_ROLE',
  'WRONG_STATUS',
  'LEAD_IN_CO_HANDLERS',
  'ALREADY_RATED',
  'POSITION_RECORDED',
  'ALREADY_ESCALATED',
  'DELIBERATION_CLOSED',
  'MAJOR_NOT_CLEARED',
  'NOT_DUE',
  'NOT_MAJOR',
  'NOT_OBJECTED',
  'NOT_OVERDUE',
  'REOPEN_WINDOW_PASSED',
  // the use cases
  'NOT_RESIDENT_OF_COMPOUND',
  'NOT_HANDLING',
  'NO_INBOX',
  'OWN_REQUEST',
  'ALREADY_FOLLOWING',
  'STALE',
] as const;
export type RequestsReason = (typeof REQUESTS_REASONS)[number];

// The state machine's refusals are answered as reasons, so each must be listed above.
export type RequestsDomainReasons = Within<RequestsReason, RequestRefusalReason>;
