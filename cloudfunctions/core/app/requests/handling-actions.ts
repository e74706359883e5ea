import type { Command } from '../../domain/request-state';
import { defineAction, type ActionMap } from '../action';
import { audit } from '../audit';
import { ok } from '../result';
import { requestMessages, submitterMessages } from './notify';
import { REQUEST_FOLLOWS, type FollowDoc } from './request';
import {
  acceptInput,
  commentInput,
  decideInput,
  deliberateInput,
  rateInput,
  rejectInput,
  reopenInput,
  requestRef,
  updateInput,
} from './schemas';

import { change, handlers, loadRequest, toHandlers, viewAfter } from './change';
import { whole } from '../../ports/store';

/** The state machine's commands: acceptance, handling, deliberation on major matters, feedback and comments. */
export const handlingActions = {
  accept: defineAction({
    summary: '居委会受理并分派（牵头方 + 协办方，首接负责）',
    access: 'active',
    input: acceptInput,
    load: loadRequest,
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        { id: input.requestId, first: ctx.loaded },
        () => ({
          action: 'accept',
          leadParty: input.leadParty,
          coHandlers: input.coHandlers ?? [],
          tier: input.tier,
          major: input.major ?? false,
          note: input.note ?? null,
        }),
        input.note,
        async ({ after }) => [
          ...submitterMessages(after, '已受理'),
          // A major matter needs the three parties' positions; otherwise the handlers get the work.
          ...(await toHandlers(
            ctx,
            after,
            after.major ? ['residents_committee', 'owners_committee', 'property'] : handlers(after),
            after.major ? 'request_decision_needed' : 'request_assigned',
            { dueAt: after.dueAt },
          )),
        ],
      );
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  reject: defineAction({
    summary: '居委会不予受理（须说明理由）',
    access: 'active',
    input: rejectInput,
    load: loadRequest,
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        { id: input.requestId, first: ctx.loaded },
        () => ({ action: 'reject', reason: input.reason }),
        input.reason,
        async ({ after }) => submitterMessages(after, input.reason),
      );
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  withdraw: defineAction({
    summary: '居民在受理前撤回',
    access: 'active',
    input: requestRef,
    load: loadRequest,
    run: async (input, ctx) => {
      const c = await change(ctx, { id: input.requestId, first: ctx.loaded }, () => ({ action: 'withdraw' }));
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  update: defineAction({
    summary: '牵头方记录进展或办结（办结须填写说明）',
    access: 'active',
    input: updateInput,
    load: loadRequest,
    run: async (input, ctx) => {
      const photos = input.photos ?? [];
      const c = await change(
        ctx,
        { id: input.requestId, first: ctx.loaded },
        (doc): Command =>
          input.status === 'resolved'
            ? { action: 'resolve', note: input.note, photos }
            : { action: doc.status === 'in_progress' ? 'progress' : 'start', note: input.note, photos },
        input.note,
        async ({ after, transition }) => {
          const messages = submitterMessages(after, input.note);
          if (transition.to !== 'resolved' || after.followers === 0) return messages;
          const follows = await ctx.store.find<FollowDoc>(REQUEST_FOLLOWS, { requestId: after._id }, { limit: whole(500) });
          const note = { note: input.note.slice(0, 20) };
          return [
            ...messages,
            ...requestMessages(
              after,
              follows.map((f) => f.userId),
              'request_followed_resolved',
              note,
            ),
          ];
        },
      );
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  deliberate: defineAction({
    summary: '重大事项三方表态（同意 / 反对 / 弃权）',
    access: 'active',
    input: deliberateInput,
    load: loadRequest,
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        { id: input.requestId, first: ctx.loaded },
        () => ({ action: 'deliberate', position: input.position, opinion: input.opinion }),
        input.opinion,
        async ({ before, after }) => {
          if (after.majorStage === before.majorStage) return [];
          if (after.majorStage === 'objected') return toHandlers(ctx, after, ['party_org'], 'request_objection');
          if (after.majorStage === 'cleared') return toHandlers(ctx, after, handlers(after), 'request_cleared');
          return [];
        },
      );
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  decide: defineAction({
    summary: '社区党组织记录联席会议协调结果（继续办理 / 不予办理）',
    access: 'active',
    input: decideInput,
    load: loadRequest,
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        { id: input.requestId, first: ctx.loaded },
        () => ({ action: 'decide', outcome: input.outcome, note: input.note }),
        input.note,
        async ({ after }) => [
          ...(await toHandlers(ctx, after, ['residents_committee', 'owners_committee', 'property'], 'request_meeting_outcome', {
            outcome: input.outcome === 'proceed' ? '继续办理' : '不予办理',
          })),
          ...(input.outcome === 'reject' ? submitterMessages(after, input.note) : []),
        ],
        (tx, { after }) => audit({ ...ctx, store: tx }, 'requests.decide', 'request', after._id, { outcome: input.outcome }),
      );
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  rate: defineAction({
    summary: '居民评价（1–5 分，是否解决；未解决则重新办理）',
    access: 'active',
    input: rateInput,
    load: loadRequest,
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        { id: input.requestId, first: ctx.loaded },
        () => ({ action: 'rate', score: input.score, solved: input.solved, comment: input.comment ?? null }),
        input.comment,
        async ({ after, transition }) =>
          transition.to === 'reopened' ? toHandlers(ctx, after, handlers(after), 'request_reopened', { dueAt: after.dueAt }) : [],
      );
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  reopen: defineAction({
    summary: '居民在期限内申请重新办理',
    access: 'active',
    input: reopenInput,
    load: loadRequest,
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        { id: input.requestId, first: ctx.loaded },
        () => ({ action: 'reopen', reason: input.reason }),
        input.reason,
        async ({ after }) => toHandlers(ctx, after, handlers(after), 'request_reopened', { dueAt: after.dueAt }),
      );
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  comment: defineAction({
    summary: '在时间线上留言（居民、办理各方、党组织）',
    access: 'active',
    input: commentInput,
    load: loadRequest,
    run: async (input, ctx) => {
      const c = await change(ctx, { id: input.requestId, first: ctx.loaded }, () => ({ action: 'comment', note: input.note }), input.note);
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),
} satisfies ActionMap;
