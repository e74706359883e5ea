/**
 * Party members reporting in to a community (RULES.md §7, 在职党员双报到): the two kinds of
 * report, the building roles a confirmed member may hold, and the feedback to each member's unit
 * (报到反馈) totalled from the records. Pure: no I/O.
 */
import type { NeedKind } from './outreach-categories';
import { compareZh } from './collation';

/** `residence`: the community where the member lives; `paired`: the one their unit is paired with. */
export type ReportKind = 'residence' | 'paired';
export const REPORT_KINDS = ['residence', 'paired'] as const satisfies readonly ReportKind[];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  residence: '居住地社区报到',
  paired: '单位结对社区报到',
};

export type ReportStatus = 'pending' | 'confirmed';
export const REPORT_STATUSES = ['pending', 'confirmed'] as const satisfies readonly ReportStatus[];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { pending: '待社区确认', confirmed: '已确认' };

/** 楼栋党小组长 / 楼栋长. */
export type BuildingRole = 'party_group_leader' | 'building_head';
export const BUILDING_ROLES = ['party_group_leader', 'building_head'] as const satisfies readonly BuildingRole[];

export const BUILDING_ROLE_LABELS: Record<BuildingRole, string> = {
  party_group_leader: '楼栋党小组长',
  building_head: '楼栋长',
};

/** The stable reasons of `reportRefusal` (answered as `error.reason`). */
export type ReportRefusalReason = 'NOT_PARTY_MEMBER' | 'NOT_HOME_COMMUNITY' | 'ALREADY_REPORTED_HERE';

/**
 * Why a report is refused: a residence report goes to the community the member is registered in;
 * a member reports once per kind and not twice to one community.
 */
export function reportRefusal(
  input: { kind: ReportKind; communityId: string },
  member: { isPartyMember: boolean; homeCommunityId: string },
  other: { communityId: string } | null,
): { code: 'FORBIDDEN' | 'INVALID_INPUT' | 'CONFLICT'; reason: ReportRefusalReason; message: string } | null {
  if (!member.isPartyMember) return { code: 'FORBIDDEN', reason: 'NOT_PARTY_MEMBER', message: '只有党员可以到社区报到' };
  if (input.kind === 'residence' && input.communityId !== member.homeCommunityId) {
    return { code: 'INVALID_INPUT', reason: 'NOT_HOME_COMMUNITY', message: '居住地报到须选择您登记居住的社区' };
  }
  if (other && other.communityId === input.communityId) {
    return { code: 'CONFLICT', reason: 'ALREADY_REPORTED_HERE', message: '您已向该社区报到' };
  }
  return null;
}

/** One member's reporting and services in a period, as the unit sees them. */
export interface MemberFeedback {
  userId: string;
  name: string;
  unitName: string;
  branchName: string;
  communityName: string;
  kind: ReportKind;
  kindLabel: string;
  status: ReportStatus;
  reportedAt: string;
  confirmedAt: string | null;
  buildingRoles: string[];
  /** Confirmed services in the period, by kind. */
  services: Record<NeedKind, number>;
  /** Hours of attended volunteer activities in the period. */
  hours: number;
}

export interface UnitFeedback {
  unitName: string;
  members: MemberFeedback[];
  totals: { members: number; confirmed: number; general: number; professional: number; hours: number };
}

/** Members grouped by unit (units by name, members by name), each unit with its totals. */
export function groupByUnit(members: readonly MemberFeedback[]): UnitFeedback[] {
  const units = new Map<string, MemberFeedback[]>();
  for (const m of members) units.set(m.unitName, [...(units.get(m.unitName) ?? []), m]);
  return [...units.entries()]
    .sort(([a], [b]) => compareZh(a, b))
    .map(([unitName, list]) => {
      const sorted = [...list].sort((a, b) => compareZh(a.name, b.name) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
      return {
        unitName,
        members: sorted,
        totals: {
          members: sorted.length,
          confirmed: sorted.filter((m) => m.status === 'confirmed').length,
          general: sorted.reduce((s, m) => s + m.services.general, 0),
          professional: sorted.reduce((s, m) => s + m.services.professional, 0),
          hours: Math.round(sorted.reduce((s, m) => s + m.hours, 0) * 10) / 10,
        },
      };
    });
}

/** A share of a whole, to four decimals; null when the whole is zero. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}
