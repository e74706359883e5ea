// Backend answers for the staff member and statistics pages, shaped like the demo seed.
import type { CommunityStats, MemberPage, MemberView } from '../../../typings/api';
import { MEMBER_ROLE_FILTERS, MEMBER_STATUS_TABS, roleLabels } from '../../../cloudfunctions/core/app/account/user';
import { categoryHours, SERVICE_KINDS } from '../../../cloudfunctions/core/app/community/stats';
import { MEMBER_STATUS_LABELS } from '../../../cloudfunctions/core/domain/roles';
import { ok, user, whoamiAs } from '../fixtures';
import { settle, type PageHandle } from '../harness';

/** whoami of 居委会工作人员 of 红星社区 (demo-rc). */
export const whoamiRc = whoamiAs(user({ userId: 'u_rc', name: '陈雪梅', roles: ['resident', 'rc_staff'] }), 'demo-rc');

/** whoami of an ordinary resident. */
export const whoamiResident = whoamiAs(user());

/** A member as listed; the status and role names are the server's for them. */
export function member(overrides: Partial<MemberView> = {}): MemberView {
  const m = {
    userId: 'u_zhao',
    name: '赵志远',
    phoneMasked: '139****0006',
    status: 'pending',
    roles: [],
    compoundId: 'cp_jiangjin',
    building: '6栋',
    room: '601',
    isPartyMember: false,
    firmId: null,
    createdAt: '2026-11-20T09:00:00+08:00',
    ...overrides,
  } satisfies Partial<MemberView>;
  return { ...m, statusLabel: MEMBER_STATUS_LABELS[m.status], roleLabels: roleLabels(m.roles) };
}

export const page = (items: MemberView[], nextCursor: string | null = null) =>
  ok<MemberPage>({ items, nextCursor, roleFilters: MEMBER_ROLE_FILTERS, statusTabs: MEMBER_STATUS_TABS });

/** A community.stats answer; its names (categories, kinds of service) are the server's. */
export function stats(overrides: Partial<CommunityStats> = {}): CommunityStats {
  const byCategory = { environment: 200, epidemic_prevention: 120.5, civility: 99.5 };
  return {
    communityId: 'cm_hongxing',
    population: 1000,
    residents: 320,
    volunteers: 120,
    volunteerRatio: 0.12,
    volunteerRatioBase: 1000,
    volunteerTarget: 0.15,
    ocMembers: 5,
    ocPartyMembers: 3,
    ocPartyRatio: 0.6,
    ocPartyTarget: 0.5,
    volunteerHours: { thisMonth: 36.5, thisYear: 420, byCategory, categories: categoryHours(byCategory) },
    requests: { total: 40, open: 6, overdue: 2, responseRate: 0.925, resolutionRate: 0.8, satisfactionRate: 0.875 },
    outreach: {
      reportedMembers: 12,
      pendingReports: 2,
      buildingPosts: 4,
      servicesDone: { general: 30, professional: 8 },
      teams: 2,
      volunteerProfiles: 120,
      partyVolunteers: 40,
      youthLeagueVolunteers: 18,
      partyShare: 0.3333,
      youthLeagueShare: 0.15,
    },
    serviceKinds: SERVICE_KINDS,
    ...overrides,
  };
}

/** Waits (up to 3 s) until `done()` holds: whoami, then the list, then a render take several turns on a busy machine. */
export async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 150 && !done(); i++) await settle(20);
}

/** Waits until the page has rendered and no longer shows its loading state (an empty page has not rendered yet). */
export function untilLoaded(p: PageHandle): Promise<void> {
  return until(() => {
    const text = p.text().trim();
    return text !== '' && !text.includes('加载中…');
  });
}
