// outreach: party members reporting in (报到), service needs and 微心愿, volunteer teams, feedback to
// the units (API.md §6). Output types come from the server's views by type-only import (they use no
// Node types); inputs are written here, mirroring cloudfunctions/core/app/outreach/schemas.ts.
// Failures carry OutreachReason, the outreach function's reasons.
import type { ApiResult, Page } from '../../typings/api';
import type { OutreachReason } from '../../cloudfunctions/core/app/outreach/reasons';
import type {
  BuildingRole,
  MyClaimItem,
  NeedCategories,
  NeedDetail,
  NeedKind,
  NeedStatus,
  NeedSummary,
  ReportKind,
  ReportStatus,
  ReportView,
  TeamItem,
  TeamView,
  UnitFeedbackResult,
} from '../../cloudfunctions/core/app/outreach/views';
import { call } from '../services/transport';

export { myTeams } from '../services/teams';

export type {
  BuildingRole,
  MyClaimItem,
  NeedCategories,
  NeedDetail,
  NeedKind,
  NeedStatus,
  NeedSummary,
  ReportKind,
  ReportStatus,
  ReportView,
  TeamItem,
  TeamView,
  UnitFeedbackResult,
  OutreachReason,
};

/** An answer of the outreach function. */
export type Result<T> = ApiResult<T, OutreachReason>;

/** outreach.report input. */
export interface ReportInput {
  communityId: string;
  unitName: string;
  branchName: string;
  kind: ReportKind;
}

/** outreach.appointBuildingRole input: a confirmed member, a compound of the community, a building (1–20 characters), a post. */
export interface AppointInput {
  userId: string;
  compoundId: string;
  building: string;
  role: BuildingRole;
}

/** outreach.appointBuildingRole answer: the post and who holds it now (the previous holder, if any, is replaced). */
export type AppointedPost = ReportView['buildingPosts'][number] & { userId: string; name: string };

/** outreach.publishNeed input. */
export interface PublishNeedInput {
  communityId: string;
  kind: NeedKind;
  category: string;
  title: string;
  text: string;
  slots?: number;
  clientToken?: string;
}

/** 党员到社区报到 */
export function report(input: ReportInput): Promise<Result<ReportView>> {
  return call<ReportView, OutreachReason>('outreach', 'report', input);
}

/** 我的报到 */
export function myReports(): Promise<Result<ReportView[]>> {
  return call<ReportView[], OutreachReason>('outreach', 'myReports');
}

/** 本社区的报到党员 */
export function listReports(input: {
  communityId: string;
  status?: ReportStatus;
  cursor?: string;
  limit?: number;
}): Promise<Result<Page<ReportView>>> {
  return call<Page<ReportView>, OutreachReason>('outreach', 'listReports', input);
}

/** 任命楼栋党小组长或楼栋长（社区党组织；每栋楼每个职务一人，任命后替换原任） */
export function appointBuildingRole(input: AppointInput): Promise<ApiResult<AppointedPost, OutreachReason>> {
  return call<AppointedPost, OutreachReason>('outreach', 'appointBuildingRole', input);
}

/** 确认报到 */
export function confirmReport(reportId: string): Promise<Result<ReportView>> {
  return call<ReportView, OutreachReason>('outreach', 'confirmReport', { reportId });
}

/** 社区的服务类别 */
export function needCategories(communityId: string): Promise<Result<NeedCategories>> {
  return call<NeedCategories, OutreachReason>('outreach', 'needCategories', { communityId });
}

/** 发布服务需求 */
export function publishNeed(input: PublishNeedInput): Promise<Result<NeedSummary>> {
  return call<NeedSummary, OutreachReason>('outreach', 'publishNeed', input);
}

/** 提交微心愿 */
export function wish(text: string, clientToken?: string): Promise<Result<NeedSummary>> {
  return call<NeedSummary, OutreachReason>('outreach', 'wish', clientToken ? { text, clientToken } : { text });
}

/** 审核微心愿 */
export function reviewWish(input: { needId: string; approve: boolean; note?: string }): Promise<Result<NeedSummary>> {
  return call<NeedSummary, OutreachReason>('outreach', 'reviewWish', input);
}

/** 需求清单 */
export function listNeeds(input: {
  communityId: string;
  status?: NeedStatus;
  cursor?: string;
  limit?: number;
}): Promise<Result<Page<NeedSummary>>> {
  return call<Page<NeedSummary>, OutreachReason>('outreach', 'listNeeds', input);
}

/** 需求详情 */
export function getNeed(needId: string): Promise<Result<NeedDetail>> {
  return call<NeedDetail, OutreachReason>('outreach', 'getNeed', { needId });
}

/** 我认领的需求 */
export function myClaims(cursor?: string): Promise<Result<Page<MyClaimItem>>> {
  return call<Page<MyClaimItem>, OutreachReason>('outreach', 'myNeeds', cursor ? { as: 'claimant', cursor } : { as: 'claimant' });
}

/** 我提出的微心愿 */
export function myWishes(cursor?: string): Promise<Result<Page<NeedSummary>>> {
  return call<Page<NeedSummary>, OutreachReason>('outreach', 'myNeeds', cursor ? { as: 'requester', cursor } : { as: 'requester' });
}

/** 认领需求 */
export function claim(needId: string, clientToken?: string): Promise<Result<unknown>> {
  return call<unknown, OutreachReason>('outreach', 'claim', clientToken ? { needId, clientToken } : { needId });
}

/** 提交服务完成 */
export function complete(needId: string, note: string): Promise<Result<unknown>> {
  return call<unknown, OutreachReason>('outreach', 'complete', { needId, note });
}

/** 确认服务完成 */
export function confirmDone(needId: string): Promise<Result<NeedDetail>> {
  return call<NeedDetail, OutreachReason>('outreach', 'confirmDone', { needId });
}

/** 致谢评价 */
export function thank(needId: string, score: number, message?: string): Promise<Result<NeedDetail>> {
  return call<NeedDetail, OutreachReason>('outreach', 'thank', message ? { needId, score, message } : { needId, score });
}

/** 报到反馈（按单位汇总） */
export function unitFeedback(communityId: string, period?: string): Promise<Result<UnitFeedbackResult>> {
  return call<UnitFeedbackResult, OutreachReason>('outreach', 'unitFeedback', period ? { communityId, period } : { communityId });
}

/** 登记服务队 */
export function createTeam(input: {
  communityId: string;
  name: string;
  leaderUserId: string;
  kind?: 'volunteer' | 'mass';
}): Promise<Result<TeamView>> {
  return call<TeamView, OutreachReason>('outreach', 'createTeam', input);
}

/** 本社区的服务队 */
export function listTeams(communityId: string): Promise<Result<TeamItem[]>> {
  return call<TeamItem[], OutreachReason>('outreach', 'listTeams', { communityId });
}
