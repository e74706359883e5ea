// volunteer: registration, activities, signup with capacity and waitlist, attendance, hours and
// records (API.md §5). Output types come from the server's views by type-only import (they use no
// Node types); inputs are written here, mirroring cloudfunctions/core/app/volunteer/schemas.ts.
import type { ApiResult, Page } from '../../typings/api';
import type { ActivityCategory } from '../../cloudfunctions/core/domain/activity';
import type { SignupStatus } from '../../cloudfunctions/core/domain/signup';
import type {
  ActivityDetail,
  ActivitySummary,
  MySignupItem,
  RosterEntry,
  ServiceRecord,
  VolunteerProfile,
} from '../../cloudfunctions/core/app/volunteer/views';
import { call } from './transport';

export type { ActivityCategory, ActivityDetail, ActivitySummary, MySignupItem, RosterEntry, ServiceRecord, SignupStatus, VolunteerProfile };

/** volunteer.register input. */
export interface RegisterVolunteerInput {
  realName: string;
  phone: string;
  skills?: string[];
  isPartyMember?: boolean;
}

/** volunteer.createActivity input; times are ISO-8601 with offset. */
export interface CreateActivityInput {
  communityId: string;
  title: string;
  category: ActivityCategory;
  description: string;
  location: string;
  startAt: string;
  endAt: string;
  capacity: number;
  signupDeadline?: string;
  waitlist?: boolean;
  openToAll?: boolean;
  contactName?: string;
  contactPhone?: string;
  clientToken?: string;
}

/** volunteer.listActivities input. */
export interface ListActivitiesInput {
  communityId: string;
  category?: ActivityCategory;
  when?: 'upcoming' | 'past';
  cursor?: string;
  limit?: number;
}

/** A check-in or check-out; `at` (a corrected time) needs a `reason`. */
export interface AttendanceInput {
  activityId: string;
  userId: string;
  at?: string;
  reason?: string;
}

/** volunteer.signup answer. */
export type SignupResult = { status: 'confirmed' } | { status: 'waitlisted'; position: number };

/** volunteer.cancel answer. */
export interface CancelResult {
  status: 'cancelled';
  lateCancel: boolean;
  promoted: number;
}

/** volunteer.roster answer: a page of entries with the activity's counters. */
export interface RosterPage extends Page<RosterEntry> {
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
}

/** volunteer.myRecords answer. */
export interface MyRecords {
  volunteer: VolunteerProfile;
  totalHours: number;
  records: ServiceRecord[];
  nextCursor: string | null;
}

/** 登记为志愿者 */
export function register(input: RegisterVolunteerInput): Promise<ApiResult<VolunteerProfile>> {
  return call<VolunteerProfile>('volunteer', 'register', input);
}

/** 我的志愿者信息（未登记时为 null） */
export function profile(): Promise<ApiResult<VolunteerProfile | null>> {
  return call<VolunteerProfile | null>('volunteer', 'profile');
}

/** 发布志愿活动 */
export function createActivity(input: CreateActivityInput): Promise<ApiResult<ActivityDetail>> {
  return call<ActivityDetail>('volunteer', 'createActivity', input);
}

/** 志愿活动列表（即将开始的在前） */
export function listActivities(input: ListActivitiesInput): Promise<ApiResult<Page<ActivitySummary>>> {
  return call<Page<ActivitySummary>>('volunteer', 'listActivities', input);
}

/** 活动详情（含本人报名状态与候补位次） */
export function getActivity(activityId: string): Promise<ApiResult<ActivityDetail>> {
  return call<ActivityDetail>('volunteer', 'getActivity', { activityId });
}

/** 报名活动（满员时进入候补）；clientToken 让重试只报名一次 */
export function signup(activityId: string, clientToken?: string): Promise<ApiResult<SignupResult>> {
  return call<SignupResult>('volunteer', 'signup', clientToken ? { activityId, clientToken } : { activityId });
}

/** 取消本人报名 */
export function cancel(activityId: string): Promise<ApiResult<CancelResult>> {
  return call<CancelResult>('volunteer', 'cancel', { activityId });
}

/** 签到（组织方） */
export function checkIn(input: AttendanceInput): Promise<ApiResult<RosterEntry>> {
  return call<RosterEntry>('volunteer', 'checkIn', input);
}

/** 签退并计算服务时长（组织方） */
export function checkOut(input: AttendanceInput): Promise<ApiResult<RosterEntry>> {
  return call<RosterEntry>('volunteer', 'checkOut', input);
}

/** 活动报名名单（组织方，手机号脱敏） */
export function roster(
  activityId: string,
  options: { status?: SignupStatus; cursor?: string; limit?: number } = {},
): Promise<ApiResult<RosterPage>> {
  return call<RosterPage>('volunteer', 'roster', { activityId, ...options });
}

/** 查看报名志愿者的完整手机号（组织方，留痕） */
export function revealPhone(activityId: string, userId: string): Promise<ApiResult<{ userId: string; phone: string }>> {
  return call<{ userId: string; phone: string }>('volunteer', 'revealPhone', { activityId, userId });
}

/** 我的志愿服务记录与累计时长 */
export function myRecords(options: { cursor?: string; limit?: number } = {}): Promise<ApiResult<MyRecords>> {
  return call<MyRecords>('volunteer', 'myRecords', options);
}

/** 我的报名 */
export function mySignups(options: { cursor?: string; limit?: number } = {}): Promise<ApiResult<Page<MySignupItem>>> {
  return call<Page<MySignupItem>>('volunteer', 'mySignups', options);
}

/** 取消活动并通知已报名的志愿者（组织方） */
export function cancelActivity(activityId: string, reason: string): Promise<ApiResult<ActivityDetail>> {
  return call<ActivityDetail>('volunteer', 'cancelActivity', { activityId, reason });
}
