// outreach: party members reporting in (报到), service needs and 微心愿, volunteer teams, feedback to
// the units (API.md §6). Typed one way, by type-only import: inputs are what the server's zod
// schemas accept (`z.input`), answers are the server's views, failures carry OutreachReason.
import type * as z from 'zod/mini';
import type { ApiResult, Page } from '../../typings/api';
import type * as schemas from '../../cloudfunctions/core/app/outreach/schemas';
import type { OutreachReason } from '../../cloudfunctions/core/app/outreach/reasons';
import type * as views from '../../cloudfunctions/core/app/outreach/views';
import { functionCaller } from '../services/transport';

export { myTeams } from '../services/teams';

export type * from '../../cloudfunctions/core/app/outreach/views';
export type { OutreachReason };

/** An answer of the outreach function. */
export type Result<T> = ApiResult<T, OutreachReason>;

const outreachCall = functionCaller<OutreachReason>('outreach');

/** outreach.report input. */
export type ReportInput = z.input<typeof schemas.reportInput>;

/** outreach.appointBuildingRole input: a confirmed member, a compound of the community, a building (1–20 characters), a post. */
export type AppointInput = z.input<typeof schemas.appointInput>;

/** outreach.appointBuildingRole answer: the post and who holds it now (the previous holder, if any, is replaced). */
export type AppointedPost = views.ReportView['buildingPosts'][number] & { userId: string; name: string };

/** outreach.publishNeed input. */
export type PublishNeedInput = z.input<typeof schemas.publishNeedInput>;

/** 党员到社区报到 */
export function report(input: ReportInput): Promise<Result<views.ReportView>> {
  return outreachCall('report', input);
}

/** 我的报到 */
export function myReports(): Promise<Result<views.ReportView[]>> {
  return outreachCall('myReports');
}

/** 本社区的报到党员 */
export function listReports(input: z.input<typeof schemas.listReportsInput>): Promise<Result<views.ReportPage>> {
  return outreachCall('listReports', input);
}

/** 任命楼栋党小组长或楼栋长（社区党组织；每栋楼每个职务一人，任命后替换原任） */
export function appointBuildingRole(input: AppointInput): Promise<Result<AppointedPost>> {
  return outreachCall('appointBuildingRole', input);
}

/** 确认报到 */
export function confirmReport(reportId: string): Promise<Result<views.ReportView>> {
  const input: z.input<typeof schemas.reportIdInput> = { reportId };
  return outreachCall('confirmReport', input);
}

/** 社区的服务类别 */
export function needCategories(communityId: string): Promise<Result<views.NeedCategories>> {
  const input: z.input<typeof schemas.needCategoriesInput> = { communityId };
  return outreachCall('needCategories', input);
}

/** 发布服务需求 */
export function publishNeed(input: PublishNeedInput): Promise<Result<views.NeedSummary>> {
  return outreachCall('publishNeed', input);
}

/** 提交微心愿 */
export function wish(text: string, clientToken?: string): Promise<Result<views.NeedSummary>> {
  const input: z.input<typeof schemas.wishInput> = clientToken ? { text, clientToken } : { text };
  return outreachCall('wish', input);
}

/** 审核微心愿 */
export function reviewWish(input: z.input<typeof schemas.reviewWishInput>): Promise<Result<views.NeedSummary>> {
  return outreachCall('reviewWish', input);
}

/** 需求清单 */
export function listNeeds(input: z.input<typeof schemas.listNeedsInput>): Promise<Result<views.NeedPage>> {
  return outreachCall('listNeeds', input);
}

/** 需求详情 */
export function getNeed(needId: string): Promise<Result<views.NeedDetail>> {
  const input: z.input<typeof schemas.needIdInput> = { needId };
  return outreachCall('getNeed', input);
}

/** 我认领的需求 */
export function myClaims(cursor?: string): Promise<Result<Page<views.MyClaimItem>>> {
  const input: z.input<typeof schemas.myNeedsInput> = cursor ? { as: 'claimant', cursor } : { as: 'claimant' };
  return outreachCall('myNeeds', input);
}

/** 我提出的微心愿 */
export function myWishes(cursor?: string): Promise<Result<Page<views.NeedSummary>>> {
  const input: z.input<typeof schemas.myNeedsInput> = cursor ? { as: 'requester', cursor } : { as: 'requester' };
  return outreachCall('myNeeds', input);
}

/** 认领需求 */
export function claim(needId: string, clientToken?: string): Promise<Result<unknown>> {
  const input: z.input<typeof schemas.claimInput> = clientToken ? { needId, clientToken } : { needId };
  return outreachCall('claim', input);
}

/** 提交服务完成 */
export function complete(needId: string, note: string): Promise<Result<unknown>> {
  const input: z.input<typeof schemas.completeInput> = { needId, note };
  return outreachCall('complete', input);
}

/** 确认服务完成 */
export function confirmDone(needId: string): Promise<Result<views.NeedDetail>> {
  const input: z.input<typeof schemas.confirmDoneInput> = { needId };
  return outreachCall('confirmDone', input);
}

/** 致谢评价 */
export function thank(needId: string, score: number, message?: string): Promise<Result<views.NeedDetail>> {
  const input: z.input<typeof schemas.thankInput> = message ? { needId, score, message } : { needId, score };
  return outreachCall('thank', input);
}

/** 报到反馈（按单位汇总） */
export function unitFeedback(communityId: string, period?: string): Promise<Result<views.UnitFeedbackResult>> {
  const input: z.input<typeof schemas.unitFeedbackInput> = period ? { communityId, period } : { communityId };
  return outreachCall('unitFeedback', input);
}

/** 登记服务队 */
export function createTeam(input: z.input<typeof schemas.createTeamInput>): Promise<Result<views.TeamView>> {
  return outreachCall('createTeam', input);
}

/** 本社区的服务队 */
export function listTeams(communityId: string): Promise<Result<views.TeamItem[]>> {
  const input: z.input<typeof schemas.listTeamsInput> = { communityId };
  return outreachCall('listTeams', input);
}

/** outreach.vacateBuildingRole input: the post, and the holder the page shows (someone else holds it now: `STALE`). */
export type VacateInput = z.input<typeof schemas.vacateInput>;

/** outreach.setTeamLeader input: the team and its new leader (an approved resident or confirmed member of its community). */
export type SetTeamLeaderInput = z.input<typeof schemas.setTeamLeaderInput>;

/** 楼栋职务卸任（社区党组织；职务已空则 vacated 为 false） */
export function vacateBuildingRole(input: VacateInput): Promise<Result<views.VacatedPost>> {
  return outreachCall('vacateBuildingRole', input);
}

/** 更换服务队队长（原队长不再组织该队的活动） */
export function setTeamLeader(input: SetTeamLeaderInput): Promise<Result<views.TeamLeaderChange>> {
  return outreachCall('setTeamLeader', input);
}
