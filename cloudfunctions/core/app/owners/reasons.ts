import type { LifecycleRefusal, VoteWindowRefusal } from '../../domain/owners-motion';
import { COMMON_REASONS, type Within } from '../reasons';

/** `error.reason` values of the `owners` function (API.md). */
export const OWNERS_REASONS = [
  ...COMMON_REASONS,
  // the register
  'BAD_SPREADSHEET',
  'MISSING_COLUMNS',
  // the lifecycle (domain/owners-motion.ts)
  'NOT_MAJOR',
  'NOT_DRAFT',
  'NOTICE_TOO_SHORT',
  'NO_REGISTER',
  'NOT_OPEN_YET',
  'CLOSED',
  'NOT_CLOSED',
  // ballots
  'ALREADY_VOTED',
  // a link decided on units or a link changed under each of its tries (owners.linkUnit)
  'STALE',
] as const;
export type OwnersReason = (typeof OWNERS_REASONS)[number];

// The lifecycle's refusals are answered as reasons, so each must be listed above.
export type OwnersDomainReasons = Within<OwnersReason, LifecycleRefusal | VoteWindowRefusal>;
