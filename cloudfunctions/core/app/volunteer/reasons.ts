import type { ActivityTimeReason } from '../../domain/activity';
import type { AttendanceTimeProblem } from '../../domain/hours';
import type { CancelRefusal, SignupClosedReason } from '../../domain/signup';
import { COMMON_REASONS, type Within } from '../reasons';

/** `error.reason` values of the `volunteer` function (API.md). */
export const VOLUNTEER_REASONS = [
  ...COMMON_REASONS,
  // registering
  'ALREADY_VOLUNTEER',
  'NOT_VOLUNTEER',
  // publishing and cancelling activities
  'START_IN_PAST',
  'END_NOT_AFTER_START',
  'TOO_LONG',
  'TOO_FAR_AHEAD',
  'DEADLINE_AFTER_START',
  'DEADLINE_IN_PAST',
  // signing up and cancelling
  'ACTIVITY_CANCELLED',
  'ACTIVITY_FINISHED',
  'ACTIVITY_STARTED',
  'SIGNUP_DEADLINE_PASSED',
  'ACTIVITY_FULL',
  'ALREADY_SIGNED_UP',
  'COMMUNITY_ONLY',
  'TIME_CONFLICT',
  'NOT_SIGNED_UP',
  // attendance
  'NOT_CONFIRMED',
  'NOT_CHECKED_IN',
  'ALREADY_CHECKED_IN',
  'ALREADY_CHECKED_OUT',
  'TIME_IN_FUTURE',
  'CHECK_IN_TOO_EARLY',
  'ACTIVITY_ENDED',
  'CHECK_OUT_BEFORE_CHECK_IN',
  'CHECK_OUT_AFTER_END',
  'CHECK_OUT_TIME_REQUIRED',
  'CORRECTION_WINDOW_CLOSED',
  'STALE',
] as const;
export type VolunteerReason = (typeof VOLUNTEER_REASONS)[number];

// The domain's refusals are answered as reasons, so each must be listed above.
export type VolunteerDomainReasons = Within<
  VolunteerReason,
  ActivityTimeReason | AttendanceTimeProblem | SignupClosedReason | CancelRefusal
>;
