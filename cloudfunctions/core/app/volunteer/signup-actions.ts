import { defineAction, type ActionMap } from '../action';
import { isFailure } from '../auth';
import { fail, ok } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { SIGNUPS, VOLUNTEERS, type SignupDoc, type VolunteerDoc } from './model';
import { releaseSeat } from './seat-release';
import { readSignupState, takeSeat } from './seats';
import { cancelInput, myRecordsInput, mySignupsInput, signupInput } from './schemas';
import { mySignupItem, serviceRecord, volunteerProfile, type CancelAnswer, type MyRecords } from './views';
import { whole } from '../../ports/store';

/** Signing up, cancelling, and the volunteer's own signups and service records. */
export const signupActions: ActionMap = {
  signup: defineAction({
    summary: '报名活动（满员时进入候补）',
    access: 'active',
    idempotent: true,
    input: signupInput,
    // The activity, the caller's profile and earlier signup, read in the caller's round: the seat
    // transaction then only writes (app/volunteer/seat-writes.ts).
    load: (input, { store, callerId }) => readSignupState(store, input.activityId, callerId ?? ''),
    run: async (input, ctx) => {
      const storeIn = ctx.storeResultIn;
      const r = await takeSeat(
        ctx.store,
        ctx.clock.now(),
        input.activityId,
        ctx.user,
        ctx.loaded,
        storeIn && ((tx, answer) => storeIn(tx, ok(answer))),
      );
      return isFailure(r) ? r : ok(r);
    },
  }),

  cancel: defineAction({
    summary: '取消本人报名（空出的名额由候补第一位递补）',
    access: 'active',
    input: cancelInput,
    load: (input, { store, callerId }) => readSignupState(store, input.activityId, callerId ?? ''),
    run: async (input, ctx) => {
      const r = await releaseSeat(ctx.store, ctx.notifier, ctx.clock.now(), input.activityId, ctx.callerId, ctx.loaded);
      if (isFailure(r)) return r;
      return ok<CancelAnswer>({ status: 'cancelled', lateCancel: r.late, promoted: r.promoted.length });
    },
  }),

  mySignups: defineAction({
    summary: '我的报名（活动时间倒序）',
    access: 'registered',
    input: mySignupsInput,
    load: (input, { store, callerId }) =>
      store.find<SignupDoc>(
        SIGNUPS,
        { userId: callerId ?? '' },
        { orderBy: [['startAt', 'desc']], limit: whole((input.limit ?? 20) + 1), skip: whole(decodeCursor(input.cursor)) },
      ),
    run: async (input, ctx) => {
      const limit = input.limit ?? 20;
      const offset = decodeCursor(input.cursor);
      const rows = ctx.loaded;
      const now = ctx.clock.now();
      return ok(
        pageOf(
          rows.map((s) => mySignupItem(s, now)),
          offset,
          limit,
        ),
      );
    },
  }),

  myRecords: defineAction({
    summary: '我的志愿服务记录与累计时长（志愿服务记录证明所需数据）',
    access: 'registered',
    input: myRecordsInput,
    load: (input, { store, callerId }) => {
      const userId = callerId ?? '';
      return Promise.all([
        store.get<VolunteerDoc>(VOLUNTEERS, userId),
        store.find<SignupDoc>(
          SIGNUPS,
          { userId, attendance: 'attended' },
          { orderBy: [['startAt', 'desc']], limit: whole((input.limit ?? 20) + 1), skip: whole(decodeCursor(input.cursor)) },
        ),
      ]);
    },
    run: async (input, ctx) => {
      const limit = input.limit ?? 20;
      const offset = decodeCursor(input.cursor);
      const [v, rows] = ctx.loaded;
      if (!v) return fail('FORBIDDEN', '请先登记为志愿者', 'NOT_VOLUNTEER');
      const page = pageOf(rows.map(serviceRecord), offset, limit);
      return ok<MyRecords>({ volunteer: volunteerProfile(v), totalHours: v.totalHours, records: page.items, nextCursor: page.nextCursor });
    },
  }),
};
