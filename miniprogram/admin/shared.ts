// What the setup pages share: who may use them, how a failure reads, how a share is shown.
import type { AppError, Role } from '../../typings/api';

/** Roles that set up and oversee (the city's admin, a street's staff). */
export const OVERSEER_ROLES: readonly Role[] = ['admin', 'street_admin'];

/** Roles that grant roles below them by invitation (RULES.md §9). */
export const GRANTER_ROLES: readonly Role[] = ['admin', 'street_admin', 'party_org', 'rc_staff'];

/** Shown when someone without those roles opens a setup page. */
export const NOT_OVERSEER = '仅平台管理员和街道工作人员可以使用';

/** A failure as a sentence: the server's message, with the first offending field's reason. */
export function failureText(error: AppError): string {
  const issue = error.issues?.[0]?.message;
  return issue && issue !== error.message ? `${error.message}：${issue}` : error.message;
}

/** A 0–1 share as a percentage ("15%"), '—' when there is none. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 1000) / 10}%`;
}
