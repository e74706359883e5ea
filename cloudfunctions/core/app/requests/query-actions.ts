import { isActive } from '../../domain/request-state';
import { type Filter, type SortDirection, whole } from '../../ports/store';
import { loadRequest } from './change';
import { defineAction, type ActionMap } from '../action';
import { USERS, type UserDoc } from '../account/user';
import { audit } from '../audit';
import { fail, failures, ok, type Result } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { actorFor, followRefusal, handlesRequest, visibilityFor } from './access';
import { REQUEST_FOLLOWS, REQUESTS, INBOX_ROLE_LABELS, summaryOf, type FollowDoc, type InboxItem, type RequestDoc } from './request';
import { listInput, requestRef } from './schemas';
import { timelinePartyLabel } from './timeline';
import { viewOf, type InboxPage, type RevealedPhone } from './views';

import { inboxesOf, inboxRole, QUEUE_FIELD } from './inbox';

/** Reading requests: one request, the boards and inboxes, and a submitter's phone for its handlers. */
export const queryActions = {
  get: defineAction({
    summary: '诉求详情（含办理时间线）',
    access: 'identified',
    input: requestRef,
    load: (input, { store, callerId }) =>
      Promise.all([
        store.get<RequestDoc>(REQUESTS, input.requestId),
        callerId ? store.get<FollowDoc>(REQUEST_FOLLOWS, `${input.requestId}:${callerId}`) : Promise.resolve(null),
      ]),
    run: async (input, ctx) => {
      const [doc, follow] = ctx.loaded;
      if (!doc) return failures.notFound('诉求');
      const actor = actorFor(ctx.user, doc);
      const visibility = visibilityFor(ctx.user, doc, actor);
      if (visibility === 'none') return failures.notFound('诉求');
      const mayFollow = !follow && !!ctx.user && followRefusal(ctx.user, doc) === null;
      return ok(viewOf(doc, actor, visibility, ctx.clock.now(), { following: !!follow, mayFollow }));
    },
  }),

  list: defineAction({
    summary: '诉求列表：我的（mine）、待办（inbox，超时优先）、公示（public）',
    access: 'identified',
    input: listInput,
    run: async (input, ctx): Promise<Result<unknown>> => {
      const limit = input.limit ?? 20;
      const offset = decodeCursor(input.cursor);
      const now = ctx.clock.now();
      const user = ctx.user;
      /** The board and the submitter's own list: one page, newest first, of the given status. */
      const newestFirst = async (filter: Filter) => {
        const rows = await ctx.store.find<RequestDoc>(REQUESTS, input.status ? { ...filter, status: input.status } : filter, {
          orderBy: [['createdAt', 'desc']],
          limit: whole(limit + 1),
          skip: whole(offset),
        });
        return pageOf(
          rows.map((r) => summaryOf(r, now)),
          offset,
          limit,
        );
      };
      if (input.scope === 'public') {
        const compoundId = input.compoundId ?? (user?.status === 'active' ? user.compoundId : undefined);
        if (!compoundId)
          return {
            ok: false,
            error: { code: 'INVALID_INPUT', message: '请指定小区', issues: [{ path: ['compoundId'], message: '必填' }] },
          };
        return ok(await newestFirst({ boardCompoundId: compoundId }));
      }
      if (!user) return failures.notRegistered();
      if (user.status !== 'active') return failures.notActive();
      if (input.scope === 'mine') return ok(await newestFirst({ submitterId: user._id }));
      const inboxes = inboxesOf(user);
      const box = input.queue ? inboxes.find((b) => b.queue === input.queue) : inboxes[0];
      if (!box) return fail('FORBIDDEN', '您没有待办诉求的处理职责', 'NO_INBOX');
      const open = input.status ? isActive(input.status) : input.open !== false;
      const filter: Filter = { [QUEUE_FIELD[box.queue]]: box.value, active: open };
      if (input.status) filter.status = input.status;
      // Open work by due time, so overdue requests come first; finished work most recent first.
      const order: SortDirection = open ? 'asc' : 'desc';
      const rows = await ctx.store.find<RequestDoc>(REQUESTS, filter, {
        orderBy: [['dueAt', order]],
        limit: whole(limit + 1),
        skip: whole(offset),
      });
      const page = pageOf(
        rows.map((r): InboxItem => {
          const role = inboxRole(r, box.queue);
          return { ...summaryOf(r, now), inboxRole: role, inboxRoleLabel: INBOX_ROLE_LABELS[role] };
        }),
        offset,
        limit,
      );
      return ok<InboxPage>({
        ...page,
        queue: box.queue,
        queues: inboxes.map((b) => b.queue),
        queueOptions: inboxes.map((b) => ({ value: b.queue, label: timelinePartyLabel(b.queue) })),
      });
    },
  }),

  revealPhone: defineAction({
    summary: '办理方查看居民完整手机号（留痕）',
    access: 'active',
    input: requestRef,
    load: loadRequest,
    run: async (input, ctx) => {
      const doc = ctx.loaded;
      if (!doc) return failures.notFound('诉求');
      const actor = actorFor(ctx.user, doc);
      if (!handlesRequest(actor, doc)) return fail('FORBIDDEN', '只有办理该诉求的工作人员可以查看联系电话', 'NOT_HANDLING');
      const submitter = await ctx.store.get<UserDoc>(USERS, doc.submitterId);
      if (!submitter) return failures.notFound('提交人');
      await audit(ctx, 'requests.revealPhone', 'request', doc._id, { submitterId: doc.submitterId });
      return ok<RevealedPhone>({ requestId: doc._id, name: submitter.name, phone: submitter.phone });
    },
  }),
} satisfies ActionMap;
