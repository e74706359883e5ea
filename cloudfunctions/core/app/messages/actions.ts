import { defineAction, type ActionMap } from '../action';
import { ok } from '../result';
import { decodeKeyset, keysetAfter, keysetPage } from '../schemas';
import type { Filter } from '../../ports/store';
import { messageView, OUTBOX, type OutboxEntry } from './message';
import { listInput, markReadInput, subscribeInput, templatesInput, unreadInput } from './schemas';
import { recordAccepted } from './subscriptions';
import { SUBSCRIBE_MOMENTS, type SubscribeMoment, type TemplateKey } from './templates';

const DEFAULT_LIMIT = 20;

/** The caller's messages that have not expired. */
const live = (userId: string, now: Date): Filter => ({ userId, expiresAt: { $gt: now.toISOString() } });

export const messagesActions: ActionMap = {
  list: defineAction({
    summary: '我的消息，最新的在前（过期的不再显示）',
    access: 'registered',
    input: listInput,
    run: async (input, ctx) => {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const after = decodeKeyset(input.cursor);
      const base = live(ctx.user!._id, ctx.clock.now());
      const filter = after ? { $and: [base, keysetAfter('createdAt', after, 'desc')] } : base;
      const rows = await ctx.store.find<OutboxEntry>(OUTBOX, filter, {
        orderBy: [
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
        limit: limit + 1,
      });
      return ok(keysetPage(rows, limit, 'createdAt', messageView));
    },
  }),

  unread: defineAction({
    summary: '未读消息数（「我的」标签上的数字）',
    access: 'registered',
    input: unreadInput,
    run: async (_input, ctx) => ok({ count: await ctx.store.count(OUTBOX, { ...live(ctx.user!._id, ctx.clock.now()), read: false }) }),
  }),

  markRead: defineAction({
    summary: '标为已读（不传 messageIds 则全部已读）',
    access: 'registered',
    input: markReadInput,
    run: async (input, ctx) => {
      const userId = ctx.user!._id;
      let marked = 0;
      const mark = async (ids: string[]) => {
        for (const id of ids) marked += await ctx.store.update(OUTBOX, id, { $set: { read: true } }, { userId, read: false });
      };
      if (input.messageIds) await mark(input.messageIds);
      else {
        for (;;) {
          const unread = await ctx.store.find<OutboxEntry>(OUTBOX, { userId, read: false }, { limit: 200 });
          await mark(unread.map((m) => m._id));
          if (unread.length < 200) break;
        }
      }
      return ok({ marked });
    },
  }),

  templates: defineAction({
    summary: '订阅消息模板：在哪个操作时请求订阅哪些模板（未配置的不返回）',
    access: 'identified',
    input: templatesInput,
    run: async (_input, ctx) => {
      const ids = ctx.notifier.templateIds?.() ?? {};
      const moments = {} as Record<SubscribeMoment, Array<{ key: TemplateKey; id: string }>>;
      for (const [moment, keys] of Object.entries(SUBSCRIBE_MOMENTS) as Array<[SubscribeMoment, readonly TemplateKey[]]>) {
        moments[moment] = keys.filter((k) => ids[k]).map((k) => ({ key: k, id: ids[k] }));
      }
      return ok({ moments });
    },
  }),

  subscribe: defineAction({
    summary: '记录用户在订阅弹窗中接受的模板（每接受一次可发送一条）',
    access: 'registered',
    input: subscribeInput,
    run: async (input, ctx) => {
      await recordAccepted(ctx.store, ctx.user!._id, input.accepted as TemplateKey[], ctx.clock.now());
      return ok({ recorded: input.accepted.length });
    },
  }),
};
