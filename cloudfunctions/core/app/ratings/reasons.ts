import { COMMON_REASONS } from '../reasons';

/** `error.reason` values of the `ratings` function (API.md). */
export const RATINGS_REASONS = [
  ...COMMON_REASONS,
  'NOT_A_RATER',
  'RATED_FIRM_STAFF',
  'PERIOD_NOT_STARTED',
  'PERIOD_PUBLISHED',
  'EMPTY_PERIOD',
  'REASON_REQUIRED',
  'PERIOD_CHANGED',
  'NOT_PUBLISHED',
  'EXPORT_TOO_LARGE',
] as const;
export type RatingsReason = (typeof RATINGS_REASONS)[number];
