/**
 * Feedback to the members' units (报到反馈): each reported member's reporting and services in a
 * period, grouped by unit — the party organisation's page (outreach.unitFeedback) and the rows of
 * the `outreach` ledger (admin.exportLedger) come from the same records through `memberFeedback`.
 */
import { BUILDING_ROLE_LABELS, groupByUnit, REPORT_KIND_LABELS, REPORT_STATUSES, type MemberFeedback } from '../../domain/outreach-report';
import { periodOf, periodRange } from '../../domain/period';
import type { Filter } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { isAdmin, hasCommunityRole } from '../auth';
import { findAll } from '../find-all';
import type { StoreReads } from '../pool';
import { COMMUNITIES, type CommunityDoc } from '../community/community';
import { failures, ok } from '../result';
import { isStreetAdminOf } from '../scope';
import { SIGNUPS, type SignupDoc } from '../volunteer/model';
import { BUILDING_POSTS, CLAIMS, REPORTS, type BuildingPostDoc, type ClaimDoc, type ReportDoc } from './model';
import { unitFeedbackInput } from './schemas';
import type { UnitFeedbackResult } from './views';

type Ctx = { store: StoreReads };

/** The reports that count as a member reported before `toIso` (either status): the members of the feedback and of the ledger. */
export const reportedBefore = (toIso: string): Filter => ({ status: { $in: [...REPORT_STATUSES] }, reportedAt: { $lt: toIso } });

/** `docs` grouped by their `userId`. */
function byUser<T extends { userId: string }>(docs: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const d of docs) out.set(d.userId, [...(out.get(d.userId) ?? []), d]);
  return out;
}

/**
 * Every member who reported to the community before `toIso`, with the services confirmed and the
 * volunteer hours attended in this community in [fromIso, toIso). Four reads of the community, in
 * parallel and each paged to the end, whatever the number of members.
 */
export async function memberFeedback(ctx: Ctx, communityId: string, fromIso: string, toIso: string): Promise<MemberFeedback[]> {
  const [reports, posts, claims, signups] = await Promise.all([
    findAll<ReportDoc>(ctx.store, REPORTS, { communityId, ...reportedBefore(toIso) }),
    findAll<BuildingPostDoc>(ctx.store, BUILDING_POSTS, { communityId }),
    findAll<ClaimDoc>(ctx.store, CLAIMS, { communityId, status: 'confirmed', confirmedAt: { $gte: fromIso, $lt: toIso } }),
    findAll<SignupDoc>(ctx.store, SIGNUPS, { communityId, attendance: 'attended', startAt: { $gte: fromIso, $lt: toIso } }),
  ]);
  const [postsOf, claimsOf, signupsOf] = [byUser(posts), byUser(claims), byUser(signups)];
  return reports.map((r): MemberFeedback => {
    const done = claimsOf.get(r.userId) ?? [];
    return {
      userId: r.userId,
      name: r.name,
      unitName: r.unitName,
      branchName: r.branchName,
      communityName: r.communityName,
      kind: r.kind,
      kindLabel: REPORT_KIND_LABELS[r.kind],
      status: r.status,
      reportedAt: r.reportedAt,
      confirmedAt: r.confirmedAt ?? null,
      buildingRoles: (postsOf.get(r.userId) ?? []).map((p) => `${p.building}${BUILDING_ROLE_LABELS[p.role]}`),
      services: {
        general: done.filter((c) => c.kind === 'general').length,
        professional: done.filter((c) => c.kind === 'professional').length,
      },
      hours: (signupsOf.get(r.userId) ?? []).reduce((sum, s) => sum + s.hours, 0),
    };
  });
}

/** One row of the `outreach` ledger (台账): a member's reporting and services, in Chinese columns. */
export interface OutreachLedgerRow {
  单位: string;
  党支部: string;
  姓名: string;
  报到社区: string;
  报到类型: string;
  状态: string;
  报到时间: string;
  确认时间: string;
  楼栋职务: string;
  一般服务次数: number;
  专业服务次数: number;
  志愿服务时长: number;
}

/** The ledger's columns in order, for a file with no row. */
export const OUTREACH_HEADERS: Record<keyof OutreachLedgerRow, null> = {
  单位: null,
  党支部: null,
  姓名: null,
  报到社区: null,
  报到类型: null,
  状态: null,
  报到时间: null,
  确认时间: null,
  楼栋职务: null,
  一般服务次数: null,
  专业服务次数: null,
  志愿服务时长: null,
};

/**
 * The ledger rows of the communities in [fromIso, toIso), unit by unit: for admin.exportLedger,
 * which reads through a gate (exports/limits.ts `exportReads`), so a city's communities do not all
 * read at once.
 */
export async function outreachLedgerRows(ctx: Ctx, communityIds: string[], fromIso: string, toIso: string): Promise<OutreachLedgerRow[]> {
  const members = (await Promise.all(communityIds.map((id) => memberFeedback(ctx, id, fromIso, toIso)))).flat();
  return groupByUnit(members).flatMap((u) =>
    u.members.map((m) => ({
      单位: m.unitName,
      党支部: m.branchName,
      姓名: m.name,
      报到社区: m.communityName,
      报到类型: REPORT_KIND_LABELS[m.kind],
      状态: m.status === 'confirmed' ? '已确认' : '待确认',
      报到时间: m.reportedAt,
      确认时间: m.confirmedAt ?? '',
      楼栋职务: m.buildingRoles.join('、'),
      一般服务次数: m.services.general,
      专业服务次数: m.services.professional,
      志愿服务时长: m.hours,
    })),
  );
}

export const feedbackActions: ActionMap = {
  unitFeedback: defineAction({
    summary: '报到反馈：本社区报到党员的报到与服务情况，按单位汇总',
    access: 'active',
    input: unitFeedbackInput,
    // The community (its street decides a street office's access), read with the caller's record;
    // its members' records are read only once the caller may see them.
    load: (input, { store }) => store.get<CommunityDoc>(COMMUNITIES, input.communityId),
    run: async (input, ctx) => {
      const community = ctx.loaded;
      // The community's party organisation; overseeing it, the street office of its street and the admin.
      const allowed =
        hasCommunityRole(ctx.user, 'party_org', input.communityId) || isAdmin(ctx.user) || isStreetAdminOf(ctx.user, community?.streetId);
      if (!allowed) return failures.forbidden('只有本社区党组织或所属街道可以查看报到反馈');
      if (!community) return failures.notFound('社区');
      const period = input.period ?? periodOf(ctx.clock.now());
      const { fromIso, toIso } = periodRange(period);
      const from = new Date(fromIso).toISOString();
      const to = new Date(toIso).toISOString();
      const units = groupByUnit(await memberFeedback(ctx, input.communityId, from, to));
      const result: UnitFeedbackResult = { communityId: input.communityId, period, from: fromIso, to: toIso, units };
      return ok(result);
    },
  }),
};
