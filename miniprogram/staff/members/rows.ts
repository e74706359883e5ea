// What 居民注册审核 / 成员管理 shows: who may use it, the filters, one row per member (with the actions
// the row offers) and the confirmation texts. Plain functions, tested alone.
import type { CommunityListItem, MemberPage, MemberView, Role, SelfView, UserStatus } from '../../../typings/api';
import { isStaff } from '../../utils/labels';

/** The two lists of the segmented filter. */
export type MemberTab = Extract<UserStatus, 'pending' | 'active'>;

/** What the role filter says when it filters nothing. */
export const ALL_ROLES = '全部角色';

/** The role filter of the 已通过 list, from the roles the server's answer offers: '' is every role. */
export function roleFilterOptions(filters: MemberPage['roleFilters']): Array<{ value: Role | ''; label: string }> {
  return [{ value: '', label: ALL_ROLES }, ...filters.map((f) => ({ value: f.role, label: f.label }))];
}

/** What a person who may not manage members is told (no retry: waiting will not help). */
export const FORBIDDEN_MESSAGE = '仅社区居委会工作人员、社区党组织和平台管理员可以审核居民注册';

/** Whether this whoami user may use the page (the server decides again on every call). */
export function canManageMembers(user: SelfView | null): user is SelfView {
  return !!user && user.status === 'active' && isStaff(user.roles);
}

/** The empty-list text of a tab, with the name of the role filtered by ('' for none). */
export function emptyText(tab: MemberTab, roleLabel: string): string {
  if (tab === 'pending') return '暂无待审核的申请';
  return roleLabel ? `暂无${roleLabel}` : '暂无已通过的成员';
}

/** One member as the list shows them. */
export interface MemberRow {
  userId: string;
  name: string;
  /** 江津花园 · 6栋 601 */
  place: string;
  phoneMasked: string;
  status: UserStatus;
  statusLabel: string;
  roles: string[];
  isPartyMember: boolean;
  /** 通过 is offered. */
  canApprove: boolean;
  /** 设为业委会成员 is offered: an approved resident not yet on the owners' committee. */
  canMakeOcMember: boolean;
  /** The last failed action on this row, in the server's words. */
  error: string;
}

/** compoundId → compound name of one community (empty when the list did not load). */
export function compoundNames(communities: readonly CommunityListItem[] | null, communityId: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const c of communities ?? []) {
    if (c.communityId !== communityId) continue;
    for (const k of c.compounds) names[k.compoundId] = k.name;
  }
  return names;
}

/** What a row shows of a member's standing and offers for it, from the server's view of them. */
function standingOf(m: Pick<MemberView, 'status' | 'statusLabel' | 'roles' | 'roleLabels'>) {
  return {
    status: m.status,
    statusLabel: m.statusLabel,
    roles: m.roleLabels,
    canApprove: m.status === 'pending',
    canMakeOcMember: m.status === 'active' && m.roles.includes('resident') && !m.roles.includes('oc_member'),
    error: '',
  };
}

/** The row of a member. */
export function memberRowOf(m: MemberView, compounds: Record<string, string>): MemberRow {
  const address = `${m.building} ${m.room}`.trim();
  return {
    userId: m.userId,
    name: m.name,
    place: [compounds[m.compoundId], address].filter(Boolean).join(' · '),
    phoneMasked: m.phoneMasked,
    isPartyMember: m.isPartyMember,
    ...standingOf(m),
  };
}

/**
 * The row after approve or grantRole answered with the member's new state. The answer's full phone
 * is not used: the list keeps showing the masked one.
 */
export function rowAfter(row: MemberRow, user: Pick<MemberView, 'status' | 'statusLabel' | 'roles' | 'roleLabels'>): MemberRow {
  return { ...row, ...standingOf(user) };
}

/** A confirmable action on a row. */
export type MemberAction = 'approve' | 'makeOcMember';

/** The confirmation dialog of an action. */
export function confirmationOf(action: MemberAction, name: string): { title: string; content: string; confirmBtn: string } {
  return action === 'approve'
    ? { title: '审核通过', content: `确认通过 ${name} 的注册申请？`, confirmBtn: '确认通过' }
    : { title: '设为业委会成员', content: `确认将 ${name} 设为业委会成员？`, confirmBtn: '确认设置' };
}

/** The toast after an action succeeded. */
export function successToastOf(action: MemberAction): string {
  return action === 'approve' ? '已通过' : '已设为业委会成员';
}
