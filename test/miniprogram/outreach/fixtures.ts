// Backend answers for the outreach pages, shaped like the demo seed (seed/outreach.ts).
import type { NeedDetail, NeedSummary, ReportPage, ReportView, TeamItem, UnitFeedbackResult } from '../../../miniprogram/outreach/service';
import { NEED_KIND_LABELS } from '../../../cloudfunctions/core/domain/outreach-categories';
import { CLAIM_STATUS_LABELS, needStatusLabel } from '../../../cloudfunctions/core/domain/outreach-need';
import { BUILDING_ROLE_LABELS, REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from '../../../cloudfunctions/core/domain/outreach-report';
import { BUILDING_ROLE_OPTIONS, needStatusTabs, TEAM_KIND_LABELS } from '../../../cloudfunctions/core/app/outreach/views';
import { ok, user, whoamiAs } from '../fixtures';
import { settle, type PageHandle } from '../harness';

/** demo-cadre: a party member, no resident role. */
export const whoamiCadre = whoamiAs(user({ userId: 'u_cadre', name: '杨志刚', roles: [], isPartyMember: true }), 'demo-cadre');
export const whoamiResident = whoamiAs(user({ userId: 'u_resident', name: '陈玉珍' }));
export const whoamiRc = whoamiAs(user({ userId: 'u_rc', name: '王秀兰', roles: ['rc_staff'] }), 'demo-rc');
export const whoamiParty = whoamiAs(user({ userId: 'u_party', name: '李红梅', roles: ['party_org'], isPartyMember: true }), 'demo-party');

// Each fixture's labels are the server's for its values (after the overrides), as the views send them.

export function report(overrides: Partial<ReportView> = {}): ReportView {
  const r = {
    reportId: 'u_cadre:paired',
    userId: 'u_cadre',
    name: '杨志刚',
    communityId: 'cm_hongxing',
    communityName: '红星社区',
    kind: 'paired',
    unitName: '荆州市住房和城乡建设局',
    branchName: '机关第二党支部',
    status: 'confirmed',
    reportedAt: '2026-10-11T01:00:00.000Z',
    confirmedAt: '2026-10-12T01:00:00.000Z',
    buildingPosts: [
      { compoundId: 'cp_jiangjin', building: '3栋', role: 'party_group_leader', roleLabel: BUILDING_ROLE_LABELS.party_group_leader },
    ],
    ...overrides,
  } satisfies Partial<ReportView>;
  return { ...r, kindLabel: REPORT_KIND_LABELS[r.kind], statusLabel: REPORT_STATUS_LABELS[r.status] };
}

/** outreach.listReports' answer: the reports and the posts the server offers to appoint to. */
export const reportsPage = (items: ReportView[], nextCursor: string | null = null): { ok: true; data: ReportPage } => ({
  ok: true,
  data: { items, nextCursor, buildingRoles: BUILDING_ROLE_OPTIONS },
});

export function need(overrides: Partial<NeedSummary> = {}): NeedSummary {
  const n = {
    needId: 'need_demo_elder',
    communityId: 'cm_hongxing',
    source: 'community',
    kind: 'general',
    category: 'elder_care',
    categoryLabel: '助老助残',
    title: '为独居老人代购生活用品',
    text: '每周需要有人帮忙代购米面油和药品。',
    slots: 2,
    claimedCount: 1,
    doneCount: 0,
    status: 'open',
    createdAt: '2026-11-14T01:00:00.000Z',
    ...overrides,
  } satisfies Partial<NeedSummary>;
  return { ...n, kindLabel: NEED_KIND_LABELS[n.kind], statusLabel: needStatusLabel(n) };
}

const CAN_NOTHING = { claim: false, complete: false, confirm: false, review: false, thank: false };

export function detail(overrides: Partial<NeedDetail> = {}): NeedDetail {
  const d = {
    ...need(),
    reviewNote: null,
    thanks: null,
    claims: [],
    myClaim: null,
    isRequester: false,
    can: { ...CAN_NOTHING },
    ...overrides,
  };
  return { ...d, kindLabel: NEED_KIND_LABELS[d.kind], statusLabel: needStatusLabel(d) };
}

export function claimOf(overrides: Partial<NeedDetail['claims'][number]> = {}): NeedDetail['claims'][number] {
  const c = {
    userId: 'u_cadre',
    name: '杨志刚',
    status: 'claimed',
    note: null,
    claimedAt: '2026-11-15T01:00:00.000Z',
    completedAt: null,
    confirmedAt: null,
    ...overrides,
  } satisfies Partial<NeedDetail['claims'][number]>;
  return { ...c, statusLabel: CLAIM_STATUS_LABELS[c.status] };
}

export function team(overrides: Partial<TeamItem> = {}): TeamItem {
  const t = {
    teamId: 'team_demo_red',
    communityId: 'cm_hongxing',
    name: '红星志愿服务队',
    kind: 'volunteer',
    leaderUserId: 'u_volunteer',
    leaderName: '赵志远',
    createdAt: '2026-09-21T01:00:00.000Z',
    activities: 2,
    serviceHours: 7.5,
    ...overrides,
  } satisfies Partial<TeamItem>;
  return { ...t, kindLabel: TEAM_KIND_LABELS[t.kind] };
}

export function feedback(overrides: Partial<UnitFeedbackResult> = {}): UnitFeedbackResult {
  return {
    communityId: 'cm_hongxing',
    period: '2026-H2',
    from: '2026-07-01T00:00:00+08:00',
    to: '2027-01-01T00:00:00+08:00',
    units: [
      {
        unitName: '荆州市住房和城乡建设局',
        members: [
          {
            userId: 'u_cadre',
            name: '杨志刚',
            unitName: '荆州市住房和城乡建设局',
            branchName: '机关第二党支部',
            communityName: '红星社区',
            kind: 'paired',
            kindLabel: REPORT_KIND_LABELS.paired,
            status: 'confirmed',
            reportedAt: '2026-10-11T01:00:00.000Z',
            confirmedAt: '2026-10-12T01:00:00.000Z',
            buildingRoles: ['3栋楼栋党小组长'],
            services: { general: 2, professional: 1 },
            hours: 3.5,
          },
        ],
        totals: { members: 1, confirmed: 1, general: 2, professional: 1, hours: 3.5 },
      },
    ],
    ...overrides,
  };
}

/**
 * Waits (up to 8 s) until the page has loaded (its `loading` is off) and what it shows has stopped
 * changing: a component type's first render in a test file takes a while on a busy machine.
 */
export async function untilLoaded(p: PageHandle): Promise<void> {
  const data = () => (p.comp as unknown as { data: { loading?: boolean } }).data;
  for (let i = 0; i < 200 && (data().loading !== false || p.text().includes('加载中…')); i++) await settle(20);
  await untilStable(p);
}

/** Waits until the page's text is the same for 200 ms (at most 4 s). */
export async function untilStable(p: PageHandle): Promise<void> {
  let last = p.text();
  for (let i = 0, same = 0; i < 100 && same < 5; i++) {
    await settle(40);
    const now = p.text();
    same = now === last && now !== '' ? same + 1 : 0;
    last = now;
  }
}

/** An outreach.listNeeds answer, with the tabs the server offers staff or anyone else. */
export const needsPage = (items: NeedSummary[], staff = false) => ok({ items, nextCursor: null, statusTabs: needStatusTabs(staff) });
