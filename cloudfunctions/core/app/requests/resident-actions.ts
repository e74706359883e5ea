import { DUPLICATE_WINDOW_DAYS, plusDays } from '../../domain/request-time-limits';
import { rulesFor } from '../../domain/rules-config';
import { DuplicateKeyError, whole } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { bumpCounters, requestCounterPatch } from '../admin/counters';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from '../community/community';
import { checkTexts } from '../content';
import { newId } from '../ids';
import { fail, failures, ok } from '../result';
import { followRefusal } from './access';
import { loadRequest } from './change';
import { newRequestDoc, REQUEST_FOLLOWS, REQUESTS, summaryOf, type FollowDoc, type RequestDoc } from './request';
import { requestRef, similarInput, submitInput } from './schemas';
import type { FollowAnswer, SubmitAnswer } from './views';

/** A resident files a request, finds similar open ones, and follows one instead. */
export const residentActions = {
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
      // The request and its community's oversight counters, in one write.
      await ctx.store.transaction((tx) =>
        Promise.all([
          tx.insert(REQUESTS, doc),
          bumpCounters(tx, doc.communityId, requestCounterPatch(null, doc) ?? {}, doc.streetId ?? community.streetId ?? null),
        ]),
      );
      return ok<SubmitAnswer>({ requestId: doc._id, status: doc.status, dueAt: doc.dueAt, tier: doc.tier });
    },
  }),

  similar: defineAction({
    summary: '提交前查看本小区同类未办结的公开诉求（近 30 天）',
    access: 'active',
    input: similarInput,
    // The board of a compound, read with the caller's record (only active callers get the answer).
    load: (input, { store, now }) => {
      const since = plusDays(now.toISOString(), -DUPLICATE_WINDOW_DAYS);
      return store.find<RequestDoc>(
        REQUESTS,
        { boardCompoundId: input.compoundId, category: input.category, createdAt: { $gte: since }, active: true },
        { orderBy: [['createdAt', 'desc']], limit: whole(10) },
      );
    },
    run: async (input, ctx) => {
      const now = ctx.clock.now();
      const rows = ctx.loaded;
      return ok({ items: rows.map((r) => summaryOf(r, now)) });
    },
  }),

  follow: defineAction({
    summary: '关注一条同类公开诉求（代替重复提交）',
    access: 'active',
    input: requestRef,
    load: loadRequest,
    run: async (input, ctx) => {
      const user = ctx.user;
      const doc = ctx.loaded;
      if (!doc) return failures.notFound('诉求');
      const refusal = followRefusal(user, doc);
      if (refusal === 'NOT_FOUND') return failures.notFound('诉求');
      if (refusal === 'OWN_REQUEST') return fail('INVALID_STATE', '这是您自己提交的诉求', 'OWN_REQUEST');
      if (refusal === 'NOT_RESIDENT_OF_COMPOUND') return fail('FORBIDDEN', '只能关注本小区的诉求', 'NOT_RESIDENT_OF_COMPOUND');
      if (refusal === 'WRONG_STATUS') return fail('INVALID_STATE', '该诉求已办结，无需关注', 'WRONG_STATUS');
      const at = ctx.clock.now().toISOString();
      try {
        await ctx.store.transaction((tx) =>
          Promise.all([
            tx.insert<FollowDoc>(REQUEST_FOLLOWS, { _id: `${doc._id}:${user._id}`, requestId: doc._id, userId: user._id, createdAt: at }),
            tx.update(REQUESTS, doc._id, { $inc: { followers: 1 } }),
          ]),
        );
      } catch (err) {
        if (err instanceof DuplicateKeyError) return fail('CONFLICT', '您已关注该诉求', 'ALREADY_FOLLOWING');
        throw err;
      }
      return ok<FollowAnswer>({ requestId: doc._id, following: true, followers: doc.followers + 1 });
    },
  }),
} satisfies ActionMap;
