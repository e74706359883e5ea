import type { NeedKind } from '../../domain/outreach-categories';
import type { ClaimStatus, NeedSource, NeedStatus } from '../../domain/outreach-need';
import type { BuildingRole, ReportKind, ReportStatus } from '../../domain/outreach-report';
import type { Doc } from '../../ports/store';

export const REPORTS = 'outreach_reports';
export const BUILDING_POSTS = 'outreach_building_posts';
export const NEEDS = 'outreach_needs';
export const CLAIMS = 'outreach_claims';
export const TEAMS = 'outreach_teams';

/**
 * A party member's report to a community; `_id` is `<userId>:<kind>`, so a member holds one
 * report of each kind (the database refuses a second).
 */
export interface ReportDoc extends Doc {
  userId: string;
  communityId: string;
  communityName: string;
  /** The community's street, copied at the report (a community never changes street); absent on older reports. */
  streetId?: string | null;
  kind: ReportKind;
  /** 报到单位 (机关企事业单位) and its party branch. */
  unitName: string;
  branchName: string;
  /** Copied from the member's registration for the lists staff and the unit read. */
  name: string;
  status: ReportStatus;
  reportedAt: string;
  confirmedAt?: string;
  confirmedBy?: string;
  updatedAt: string;
}

export const reportIdOf = (userId: string, kind: ReportKind): string => `${userId}:${kind}`;

/**
 * Who holds a building role; `_id` is `<compoundId>:<building>:<role>`, so each building has one
 * 楼栋党小组长 and one 楼栋长 (appointing another replaces them, audited).
 */
export interface BuildingPostDoc extends Doc {
  communityId: string;
  compoundId: string;
  building: string;
  role: BuildingRole;
  userId: string;
  name: string;
  appointedAt: string;
  appointedBy: string;
}

export const buildingPostIdOf = (compoundId: string, building: string, role: BuildingRole): string => `${compoundId}:${building}:${role}`;

/** A service need (需求清单), or a resident's small wish (微心愿). */
export interface NeedDoc extends Doc {
  communityId: string;
  /**
   * The community's street, copied when the need is made (a community never changes street), so
   * confirming a service moves the street's totals without reading the community first. Absent on
   * a need made before it was kept: then the community is read (community/totals.ts).
   */
  streetId?: string | null;
  source: NeedSource;
  kind: NeedKind;
  category: string;
  categoryLabel: string;
  title: string;
  text: string;
  slots: number;
  /** Slots not yet claimed: a claim takes one with a conditional decrement, never below zero. */
  openSlots: number;
  claimedCount: number;
  /** Claims confirmed done. */
  doneCount: number;
  status: NeedStatus;
  /** The resident who made the wish; null for a need the community published. */
  requesterId: string | null;
  reviewNote?: string;
  reviewedAt?: string;
  thanks?: { score: number; message?: string; at: string };
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A claim of a need; `_id` is `<needId>:<userId>`, so a member claims a need once. */
export interface ClaimDoc extends Doc {
  needId: string;
  userId: string;
  communityId: string;
  kind: NeedKind;
  title: string;
  name: string;
  status: ClaimStatus;
  note?: string;
  claimedAt: string;
  completedAt?: string;
  confirmedAt?: string;
  confirmedBy?: string;
  updatedAt: string;
}

export const claimIdOf = (needId: string, userId: string): string => `${needId}:${userId}`;

/** A volunteer team (志愿服务队 / 群众活动团队) of a community, with its leader. */
export interface TeamDoc extends Doc {
  communityId: string;
  name: string;
  kind: 'volunteer' | 'mass';
  leaderUserId: string;
  leaderName: string;
  createdBy: string;
  createdAt: string;
  /**
   * The team's figures, moved in the transaction of the write they count (`bumpTeam`): activities
   * published for it and service hours credited in them. Absent on a team that has neither yet.
   */
  activityCount?: number;
  serviceHours?: number;
}
