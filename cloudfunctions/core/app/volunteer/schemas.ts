import * as z from 'zod/mini';
import { ACTIVITY_CATEGORIES, ACTIVITY_LIMITS } from '../../domain/activity';
import { SIGNUP_STATUSES } from '../../domain/signup';
import { clientToken, id, isoTime, line, paging, phone, strict, text } from '../fields';

/** A contact number: a mobile or a landline such as 0716-8210001. */
const contactPhone = z.string().check(z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入手机号或固话（如 0716-8210001）'));

export const registerInput = strict({
  realName: line(20),
  phone,
  skills: z.optional(z.array(line(20)).check(z.maxLength(10, '最多填写 10 项技能'))),
  isPartyMember: z.optional(z.boolean()),
  isYouthLeagueMember: z.optional(z.boolean()),
});

export const profileInput = strict({});

export const createActivityInput = strict({
  communityId: id,
  title: line(40),
  category: z.enum(ACTIVITY_CATEGORIES),
  description: text(1000),
  location: line(60),
  startAt: isoTime,
  endAt: isoTime,
  capacity: z
    .number()
    .check(
      z.int('名额须为整数'),
      z.gte(1, '名额至少为 1'),
      z.lte(ACTIVITY_LIMITS.maxCapacity, `名额不能超过 ${ACTIVITY_LIMITS.maxCapacity}`),
    ),
  signupDeadline: z.optional(isoTime),
  waitlist: z.optional(z.boolean()),
  openToAll: z.optional(z.boolean()),
  contactName: z.optional(line(20)),
  contactPhone: z.optional(contactPhone),
  /** Published for this volunteer team (its leader may publish). */
  teamId: z.optional(id),
  clientToken: z.optional(clientToken),
});

/** `upcoming`: not yet ended, soonest first; `past`: ended, latest first. */
const LIST_WHEN = ['upcoming', 'past'] as const;

export const listActivitiesInput = strict({
  communityId: id,
  /** One team's activities (of that community): the team's page. */
  teamId: z.optional(id),
  category: z.optional(z.enum(ACTIVITY_CATEGORIES)),
  when: z.optional(z.enum(LIST_WHEN)),
  ...paging,
});

export const activityIdInput = strict({ activityId: id });

export const signupInput = strict({ activityId: id, clientToken: z.optional(clientToken) });

export const cancelInput = strict({ activityId: id });

/** A check-in or check-out: now, or a corrected time `at` with the reason for it. */
export const attendanceInput = strict({
  activityId: id,
  userId: id,
  at: z.optional(isoTime),
  reason: z.optional(text(200)),
}).check(z.refine((v) => v.at === undefined || v.reason !== undefined, { path: ['reason'], message: '更正时间时须填写原因' }));

export const rosterInput = strict({
  activityId: id,
  status: z.optional(z.enum(SIGNUP_STATUSES)),
  ...paging,
});

export const revealPhoneInput = strict({ activityId: id, userId: id });

export const myRecordsInput = strict({ ...paging });

export const mySignupsInput = strict({ ...paging });

export const cancelActivityInput = strict({ activityId: id, reason: text(200) });

export type RegisterVolunteerInput = z.infer<typeof registerInput>;
export type CreateActivityInput = z.infer<typeof createActivityInput>;
export type ListActivitiesInput = z.infer<typeof listActivitiesInput>;
export type AttendanceInput = z.infer<typeof attendanceInput>;
