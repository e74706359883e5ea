import { COMMON_REASONS } from '../reasons';

/** `error.reason` values of the `account` function (API.md). */
export const ACCOUNT_REASONS = [
  ...COMMON_REASONS,
  'ALREADY_REGISTERED',
  'NOT_PENDING',
  'ROLE_ALREADY_GRANTED',
  'STALE',
  'INVITATION_NOT_FOUND',
  'INVITATION_USED',
  'INVITATION_EXPIRED',
  'OTHER_FIRM',
  'ROLE_NOT_HELD',
] as const;
export type AccountReason = (typeof ACCOUNT_REASONS)[number];
