import { defineAction, type ActionMap } from '../action';
import { ok } from '../result';
import { decodeKeyset, keysetAfter, keysetPage } from '../schemas';
import type { Filter, Store } from '../../ports/store';
import { messageView, OUTBOX, type OutboxEntry } from './message';
import { listInput, markReadInput, subscribeInput, templatesInput, unreadInput } from './schemas';
import { recordAccepted } from './subscriptions';
import { SUBSCRIBE_MOMENTS, type SubscribeMoment, type TemplateKey } from './templates';
import { whole } from '../../ports/store';

const DEFAULT_LIMIT = 20;
/** Unread messages marked per page, and how many updates are in flight at once. */
const UNREAD_PAGE = 200;
const MARK_TOGETHER = 50;

const unreadPage = (store: Store, userId: string) =>
  store.find<OutboxEntry>(OUTBOX, { userId, read: false }, { limit: whole(UNREAD_PAGE) });

/** The caller's messages that have not expired. */
const live = (userId: string, now: Date): Filter => ({ userId, expiresAt: { $gt: now.toISOString() } });

export const messagesActions: ActionMap = {
  list: defineAction({
    summary: '我的消息，最新的在前（过期的不再显示）',
    access: 'registered',
    input: listInput,
    // The caller's own messages (their user id derives from the OPENID), read with their record.
    load: (input, { store, callerId, now }) => {
      const after = decodeKeyset(input.cursor);
      const base = live(callerId ?? '', now);
      const filter = after ? { $and: [base, keysetAfter('createdAt', after, 'desc')] } : base;
      return store.find<OutboxEntry>(OUTBOX, filter, {
        orderBy: [
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ],
        limit: whole((input.limit ?? DEFAULT_LIMIT) + 1),
      });
    },
    run: async (input, ctx) => {
      return ok(keysetPage(ctx.loaded, input.limit ?? DEFAULT_LIMIT, 'createdAt', messageView));
    },
  }),

  unread: defineAction({
    summary: '未读消息数（「我的」标签上的数字）',
    access: 'registered',
    input: unreadInput,
    load: (_input, { store, callerId, now }) => store.count(OUTBOX, { ...live(callerId ?? '', now), read: false }),
    run: async (_input, ctx) => ok({ count: ctx.loaded }),
  }),

  markRead: defineAction({
    summary: '标为已读（不传 messageIds 则全部已读）',
    access: 'registered',
    input: markReadInput,
    // Without ids, the first page of the caller's unread messages is read with their record.
    load: (input, { store, callerId }) => (input.messageIds ? Promise.resolve(null) : unreadPage(store, callerId ?? '')),
    run: async (input, ctx) => {
      const userId = ctx.callerId;
      let marked = 0;
      // One conditional update per message, issued MARK_TOGETHER at a time.
      const mark = async (ids: string[]) => {
        for (let i = 0; i < ids.length; i += MARK_TOGETHER) {
          const done = await Promise.all(
            ids.slice(i, i + MARK_TOGETHER).map((id) => ctx.store.update(OUTBOX, id, { $set: { read: true } }, { userId, read: false })),
          );
          marked += done.reduce<number>((n, d) => n + d, 0);
        }
      };
      if (input.messageIds) await mark(input.messageIds);
      else {
        for (let unread = ctx.loaded ?? []; ; unread = await unreadPage(ctx.store, userId)) {
          await mark(unread.map((m) => m._id));
          if (unread.length < UNREAD_PAGE) break;
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
      await recordAccepted(ctx.store, ctx.user._id, input.accepted, ctx.clock.now());
      return ok({ recorded: input.accepted.length });
    },
  }),
};
