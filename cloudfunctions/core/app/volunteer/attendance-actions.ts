import { attendanceWindow, checkInProblem, checkOutProblem, serviceHours, type AttendanceTimeProblem } from '../../domain/hours';
import { toUtcIso } from '../../domain/activity';
import type { Filter } from '../../ports/store';
import { defineAction, type ActionMap, type LoadContext } from '../action';
import { audit, auditedChange } from '../audit';
import { bumpTeam } from '../outreach/stats';
import { organisesActivity } from '../scope';
import { checkTexts } from '../content';
import type { AppContext } from '../context';
import { fail, failures, ok, type Failure } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { ACTIVITIES, SIGNUPS, signupIdOf, VOLUNTEERS, type ActivityDoc, type SignupDoc } from './model';
import { attendanceInput, revealPhoneInput, rosterInput, type AttendanceInput } from './schemas';
import { teamOf } from './team-of';
import { rosterEntry, type RosterPage } from './views';
import { whole } from '../../ports/store';

const TIME_MESSAGES: Record<AttendanceTimeProblem, string> = {
  TIME_IN_FUTURE: '时间不能晚于现在',
  CHECK_IN_TOO_EARLY: '活动开始前 1 小时起才能签到',
  ACTIVITY_ENDED: '活动已结束，请填写实际签到时间和更正原因',
  CHECK_OUT_BEFORE_CHECK_IN: '签退时间须晚于签到时间',
  CHECK_OUT_AFTER_END: '签退时间不能晚于活动结束时间',
  CHECK_OUT_TIME_REQUIRED: '活动已结束，请填写实际签退时间和更正原因',
  CORRECTION_WINDOW_CLOSED: '活动结束已超过 7 天，不能再登记或更正考勤',
};

/**
 * The activity and the volunteer's signup, read in the same round as the caller's record; then,
 * for a team's activity only, the team (whose current leader organises it).
 */
async function loadAttendance(input: { activityId: string; userId: string }, { store }: LoadContext) {
  const [a, s] = await Promise.all([
    store.get<ActivityDoc>(ACTIVITIES, input.activityId),
    store.get<SignupDoc>(SIGNUPS, signupIdOf(input.activityId, input.userId)),
  ]);
  return { a, s, team: await teamOf(store, a) };
}

type Loaded = Awaited<ReturnType<typeof loadAttendance>>;

/** The activity and the volunteer's signup, once the caller is known to organise it. */
function forOrganiser(ctx: AppContext, { a, s, team }: Loaded): { a: ActivityDoc; s: SignupDoc } | Failure {
  if (!a) return failures.notFound('活动');
  if (!organisesActivity(ctx.user, a, team)) return failures.forbidden('只有活动组织方或服务队队长可以管理签到');
  if (a.status === 'cancelled') return fail('INVALID_STATE', '活动已取消', 'ACTIVITY_CANCELLED');
  if (!s || s.status === 'cancelled') return fail('NOT_FOUND', '该志愿者没有报名此活动', 'NOT_SIGNED_UP');
  if (s.status !== 'confirmed') return fail('INVALID_STATE', '该志愿者仍在候补，未获得名额', 'NOT_CONFIRMED');
  return { a, s };
}

/** The signup changed since it was read: the transaction is abandoned. */
class StaleSignup extends Error {}

/**
 * Writes a check-in or check-out: the signup only if unchanged since read (so two organisers
 * cannot both record it), with the volunteer's total hours when they change and the audit entry,
 * in one transaction.
 */
async function recordAttendance(
  ctx: AppContext,
  a: ActivityDoc,
  s: SignupDoc,
  kind: 'checkIn' | 'checkOut',
  at: string,
  input: AttendanceInput,
): Promise<Failure | SignupDoc> {
  const nowIso = ctx.clock.now().toISOString();
  const checkInAt = kind === 'checkIn' ? at : (s.checkInAt as string);
  const checkOutAt = kind === 'checkOut' ? at : s.checkOutAt;
  const result = checkOutAt
    ? serviceHours({ checkInAt, checkOutAt, startAt: a.startAt, endAt: a.endAt, minRatio: a.rules.attendanceMinRatio })
    : null;
  const next: SignupDoc = {
    ...s,
    checkInAt,
    ...(checkOutAt ? { checkOutAt } : {}),
    attendance: result ? (result.counted ? 'attended' : 'insufficient') : 'checked_in',
    hours: result ? result.hours : 0,
    updatedAt: nowIso,
  };
  const delta = next.hours - s.hours;
  const set: Record<string, unknown> = { checkInAt, attendance: next.attendance, hours: next.hours, updatedAt: nowIso };
  if (checkOutAt) set.checkOutAt = checkOutAt;
  const unchanged = { updatedAt: s.updatedAt, status: 'confirmed' };
  const previous = kind === 'checkIn' ? (s.checkInAt ?? null) : (s.checkOutAt ?? null);
  const detail = { at, previous, corrected: input.at !== undefined, reason: input.reason ?? null, hours: next.hours };
  // The signup (guarded by what was read), the volunteer's and the team's hours when they change,
  // and the audit entry: one transaction, issued together.
  const entry = { action: `volunteer.${kind}`, targetType: 'signup', targetId: s._id, detail };
  try {
    await auditedChange(ctx, entry, (tx) => [
      tx.update(SIGNUPS, s._id, { $set: set }, unchanged).then((n) => {
        if (!n) throw new StaleSignup();
      }),
      delta !== 0 ? tx.update(VOLUNTEERS, s.userId, { $inc: { totalHours: delta }, $set: { updatedAt: nowIso } }) : null,
      delta !== 0 && a.teamId ? bumpTeam(tx, a.teamId, { serviceHours: delta }) : null,
    ]);
  } catch (err) {
    if (err instanceof StaleSignup) return fail('CONFLICT', '该志愿者的考勤刚被修改，请刷新后重试', 'STALE');
    throw err;
  }
  return next;
}

/** Organisers' attendance and roster actions. */
export const attendanceActions: ActionMap = {
  checkIn: defineAction({
    summary: '签到（可填写实际时间与更正原因）',
    access: 'active',
    input: attendanceInput,
    load: loadAttendance,
    run: async (input, ctx) => {
      const loaded = forOrganiser(ctx, ctx.loaded);
      if ('ok' in loaded) return loaded;
      const { a, s } = loaded;
      const now = ctx.clock.now();
      if (s.checkInAt && input.at === undefined) return fail('CONFLICT', '该志愿者已签到', 'ALREADY_CHECKED_IN');
      const at = input.at ? toUtcIso(input.at) : now.toISOString();
      const problem = checkInProblem(new Date(at), a, now);
      if (problem) return fail('INVALID_STATE', TIME_MESSAGES[problem], problem);
      if (s.checkOutAt && at >= s.checkOutAt)
        return fail('INVALID_STATE', TIME_MESSAGES.CHECK_OUT_BEFORE_CHECK_IN, 'CHECK_OUT_BEFORE_CHECK_IN');
      const rejected = await checkTexts(ctx, [input.reason]);
      if (rejected) return rejected;
      const r = await recordAttendance(ctx, a, s, 'checkIn', at, input);
      return 'ok' in r ? r : ok(rosterEntry(r, a, now));
    },
  }),

  checkOut: defineAction({
    summary: '签退并计算服务时长',
    access: 'active',
    input: attendanceInput,
    load: loadAttendance,
    run: async (input, ctx) => {
      const loaded = forOrganiser(ctx, ctx.loaded);
      if ('ok' in loaded) return loaded;
      const { a, s } = loaded;
      const now = ctx.clock.now();
      if (!s.checkInAt) return fail('INVALID_STATE', '该志愿者尚未签到', 'NOT_CHECKED_IN');
      if (s.checkOutAt && input.at === undefined) return fail('CONFLICT', '该志愿者已签退', 'ALREADY_CHECKED_OUT');
      const at = input.at ? toUtcIso(input.at) : now.toISOString();
      const problem = checkOutProblem(new Date(at), s.checkInAt, a, now, input.at !== undefined);
      if (problem) return fail('INVALID_STATE', TIME_MESSAGES[problem], problem);
      const rejected = await checkTexts(ctx, [input.reason]);
      if (rejected) return rejected;
      const r = await recordAttendance(ctx, a, s, 'checkOut', at, input);
      return 'ok' in r ? r : ok(rosterEntry(r, a, now));
    },
  }),

  roster: defineAction({
    summary: '活动报名名单（手机号脱敏）',
    access: 'active',
    input: rosterInput,
    // Both reads with the caller's record; the rows are only returned once the caller is known to organise it.
    load: (input, { store }) => {
      const filter: Filter = { activityId: input.activityId };
      if (input.status) filter.status = input.status;
      return Promise.all([
        store.get<ActivityDoc>(ACTIVITIES, input.activityId).then(async (a) => ({ a, team: await teamOf(store, a) })),
        store.find<SignupDoc>(SIGNUPS, filter, {
          orderBy: [['seq', 'asc']],
          limit: whole((input.limit ?? 100) + 1),
          skip: whole(decodeCursor(input.cursor)),
        }),
      ]);
    },
    run: async (input, ctx) => {
      const limit = input.limit ?? 100;
      const offset = decodeCursor(input.cursor);
      const [{ a, team }, rows] = ctx.loaded;
      if (!a) return failures.notFound('活动');
      if (!organisesActivity(ctx.user, a, team)) return failures.forbidden('只有活动组织方或服务队队长可以查看报名名单');
      const now = ctx.clock.now();
      const page = pageOf(
        rows.map((s) => rosterEntry(s, a, now)),
        offset,
        limit,
      );
      const window = attendanceWindow(a, now);
      return ok<RosterPage>({
        ...page,
        capacity: a.capacity,
        confirmedCount: a.confirmedCount,
        waitlistCount: a.waitlistCount,
        checkInOpensAt: window.opensAt,
        attendanceOpen: window.open,
        teamName: a.teamName ?? null,
      });
    },
  }),

  revealPhone: defineAction({
    summary: '查看报名志愿者的完整手机号（留痕）',
    access: 'active',
    input: revealPhoneInput,
    load: loadAttendance,
    run: async (input, ctx) => {
      const { a, s, team } = ctx.loaded;
      if (!a) return failures.notFound('活动');
      if (!organisesActivity(ctx.user, a, team)) return failures.forbidden('只有活动组织方或服务队队长可以查看联系方式');
      if (!s) return fail('NOT_FOUND', '该志愿者没有报名此活动', 'NOT_SIGNED_UP');
      await audit(ctx, 'volunteer.revealPhone', 'signup', s._id);
      return ok({ userId: s.userId, phone: s.phone });
    },
  }),
};
