// What the revoke page shows: the places a person may look in (a street, community or compound,
// by the roles they hold, RULES.md §9) and each role holder there as a row. The server decides who
// is listed and who may revoke (account.listMembers with `holders`, account.revokeRole).
import type { StructureView } from '../../../typings/admin';
import type { HolderView, Role, SelfView } from '../../../typings/api';
import { formatTime } from '../../utils/china-time';
import { SCOPE_LABELS, scopeOptions, type Option } from '../invitable';

export type PlaceLevel = 'street' | 'community' | 'compound';

/** The input field naming a place of each level. */
export const PLACE_FIELD = { street: 'streetId', community: 'communityId', compound: 'compoundId' } as const;

/** Who may look at each level: the levels above the roles held there. */
const LOOKERS: Record<PlaceLevel, readonly Role[]> = {
  street: ['admin', 'street_admin'],
  community: ['admin', 'street_admin', 'party_org', 'rc_staff'],
  compound: ['admin', 'street_admin', 'party_org', 'rc_staff'],
};

/** The levels someone holding `roles` may pick, widest first. */
export function placeLevels(roles: readonly Role[]): Option[] {
  return (Object.keys(LOOKERS) as PlaceLevel[])
    .filter((level) => LOOKERS[level].some((r) => roles.includes(r)))
    .map((level) => ({ label: SCOPE_LABELS[level], value: level }));
}

/** The places of a level in the caller's structure, the caller's own community's first. */
export function placeOptions(level: PlaceLevel, view: StructureView, user: SelfView | null): Option[] {
  const options = scopeOptions(level, view);
  const own = level === 'community' ? user?.communityId : level === 'compound' ? user?.compoundId : '';
  const i = own ? options.findIndex((o) => o.value === own) : -1;
  return i > 0 ? [options[i], ...options.slice(0, i), ...options.slice(i + 1)] : options;
}

export interface HolderRow {
  key: string;
  userId: string;
  name: string;
  role: Role;
  roleLabel: string;
  scopeId: string;
  /** 居委会工作人员 · 红星社区 */
  held: string;
  /** 手机号 138****1234 · 2026-11-21 10:00 授予 */
  detail: string;
}

export function holderRowOf(h: HolderView): HolderRow {
  const granted = `${formatTime(h.grantedAt)} 授予`;
  return {
    key: `${h.userId}:${h.role}:${h.scopeId}`,
    userId: h.userId,
    name: h.nameMasked || '（未留姓名）',
    role: h.role,
    roleLabel: h.roleLabel,
    scopeId: h.scopeId,
    held: `${h.roleLabel} · ${h.scopeName}`,
    detail: h.phoneMasked ? `手机号 ${h.phoneMasked} · ${granted}` : granted,
  };
}
