import { COMMON_REASONS } from '../reasons';

/** `error.reason` values of the `community` function (API.md): only the common ones. */
export const COMMUNITY_REASONS = [...COMMON_REASONS] as const;
export type CommunityReason = (typeof COMMUNITY_REASONS)[number];
