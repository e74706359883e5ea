import { applyCommand, isActive, type Command, type Transition } from '../../domain/request-state';
import { DUPLICATE_WINDOW_DAYS, plusDays } from '../../domain/request-time-limits';
import { rulesFor } from '../../domain/rules-config';
import type { Party } from '../../domain/roles';
import type { Notification } from '../../ports/notifier';
import { DuplicateKeyError, type Filter, type SortDirection } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { USERS, type UserDoc } from '../account/user';
import { audit } from '../audit';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from '../community/community';
import { checkTexts } from '../content';
import type { AppContext } from '../context';
import { newId } from '../ids';
import { fail, failures, ok, type Failure, type Result } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { actorFor, visibilityFor } from './access';
import { membersOf, requestMessages, submitterMessages, type Audience } from './notify';
import {
  newRequestDoc,
  nextDoc,
  patchFor,
  REQUEST_FOLLOWS,
  REQUESTS,
  summaryOf,
  type FollowDoc,
  type InboxItem,
  type InboxRole,
  type RequestDoc,
} from './request';
import {
  acceptInput,
  commentInput,
  decideInput,
  deliberateInput,
  listInput,
  rateInput,
  rejectInput,
  reopenInput,
  requestRef,
  similarInput,
  submitInput,
  updateInput,
} from './schemas';
import { viewOf, type RequestView } from './views';

/** How often a change is retried when another one landed between our read and our write. */
const MAX_ATTEMPTS = 3;

interface Changed {
  before: RequestDoc;
  after: RequestDoc;
  transition: Transition;
}

/** The messages a change sends (RULES.md §8), worked out before it is written. */
type MessagesOf = (c: Changed) => Promise<Notification[]>;

/**
 * Applies one state-machine command to a request: read, decide (pure), check the text, then a
 * write conditional on the version read — so two concurrent changes never both apply to the same
 * state; the loser re-reads and is decided again. The change and the messages it sends are one
 * transaction: a crash leaves both or neither, so no message is lost or doubled.
 */
async function change(
  ctx: AppContext,
  requestId: string,
  commandFor: (doc: RequestDoc) => Command,
  text?: string | null,
  messagesOf?: MessagesOf,
): Promise<Changed | Failure> {
  let checked = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const doc = await ctx.store.get<RequestDoc>(REQUESTS, requestId);
    if (!doc) return failures.notFound('诉求');
    // The table checks the caller's role before the state, so a stranger learns nothing about it.
    const actor = actorFor(ctx.user, doc);
    const now = ctx.clock.now();
    const t = applyCommand(doc, commandFor(doc), actor, now);
    if (!t.ok) {
      if (t.code === 'INVALID_INPUT')
        return {
          ok: false,
          error: { code: 'INVALID_INPUT', message: t.message, reason: t.reason, issues: [{ path: ['coHandlers'], message: t.message }] },
        };
      return fail(t.code, t.message, t.reason);
    }
    if (!checked) {
      const refused = await checkTexts(ctx, [text]);
      if (refused) return refused;
      checked = true;
    }
    const after = nextDoc(doc, t, now);
    const patch = patchFor(doc, after, t);
    const changed: Changed = { before: doc, after, transition: t };
    const messages = messagesOf ? await messagesOf(changed) : [];
    const written =
      messages.length === 0
        ? await ctx.store.update(REQUESTS, doc._id, patch, { version: doc.version })
        : await ctx.store.transaction(async (tx) => {
            if (!(await tx.update(REQUESTS, doc._id, patch, { version: doc.version }))) return 0;
            for (const m of messages) await ctx.notifier.sendIn(tx, m);
            return 1;
          });
    if (written) return changed;
  }
  return fail('CONFLICT', '该诉求刚被他人更新，请刷新后重试', 'STALE');
}

/** Which parties to tell that a request now waits for them. */
function handlers(r: RequestDoc): Audience[] {
  return r.leadParty ? [r.leadParty, ...r.coHandlers] : ['residents_committee'];
}

/** Messages to the members of some parties, but not to the one making the change. */
async function toHandlers(
  ctx: AppContext,
  r: RequestDoc,
  audiences: Audience[],
  template: string,
  data: Record<string, string> = {},
): Promise<Notification[]> {
  const members = await membersOf(ctx, r, audiences);
  return requestMessages(
    r,
    members.filter((m) => m._id !== ctx.callerId).map((m) => m._id),
    template,
    data,
  );
}

/** The view of a changed request for the one who changed it. */
function viewAfter(ctx: AppContext, c: Changed): RequestView {
  const actor = actorFor(ctx.user, c.after);
  const visibility = visibilityFor(ctx.user, c.after, actor);
  return viewOf(c.after, actor, visibility === 'none' ? 'public' : visibility, ctx.clock.now());
}

type InboxQueue = 'residents_committee' | 'owners_committee' | 'property' | 'party_org';
const QUEUE_FIELD: Record<InboxQueue, 'rcQueue' | 'ocQueue' | 'pfQueue' | 'poQueue'> = {
  residents_committee: 'rcQueue',
  owners_committee: 'ocQueue',
  property: 'pfQueue',
  party_org: 'poQueue',
};

/** The inboxes a user has, with the value their queue field holds. */
function inboxesOf(user: UserDoc): Array<{ queue: InboxQueue; value: string }> {
  if (user.status !== 'active') return [];
  const out: Array<{ queue: InboxQueue; value: string }> = [];
  if (user.roles.includes('rc_staff')) out.push({ queue: 'residents_committee', value: user.communityId });
  if (user.roles.includes('oc_member')) out.push({ queue: 'owners_committee', value: user.compoundId });
  if (user.roles.includes('property_staff') && user.firmId) out.push({ queue: 'property', value: user.firmId });
  if (user.roles.includes('party_org')) out.push({ queue: 'party_org', value: user.communityId });
  return out;
}

function inboxRole(r: RequestDoc, queue: InboxQueue): InboxRole {
  if (queue === 'party_org') return 'supervision';
  if (r.leadParty === queue) return 'lead';
  if (r.coHandlers.includes(queue as Party)) return 'co_handler';
  if (queue === 'residents_committee' && r.status === 'submitted') return 'acceptance';
  return 'deliberation';
}

/** requests: resident requests through the tripartite mechanism (三方联动). */
export const requestsActions: ActionMap = {
  submit: defineAction({
    summary: '居民提交诉求',
    access: 'active',
    idempotent: true,
    input: submitInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      if (!user.roles.includes('resident') || user.compoundId !== input.compoundId) {
        return fail('FORBIDDEN', '只能以本小区居民身份提交诉求', 'NOT_RESIDENT_OF_COMPOUND');
      }
      const [compound, community] = await Promise.all([
        ctx.store.get<CompoundDoc>(COMPOUNDS, input.compoundId),
        ctx.store.get<CommunityDoc>(COMMUNITIES, user.communityId),
      ]);
      if (!compound || !community || compound.communityId !== community._id) return failures.notFound('小区');
      const refused = await checkTexts(ctx, [`${input.title}\n${input.description}`]);
      if (refused) return refused;
      const rules = rulesFor(community.rules);
      const now = ctx.clock.now();
      const at = now.toISOString();
      const doc = newRequestDoc(
        newId('rq', now),
        at,
        user,
        compound,
        {
          category: input.category,
          title: input.title,
          description: input.description,
          photos: input.photos ?? [],
          isPublic: input.isPublic ?? false,
        },
        rules,
      );
      await ctx.store.insert(REQUESTS, doc);
      return ok({ requestId: doc._id, status: doc.status, dueAt: doc.dueAt, tier: doc.tier });
    },
  }),

  get: defineAction({
    summary: '诉求详情（含办理时间线）',
    access: 'identified',
    input: requestRef,
    run: async (input, ctx) => {
      const [doc, follow] = await Promise.all([
        ctx.store.get<RequestDoc>(REQUESTS, input.requestId),
        ctx.callerId ? ctx.store.get<FollowDoc>(REQUEST_FOLLOWS, `${input.requestId}:${ctx.callerId}`) : Promise.resolve(null),
      ]);
      if (!doc) return failures.notFound('诉求');
      const actor = actorFor(ctx.user, doc);
      const visibility = visibilityFor(ctx.user, doc, actor);
      if (visibility === 'none') return failures.notFound('诉求');
      return ok(viewOf(doc, actor, visibility, ctx.clock.now(), !!follow));
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
          limit: limit + 1,
          skip: offset,
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
      const rows = await ctx.store.find<RequestDoc>(REQUESTS, filter, { orderBy: [['dueAt', order]], limit: limit + 1, skip: offset });
      const page = pageOf(
        rows.map((r): InboxItem => ({ ...summaryOf(r, now), inboxRole: inboxRole(r, box.queue) })),
        offset,
        limit,
      );
      return ok({ ...page, queue: box.queue, queues: inboxes.map((b) => b.queue) });
    },
  }),

  similar: defineAction({
    summary: '提交前查看本小区同类未办结的公开诉求（近 30 天）',
    access: 'active',
    input: similarInput,
    run: async (input, ctx) => {
      const now = ctx.clock.now();
      const since = plusDays(now.toISOString(), -DUPLICATE_WINDOW_DAYS);
      const rows = await ctx.store.find<RequestDoc>(
        REQUESTS,
        { boardCompoundId: input.compoundId, category: input.category, createdAt: { $gte: since }, active: true },
        { orderBy: [['createdAt', 'desc']], limit: 10 },
      );
      return ok({ items: rows.map((r) => summaryOf(r, now)) });
    },
  }),

  follow: defineAction({
    summary: '关注一条同类公开诉求（代替重复提交）',
    access: 'active',
    input: requestRef,
    run: async (input, ctx) => {
      const user = ctx.user;
      const doc = await ctx.store.get<RequestDoc>(REQUESTS, input.requestId);
      if (!doc || (!doc.boardCompoundId && doc.submitterId !== user._id)) return failures.notFound('诉求');
      if (doc.submitterId === user._id) return fail('INVALID_STATE', '这是您自己提交的诉求', 'OWN_REQUEST');
      if (!user.roles.includes('resident') || user.compoundId !== doc.compoundId)
        return fail('FORBIDDEN', '只能关注本小区的诉求', 'NOT_RESIDENT_OF_COMPOUND');
      if (!doc.active) return fail('INVALID_STATE', '该诉求已办结，无需关注', 'WRONG_STATUS');
      const at = ctx.clock.now().toISOString();
      try {
        await ctx.store.transaction(async (tx) => {
          await tx.insert<FollowDoc>(REQUEST_FOLLOWS, {
            _id: `${doc._id}:${user._id}`,
            requestId: doc._id,
            userId: user._id,
            createdAt: at,
          });
          await tx.update(REQUESTS, doc._id, { $inc: { followers: 1 } });
        });
      } catch (err) {
        if (err instanceof DuplicateKeyError) return fail('CONFLICT', '您已关注该诉求', 'ALREADY_FOLLOWING');
        throw err;
      }
      return ok({ requestId: doc._id, following: true, followers: doc.followers + 1 });
    },
  }),

  accept: defineAction({
    summary: '居委会受理并分派（牵头方 + 协办方，首接负责）',
    access: 'active',
    input: acceptInput,
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        input.requestId,
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
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        input.requestId,
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
    run: async (input, ctx) => {
      const c = await change(ctx, input.requestId, () => ({ action: 'withdraw' }));
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  update: defineAction({
    summary: '牵头方记录进展或办结（办结须填写说明）',
    access: 'active',
    input: updateInput,
    run: async (input, ctx) => {
      const photos = input.photos ?? [];
      const c = await change(
        ctx,
        input.requestId,
        (doc): Command =>
          input.status === 'resolved'
            ? { action: 'resolve', note: input.note, photos }
            : { action: doc.status === 'in_progress' ? 'progress' : 'start', note: input.note, photos },
        input.note,
        async ({ after, transition }) => {
          const messages = submitterMessages(after, input.note);
          if (transition.to !== 'resolved' || after.followers === 0) return messages;
          const follows = await ctx.store.find<FollowDoc>(REQUEST_FOLLOWS, { requestId: after._id }, { limit: 500 });
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
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        input.requestId,
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
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        input.requestId,
        () => ({ action: 'decide', outcome: input.outcome, note: input.note }),
        input.note,
        async ({ after }) => [
          ...(await toHandlers(ctx, after, ['residents_committee', 'owners_committee', 'property'], 'request_meeting_outcome', {
            outcome: input.outcome === 'proceed' ? '继续办理' : '不予办理',
          })),
          ...(input.outcome === 'reject' ? submitterMessages(after, input.note) : []),
        ],
      );
      if ('ok' in c) return c;
      await audit(ctx, 'requests.decide', 'request', c.after._id, { outcome: input.outcome });
      return ok(viewAfter(ctx, c));
    },
  }),

  rate: defineAction({
    summary: '居民评价（1–5 分，是否解决；未解决则重新办理）',
    access: 'active',
    input: rateInput,
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        input.requestId,
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
    run: async (input, ctx) => {
      const c = await change(
        ctx,
        input.requestId,
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
    run: async (input, ctx) => {
      const c = await change(ctx, input.requestId, () => ({ action: 'comment', note: input.note }), input.note);
      if ('ok' in c) return c;
      return ok(viewAfter(ctx, c));
    },
  }),

  revealPhone: defineAction({
    summary: '办理方查看居民完整手机号（留痕）',
    access: 'active',
    input: requestRef,
    run: async (input, ctx) => {
      const doc = await ctx.store.get<RequestDoc>(REQUESTS, input.requestId);
      if (!doc) return failures.notFound('诉求');
      const actor = actorFor(ctx.user, doc);
      const handling = actor.isRcStaff || actor.isPartyOrg || actor.parties.some((p) => doc.leadParty === p || doc.coHandlers.includes(p));
      if (!handling) return fail('FORBIDDEN', '只有办理该诉求的工作人员可以查看联系电话', 'NOT_HANDLING');
      const submitter = await ctx.store.get<UserDoc>(USERS, doc.submitterId);
      if (!submitter) return failures.notFound('提交人');
      await audit(ctx, 'requests.revealPhone', 'request', doc._id, { submitterId: doc.submitterId });
      return ok({ requestId: doc._id, name: submitter.name, phone: submitter.phone });
    },
  }),
};
