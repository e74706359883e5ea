/**
 * The `error.reason` values of the API (API.md, "Reasons"). Each function lists its own in
 * `<function>/reasons.ts` as a string-literal union the mini-program imports with `import type`;
 * `fail` accepts only these, so a reason is documented before it can be answered.
 */
import type { AccountReason } from './account/reasons';
import type { AdminReason } from './admin/reasons';
import type { CommunityReason } from './community/reasons';
import type { OwnersReason } from './owners/reasons';
import type { OutreachReason } from './outreach/reasons';
import type { RatingsReason } from './ratings/reasons';
import type { RequestsReason } from './requests/reasons';
import type { VolunteerReason } from './volunteer/reasons';
import { UNAVAILABLE_REASONS } from '../ports/unavailable';

/**
 * Reasons any function may answer: the access levels, idempotency (API.md, Conventions), the
 * platform's `UNAVAILABLE` reasons (ports/unavailable.ts) and a deployment missing a setting.
 */
export const COMMON_REASONS = [
  'NOT_REGISTERED',
  'ACCOUNT_NOT_ACTIVE',
  'CLIENT_TOKEN_REUSED',
  'REQUEST_IN_PROGRESS',
  ...UNAVAILABLE_REASONS,
  /** With UNAVAILABLE: the function was deployed without a required setting (runtime/cloud-entry.ts). */
  'FUNCTION_NOT_CONFIGURED',
] as const;
export type CommonReason = (typeof COMMON_REASONS)[number];

/** Every reason of every function. */
export type Reason =
  | CommonReason
  | AccountReason
  | AdminReason
  | CommunityReason
  | VolunteerReason
  | RequestsReason
  | RatingsReason
  | OwnersReason
  | OutreachReason;

/** Compiles only when every member of `Small` is one of `Big`: a domain's reasons must be listed. */
export type Within<Big extends string, Small extends Big> = Small;
