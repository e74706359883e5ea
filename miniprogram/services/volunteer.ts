// volunteer: registration, activities, signup with capacity and waitlist, attendance, hours and
// records (API.md §5). Typed one way, by type-only import: inputs are what the server's zod schemas
// accept (`z.input`), answers are the server's views, failures carry VolunteerReason.
import type * as z from 'zod/mini';
import type { ApiResult, Page } from '../../typings/api';
import type * as schemas from '../../cloudfunctions/core/app/volunteer/schemas';
import type { VolunteerReason } from '../../cloudfunctions/core/app/volunteer/reasons';
import type * as views from '../../cloudfunctions/core/app/volunteer/views';
import { functionCaller } from './transport';

export type * from '../../cloudfunctions/core/app/volunteer/views';
export type { ActivityCategory } from '../../cloudfunctions/core/domain/activity';
export type { SignupStatus } from '../../cloudfunctions/core/domain/signup';
export type { VolunteerReason };

/** An answer of the volunteer function. */
export type Result<T> = ApiResult<T, VolunteerReason>;

export type RegisterVolunteerInput = z.input<typeof schemas.registerInput>;
export type CreateActivityInput = z.input<typeof schemas.createActivityInput>;
export type ListActivitiesInput = z.input<typeof schemas.listActivitiesInput>;
/** A check-in or check-out; `at` (a corrected time) needs a `reason`. */
export type AttendanceInput = z.input<typeof schemas.attendanceInput>;
type RosterOptions = Omit<z.input<typeof schemas.rosterInput>, 'activityId'>;
type PagingOptions = z.input<typeof schemas.myRecordsInput>;

const volunteerCall = functionCaller<VolunteerReason>('volunteer');

/** 登记为志愿者 */
export function register(input: RegisterVolunteerInput): Promise<Result<views.VolunteerProfile>> {
  return volunteerCall('register', input);
}

/** 我的志愿者信息（未登记时为 null） */
export function profile(): Promise<Result<views.VolunteerProfile | null>> {
  return volunteerCall('profile');
}

/** 发布志愿活动 */
export function createActivity(input: CreateActivityInput): Promise<Result<views.ActivityDetail>> {
  return volunteerCall('createActivity', input);
}

/** 志愿活动列表（即将开始的在前） */
export function listActivities(input: ListActivitiesInput): Promise<Result<Page<views.ActivitySummary>>> {
  return volunteerCall('listActivities', input);
}

/** 活动详情（含本人报名状态与候补位次） */
export function getActivity(activityId: string): Promise<Result<views.ActivityDetail>> {
  return volunteerCall('getActivity', { activityId } satisfies z.input<typeof schemas.activityIdInput>);
}

/** 报名活动（满员时进入候补）；clientToken 让重试只报名一次 */
export function signup(activityId: string, clientToken?: string): Promise<Result<views.SignupResult>> {
  const input: z.input<typeof schemas.signupInput> = clientToken ? { activityId, clientToken } : { activityId };
  return volunteerCall('signup', input);
}

/** 取消本人报名 */
export function cancel(activityId: string): Promise<Result<views.CancelAnswer>> {
  return volunteerCall('cancel', { activityId } satisfies z.input<typeof schemas.cancelInput>);
}

/** 签到（组织方） */
export function checkIn(input: AttendanceInput): Promise<Result<views.RosterEntry>> {
  return volunteerCall('checkIn', input);
}

/** 签退并计算服务时长（组织方） */
export function checkOut(input: AttendanceInput): Promise<Result<views.RosterEntry>> {
  return volunteerCall('checkOut', input);
}

/** 活动报名名单（组织方，手机号脱敏） */
export function roster(activityId: string, options: RosterOptions = {}): Promise<Result<views.RosterPage>> {
  return volunteerCall('roster', { activityId, ...options });
}

/** 查看报名志愿者的完整手机号（组织方，留痕） */
export function revealPhone(activityId: string, userId: string): Promise<Result<{ userId: string; phone: string }>> {
  return volunteerCall('revealPhone', { activityId, userId } satisfies z.input<typeof schemas.revealPhoneInput>);
}

/** 我的志愿服务记录与累计时长 */
export function myRecords(options: PagingOptions = {}): Promise<Result<views.MyRecords>> {
  return volunteerCall('myRecords', options);
}

/** 我的报名 */
export function mySignups(options: z.input<typeof schemas.mySignupsInput> = {}): Promise<Result<Page<views.MySignupItem>>> {
  return volunteerCall('mySignups', options);
}

/** 取消活动并通知已报名的志愿者（组织方） */
export function cancelActivity(activityId: string, reason: string): Promise<Result<views.ActivityDetail>> {
  return volunteerCall('cancelActivity', { activityId, reason } satisfies z.input<typeof schemas.cancelActivityInput>);
}
