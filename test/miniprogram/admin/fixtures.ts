// Backend answers for the setup pages (admin subpackage), shaped like the demo seed: 胜利街道 with
// 红星社区 (two compounds), 东城街道 with 文化社区.
import type { OverviewRow, OverviewView, RulesConfig, StructureView } from '../../../typings/admin';
import type { RoleGrant } from '../../../typings/api';
import { optionsOf } from '../../../cloudfunctions/core/domain/options';
import { PARTIES, PARTY_LABELS } from '../../../cloudfunctions/core/domain/roles';
import { ok, user, whoamiAs } from '../fixtures';
import { settle, type PageHandle } from '../harness';

export const whoamiAdmin = whoamiAs(
  user({ userId: 'u_admin', name: '周建国', roles: ['admin'], grants: [{ role: 'admin', scopeId: 'city' }] }),
  'demo-admin',
);

const streetGrant: RoleGrant = { role: 'street_admin', scopeId: 'st_shengli', streetId: 'st_shengli' };

export const whoamiStreet = whoamiAs(
  user({ userId: 'u_street', name: '刘红梅', roles: ['street_admin'], communityId: '', compoundId: '', grants: [streetGrant] }),
  'demo-street',
);

export const whoamiRcStaff = whoamiAs(
  user({
    userId: 'u_rc',
    name: '陈雪梅',
    roles: ['resident', 'rc_staff'],
    grants: [
      { role: 'resident', scopeId: 'cp_jiangjin', communityId: 'cm_hongxing', compoundId: 'cp_jiangjin' },
      { role: 'rc_staff', scopeId: 'cm_hongxing', communityId: 'cm_hongxing' },
    ],
  }),
  'demo-rc',
);

export function structureView(overrides: Partial<StructureView> = {}): StructureView {
  return {
    isAdmin: true,
    streets: [
      {
        streetId: 'st_dongcheng',
        name: '东城街道',
        district: '荆州区',
        communityCount: 1,
        communities: [{ communityId: 'cm_wenhua', name: '文化社区', population: 800, compounds: [] }],
      },
      {
        streetId: 'st_shengli',
        name: '胜利街道',
        district: '沙市区',
        communityCount: 1,
        communities: [
          {
            communityId: 'cm_hongxing',
            name: '红星社区',
            population: 1000,
            compounds: [
              { compoundId: 'cp_jiangjin', name: '江津花园', buildings: 8, firmId: 'f_chuyun', firmName: '荆州楚韵物业服务有限公司' },
              { compoundId: 'cp_wanshou', name: '万寿园小区', buildings: 0, firmId: '', firmName: '' },
            ],
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** admin.firms' first page (a Page of FirmRow): the two firms of the demo. */
export function firmsPage() {
  return {
    items: [
      { firmId: 'f_chuyun', name: '荆州楚韵物业服务有限公司', creditCode: '91421000MA4KXXXX0A', hasPartyOrg: true },
      { firmId: 'f_jinghua', name: '荆州荆华物业管理有限公司', creditCode: '91421000MA4KYYYY1B', hasPartyOrg: false },
    ],
    nextCursor: null as string | null,
  };
}

/** What the admin's first call gets: the city's streets with their counts, no communities. */
export const cityStreets = () => structureView({ streets: structureView().streets.map((s) => ({ ...s, communities: [] })) });

/** A street as the admin gets it by naming it. */
export const namedStreet = (streetId: string) => structureView({ streets: structureView().streets.filter((s) => s.streetId === streetId) });

/** The structure a street_admin of 胜利街道 sees. */
export const streetStructure = () => structureView({ isAdmin: false, streets: [structureView().streets[1]] });

/** Rules of 红星社区 that differ from the defaults, so a page copying defaults would show. */
export function rulesConfig(overrides: Partial<RulesConfig> = {}): RulesConfig {
  return {
    requestTierHours: { emergency: 4, utilities: 24, general: 168, complex: 360 },
    reopenWindowDays: 10,
    autoCloseDays: 7,
    freeCancelHours: 3,
    attendanceMinRatio: 0.6,
    ratingWeights: { ownerSatisfaction: 0.4, partyOrg: 0.3, ownersCommittee: 0.3 },
    seriousItemPenalty: 12,
    volunteerTarget: 0.2,
    ocPartyTarget: 0.5,
    noticeDays: 20,
    needCategories: { general: [{ key: 'elder_care', label: '助老助残' }], professional: [{ key: 'legal', label: '法律咨询' }] },
    ...overrides,
  };
}

const kpis = (total: number, responseRate: number | null, resolutionRate: number | null, satisfactionRate: number | null) => ({
  total,
  open: 0,
  overdue: 0,
  responseRate,
  resolutionRate,
  satisfactionRate,
});

/** A row as admin.overview sends it (API.md `admin.overview`). */
export function overviewRow(overrides: Partial<OverviewRow> = {}): OverviewRow {
  return {
    level: 'street',
    id: 'st_shengli',
    name: '胜利街道',
    communities: 4,
    volunteers: { count: 12, base: 100, share: 0.12, target: 0.15, met: false },
    ocParty: { count: 6, base: 10, share: 0.6, target: 0.5, met: true },
    compoundParty: { covered: 2, compounds: 3, share: 0.6667 },
    requests: {
      total: 40,
      open: 6,
      overdue: 2,
      responseRate: 0.9,
      resolutionRate: 0.8,
      satisfactionRate: 0.85,
      byParty: {
        residents_committee: kpis(0, null, null, null),
        owners_committee: kpis(0, null, null, null),
        property: kpis(20, 0.95, 0.8, 0.9),
      },
      byFirm: [{ firmId: 'f_chuyun', firmName: '荆州楚韵物业服务有限公司', ...kpis(12, 1, 0.75, null) }],
      firmCount: 3,
    },
    firmsByGrade: { AAA: 1, AA: 0, A: 0, B: 0, C: 1, none: 1 },
    backbone: {
      reportedMembers: 35,
      pendingReports: 2,
      buildingPosts: 4,
      servicesDone: { general: 120, professional: 30 },
      teams: 3,
      volunteerProfiles: 60,
      partyVolunteers: 30,
      youthLeagueVolunteers: 6,
      partyShare: 0.5,
      youthLeagueShare: 0.1,
    },
    ...overrides,
  };
}

export const overviewOf = (rows: OverviewRow[], overrides: Partial<OverviewView> = {}) =>
  ok<OverviewView>({
    level: 'city',
    streetId: null,
    name: '荆州市',
    period: '2026-H1',
    periodLabel: '2026年上半年',
    total: overviewRow({ level: 'city', id: 'city', name: '荆州市', communities: 9 }),
    rows,
    parties: optionsOf(PARTIES, PARTY_LABELS),
    ...overrides,
  });

export const forbidden = (message: string) => ({ ok: false as const, error: { code: 'FORBIDDEN' as const, message } });

/** Waits (up to 3 s) until the page shows `text`. */
export async function untilShows(p: PageHandle, text: string): Promise<void> {
  for (let i = 0; i < 150 && !p.text().includes(text); i++) await settle(20);
}

/** Waits until the page no longer shows its loading state. */
export async function untilLoaded(p: PageHandle): Promise<void> {
  for (let i = 0; i < 150 && p.text().includes('加载中…'); i++) await settle(20);
}
