import type { NeedRefusalReason } from '../../domain/outreach-need';
import type { ReportRefusalReason } from '../../domain/outreach-report';
import { COMMON_REASONS, type Within } from '../reasons';

/** `error.reason` values of the `outreach` function (API.md). */
export const OUTREACH_REASONS = [
  ...COMMON_REASONS,
  // reporting in and building roles
  'NOT_PARTY_MEMBER',
  'NOT_HOME_COMMUNITY',
  'ALREADY_REPORTED_HERE',
  'ALREADY_REPORTED',
  'NOT_CONFIRMED_MEMBER',
  // needs and wishes
  'UNKNOWN_CATEGORY',
  'NOT_A_WISH',
  'ALREADY_REVIEWED',
  // claims
  'NEED_PENDING_REVIEW',
  'NEED_REJECTED',
  'NEED_DONE',
  'NEED_FULL',
  'ALREADY_CLAIMED',
  'NOT_CLAIMANT',
  'NOT_CLAIMED',
  'ALREADY_COMPLETED',
  'NOT_COMPLETED',
  // confirming reports and services
  'ALREADY_CONFIRMED',
  // thanks
  'NOT_REQUESTER',
  'NOT_DONE',
  'ALREADY_THANKED',
  // teams
  'LEADER_NOT_ELIGIBLE',
  'STALE',
] as const;
export type OutreachReason = (typeof OUTREACH_REASONS)[number];

// The domain's refusals are answered as reasons, so each must be listed above.
export type OutreachDomainReasons = Within<OutreachReason, NeedRefusalReason | ReportRefusalReason>;
