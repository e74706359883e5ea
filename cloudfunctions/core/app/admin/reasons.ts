import { COMMON_REASONS } from '../reasons';

/** `error.reason` values of the `admin` function (API.md). */
export const ADMIN_REASONS = [
  ...COMMON_REASONS,
  'FIRM_EXISTS',
  'FUTURE_DATE',
  'NOT_AFTER_LAST',
  'ALREADY_SERVING',
  'EXPORT_TOO_LARGE',
] as const;
export type AdminReason = (typeof ADMIN_REASONS)[number];
