// What callers see of reports, needs, claims and teams. Free of Node types: the mini-program's
// services import these types (type-only).
import { NEED_KIND_LABELS, type NeedCategories, type NeedKind } from '../../domain/outreach-categories';
import {
  CLAIM_STATUS_LABELS,
  NEED_STATUS_LABELS,
  needStatusLabel,
  type ClaimStatus,
  type NeedSource,
  type NeedStatus,
} from '../../domain/outreach-need';
import {
  BUILDING_ROLE_LABELS,
  BUILDING_ROLES,
  REPORT_KIND_LABELS,
  REPORT_STATUS_LABELS,
  type BuildingRole,
  type ReportKind,
  type ReportStatus,
  type UnitFeedback,
} from '../../domain/outreach-report';
import type { Page } from '../fields';
import { optionsOf, type Option } from '../../domain/options';
import type { BuildingPostDoc, ClaimDoc, NeedDoc, ReportDoc, TeamDoc } from './model';

export type { NeedCategories, NeedKind, NeedStatus, ClaimStatus, NeedSource, ReportKind, ReportStatus, BuildingRole, UnitFeedback };

/** A building role held; `roleLabel` is the post's name (楼栋长). */
export interface BuildingPostView {
  compoundId: string;
  building: string;
  role: BuildingRole;
  roleLabel: string;
}

export const buildingPostView = (p: { compoundId: string; building: string; role: BuildingRole }): BuildingPostView => ({
  compoundId: p.compoundId,
  building: p.building,
  role: p.role,
  roleLabel: BUILDING_ROLE_LABELS[p.role],
});

/** The building posts a member may be named to, with their names (the appoint picker's choices). */
export const BUILDING_ROLE_OPTIONS: ReadonlyArray<{ role: BuildingRole; label: string }> = BUILDING_ROLES.map((role) => ({
  role,
  label: BUILDING_ROLE_LABELS[role],
}));

/** outreach.vacateBuildingRole answer: the post, whether this call emptied it, and who held it (null: empty already). */
export interface VacatedPost extends BuildingPostView {
  vacated: boolean;
  previousUserId: string | null;
}

export interface ReportView {
  reportId: string;
  userId: string;
  name: string;
  communityId: string;
  communityName: string;
  kind: ReportKind;
  kindLabel: string;
  unitName: string;
  branchName: string;
  status: ReportStatus;
  statusLabel: string;
  reportedAt: string;
  confirmedAt: string | null;
  buildingPosts: BuildingPostView[];
}

export function reportView(r: ReportDoc, posts: BuildingPostDoc[] = []): ReportView {
  return {
    reportId: r._id,
    userId: r.userId,
    name: r.name,
    communityId: r.communityId,
    communityName: r.communityName,
    kind: r.kind,
    kindLabel: REPORT_KIND_LABELS[r.kind],
    unitName: r.unitName,
    branchName: r.branchName,
    status: r.status,
    statusLabel: REPORT_STATUS_LABELS[r.status],
    reportedAt: r.reportedAt,
    confirmedAt: r.confirmedAt ?? null,
    buildingPosts: posts.filter((p) => p.userId === r.userId && p.communityId === r.communityId).map(buildingPostView),
  };
}

/** outreach.listReports answer: a page of reports and the posts a confirmed member may be named to. */
export interface ReportPage extends Page<ReportView> {
  buildingRoles: ReadonlyArray<{ role: BuildingRole; label: string }>;
}

/** A need in a list. */
/** outreach.listNeeds: a page of needs and the lists by state the caller may switch between, named. */
export interface NeedPage extends Page<NeedSummary> {
  statusTabs: Array<Option<NeedStatus>>;
}

/** The lists by state everyone may see, and those only the community's staff may (wishes under review or turned down). */
const PUBLIC_TABS = optionsOf(['open', 'done'] as const, NEED_STATUS_LABELS);
const STAFF_TABS = optionsOf(['open', 'done', 'pending_review', 'rejected'] as const, NEED_STATUS_LABELS);

/** listNeeds' `statusTabs` for the community's staff or anyone else. */
export function needStatusTabs(staff: boolean): NeedPage['statusTabs'] {
  return staff ? STAFF_TABS : PUBLIC_TABS;
}

export interface NeedSummary {
  needId: string;
  communityId: string;
  source: NeedSource;
  kind: NeedKind;
  kindLabel: string;
  category: string;
  categoryLabel: string;
  title: string;
  text: string;
  slots: number;
  claimedCount: number;
  doneCount: number;
  status: NeedStatus;
  /** The state in words: 可认领, or 服务中 once every slot is claimed. */
  statusLabel: string;
  createdAt: string;
}

export function needSummary(n: NeedDoc): NeedSummary {
  return {
    needId: n._id,
    communityId: n.communityId,
    source: n.source,
    kind: n.kind,
    kindLabel: NEED_KIND_LABELS[n.kind],
    category: n.category,
    categoryLabel: n.categoryLabel,
    title: n.title,
    text: n.text,
    slots: n.slots,
    claimedCount: n.claimedCount,
    doneCount: n.doneCount,
    status: n.status,
    statusLabel: needStatusLabel(n),
    createdAt: n.createdAt,
  };
}

/** A claim as staff and the claimant see it. */
export interface ClaimView {
  userId: string;
  name: string;
  status: ClaimStatus;
  statusLabel: string;
  note: string | null;
  claimedAt: string;
  completedAt: string | null;
  confirmedAt: string | null;
}

export function claimView(c: ClaimDoc): ClaimView {
  return {
    userId: c.userId,
    name: c.name,
    status: c.status,
    statusLabel: CLAIM_STATUS_LABELS[c.status],
    note: c.note ?? null,
    claimedAt: c.claimedAt,
    completedAt: c.completedAt ?? null,
    confirmedAt: c.confirmedAt ?? null,
  };
}

/** outreach.getNeed: the need, its claims (staff see all; others only their own) and what the caller may do. */
export interface NeedDetail extends NeedSummary {
  reviewNote: string | null;
  thanks: { score: number; message: string | null; at: string } | null;
  claims: ClaimView[];
  myClaim: ClaimView | null;
  /** Whether the caller is the resident who made the wish. */
  isRequester: boolean;
  /** What the caller may do now (the server decides again on every call). */
  can: { claim: boolean; complete: boolean; confirm: boolean; review: boolean; thank: boolean };
}

/** A claim with its need, for the member's own list. */
export interface MyClaimItem extends ClaimView {
  needId: string;
  title: string;
  kind: NeedKind;
  kindLabel: string;
}

export function myClaimItem(c: ClaimDoc): MyClaimItem {
  return { ...claimView(c), needId: c.needId, title: c.title, kind: c.kind, kindLabel: NEED_KIND_LABELS[c.kind] };
}

export const TEAM_KIND_LABELS: Record<TeamDoc['kind'], string> = { volunteer: '志愿服务队', mass: '群众活动团队' };

export interface TeamView {
  teamId: string;
  communityId: string;
  name: string;
  kind: TeamDoc['kind'];
  kindLabel: string;
  leaderUserId: string;
  leaderName: string;
  createdAt: string;
}

export function teamView(t: TeamDoc): TeamView {
  return {
    teamId: t._id,
    communityId: t.communityId,
    name: t.name,
    kind: t.kind,
    kindLabel: TEAM_KIND_LABELS[t.kind],
    leaderUserId: t.leaderUserId,
    leaderName: t.leaderName,
    createdAt: t.createdAt,
  };
}

/** outreach.setTeamLeader answer: the team with its leader now, and the one before (the same when unchanged). */
export interface TeamLeaderChange extends TeamView {
  previousLeaderUserId: string;
}

/** outreach.listTeams / myTeams item: the team and its figures (RULES.md §7: the stats show the team). */
export interface TeamItem extends TeamView {
  /** Activities published for the team. */
  activities: number;
  /** Service hours credited in them. */
  serviceHours: number;
}

export function teamItem(t: TeamDoc): TeamItem {
  return { ...teamView(t), activities: t.activityCount ?? 0, serviceHours: t.serviceHours ?? 0 };
}

/** outreach.unitFeedback answer. */
export interface UnitFeedbackResult {
  communityId: string;
  period: string;
  from: string;
  to: string;
  units: UnitFeedback[];
}
