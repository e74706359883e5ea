import { COMMON_REASONS } from '../reasons';

/** `error.reason` values of the `account` function (API.md). */
export const ACCOUNT_REASONS = [...COMMON_REASONS, 'ALREADY_REGISTERED', 'NOT_PENDING', 'ROLE_ALREADY_GRANTED', 'STALE'] as const;
export type AccountReason = (typeof ACCOUNT_REASONS)[number];
