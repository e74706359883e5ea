import { needCategoryLabel, WISH_CATEGORY } from '../../domain/outreach-categories';
import { reviewRefusal } from '../../domain/outreach-need';
import { rulesFor } from '../../domain/rules-config';
import type { Doc, Filter } from '../../ports/store';
import type { StoreReads } from '../pool';
import { defineAction, type ActionMap } from '../action';
import { audit, auditedChange } from '../audit';
import { isCommunityOrganiser, isCommunityStaff } from '../auth';
import { COMMUNITIES, type CommunityDoc } from '../community/community';
import { newId } from '../ids';
import { fail, failures, ok, type Failure, type Result } from '../result';
import { decodeKeyset, keysetAfter, keysetPage, type Page } from '../schemas';
import { checkTexts } from '../content';
import { invalidInput } from '../volunteer/guards';
import { ConcurrentChange, mustUpdate, Writes } from '../volunteer/seat-writes';
import { needDetailOf, readNeedState } from './detail';
import { CLAIMS, NEEDS, type ClaimDoc, type NeedDoc } from './model';
import { wishReviewedMessage } from './notify';
import { listNeedsInput, myNeedsInput, needCategoriesInput, needIdInput, publishNeedInput, reviewWishInput, wishInput } from './schemas';
import { myClaimItem, needStatusTabs, needSummary, type MyClaimItem, type NeedPage, type NeedSummary } from './views';
import { whole } from '../../ports/store';

/** The label of the category in the community's rules, or the INVALID_INPUT failure. */
function categoryOf(community: CommunityDoc, kind: NeedDoc['kind'], key: string): string | Failure {
  const label = needCategoryLabel(rulesFor(community.rules).needCategories, kind, key);
  return label ?? invalidInput([{ path: ['category'], message: '本社区没有该服务类别' }], 'UNKNOWN_CATEGORY');
}

/** One page of `collection` matching `filter`, newest first by `field` (then `_id`), after the cursor's keyset. */
function newestFirst<T extends Doc>(
  store: StoreReads,
  collection: string,
  filter: Filter,
  field: string,
  cursor: string | undefined,
  limit: number,
): Promise<T[]> {
  const after = decodeKeyset(cursor);
  return store.find<T>(collection, after ? { $and: [filter, keysetAfter(field, after, 'desc')] } : filter, {
    orderBy: [
      [field, 'desc'],
      ['_id', 'desc'],
    ],
    limit: whole(limit + 1),
  });
}

/** A wish's title: its first line, at most 20 characters. */
const titleOf = (text: string): string => {
  const first = text.split(/\r?\n/)[0].trim();
  return first.length > 20 ? `${first.slice(0, 20)}…` : first;
};

/** 需求清单 and 微心愿: publishing, wishing, reviewing, listing. */
export const needActions: ActionMap = {
  needCategories: defineAction({
    summary: '本社区的服务类别（一般服务 / 专业服务）',
    access: 'registered',
    input: needCategoriesInput,
    load: (input, { store }) => store.get<CommunityDoc>(COMMUNITIES, input.communityId),
    run: async (_input, ctx) => {
      const community = ctx.loaded;
      if (!community) return failures.notFound('社区');
      return ok(rulesFor(community.rules).needCategories);
    },
  }),

  publishNeed: defineAction({
    summary: '发布服务需求（一般服务 / 专业服务）',
    access: 'active',
    idempotent: true,
    input: publishNeedInput,
    load: (input, { store }) => store.get<CommunityDoc>(COMMUNITIES, input.communityId),
    run: async (input, ctx) => {
      if (!isCommunityOrganiser(ctx.user, input.communityId)) return failures.forbidden('只有本社区居委会或党组织可以发布需求');
      const community = ctx.loaded;
      if (!community) return failures.notFound('社区');
      const label = categoryOf(community, input.kind, input.category);
      if (typeof label !== 'string') return label;
      const rejected = await checkTexts(ctx, [input.title, input.text]);
      if (rejected) return rejected;
      const now = ctx.clock.now();
      const nowIso = now.toISOString();
      const slots = input.slots ?? 1;
      const doc: NeedDoc = {
        _id: newId('need', now),
        communityId: community._id,
        streetId: community.streetId ?? null,
        source: 'community',
        kind: input.kind,
        category: input.category,
        categoryLabel: label,
        title: input.title,
        text: input.text,
        slots,
        openSlots: slots,
        claimedCount: 0,
        doneCount: 0,
        status: 'open',
        requesterId: null,
        createdBy: ctx.user._id,
        createdAt: nowIso,
        updatedAt: nowIso,
      };
      // The need, its audit entry and the answer a retry with the same clientToken gets, in one write.
      const answer = ok(needSummary(doc));
      const entry = { action: 'outreach.publishNeed', targetType: 'need', targetId: doc._id, detail: { kind: doc.kind, slots } };
      await auditedChange(ctx, entry, (tx) => [tx.insert(NEEDS, doc)], answer);
      return answer;
    },
  }),

  wish: defineAction({
    summary: '居民提交微心愿（待社区审核）',
    access: 'active',
    idempotent: true,
    input: wishInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      if (!user.roles.includes('resident')) return failures.forbidden('只有已通过审核的居民可以提交微心愿');
      // Checked before anything is stored: refused text leaves no trace.
      const rejected = await checkTexts(ctx, [input.text]);
      if (rejected) return rejected;
      const community = await ctx.store.get<CommunityDoc>(COMMUNITIES, user.communityId);
      if (!community) return failures.notFound('社区');
      const now = ctx.clock.now();
      const nowIso = now.toISOString();
      const doc: NeedDoc = {
        _id: newId('need', now),
        communityId: community._id,
        streetId: community.streetId ?? null,
        source: 'wish',
        kind: 'general',
        category: WISH_CATEGORY,
        categoryLabel: needCategoryLabel(rulesFor(community.rules).needCategories, 'general', WISH_CATEGORY) ?? '微心愿',
        title: titleOf(input.text),
        text: input.text,
        slots: 1,
        openSlots: 1,
        claimedCount: 0,
        doneCount: 0,
        status: 'pending_review',
        requesterId: user._id,
        createdBy: user._id,
        createdAt: nowIso,
        updatedAt: nowIso,
      };
      // The wish, its audit entry and the answer a retry with the same clientToken gets, in one write.
      const answer = ok(needSummary(doc));
      await auditedChange(ctx, { action: 'outreach.wish', targetType: 'need', targetId: doc._id }, (tx) => [tx.insert(NEEDS, doc)], answer);
      return answer;
    },
  }),

  reviewWish: defineAction({
    summary: '审核微心愿（通过后发布到需求清单）',
    access: 'active',
    input: reviewWishInput,
    load: (input, { store }) => store.get<NeedDoc>(NEEDS, input.needId),
    run: async (input, ctx) => {
      const need = ctx.loaded;
      if (!need) return failures.notFound('需求');
      if (!isCommunityOrganiser(ctx.user, need.communityId)) return failures.forbidden('只有本社区居委会或党组织可以审核微心愿');
      const refused = reviewRefusal(need);
      if (refused) return fail(refused.code, refused.message, refused.reason);
      const set: Record<string, unknown> = { reviewedAt: ctx.clock.now().toISOString(), updatedAt: ctx.clock.now().toISOString() };
      if (input.note) {
        const rejected = await checkTexts(ctx, [input.note]);
        if (rejected) return rejected;
        set.reviewNote = input.note;
      }
      if (input.approve) {
        set.status = 'open';
        const kind = input.kind ?? need.kind;
        const category = input.category ?? (input.kind && input.kind !== need.kind ? '' : need.category);
        const community = await ctx.store.get<CommunityDoc>(COMMUNITIES, need.communityId);
        if (!community) return failures.notFound('社区');
        const label = categoryOf(community, kind, category);
        if (typeof label !== 'string') return label;
        const slots = input.slots ?? need.slots;
        Object.assign(set, { kind, category, categoryLabel: label, slots, openSlots: slots });
      } else {
        set.status = 'rejected';
      }
      // The review, the resident's message and the audit entry, issued together in one transaction:
      // a wish reviewed meanwhile fails the guard and rolls the rest back.
      const requesterId = need.requesterId;
      try {
        await ctx.store.transaction(async (tx) => {
          const writes = new Writes();
          writes.add(
            mustUpdate(tx.update(NEEDS, need._id, { $set: set }, { status: 'pending_review' }), NEEDS),
            audit({ ...ctx, store: tx }, 'outreach.reviewWish', 'need', need._id, { approve: input.approve }),
          );
          if (requesterId) writes.add(ctx.notifier.sendIn(tx, wishReviewedMessage(need, requesterId, input.approve, input.note)));
          await writes.settle();
        });
      } catch (err) {
        if (err instanceof ConcurrentChange) return fail('INVALID_STATE', '该微心愿已审核', 'ALREADY_REVIEWED');
        throw err;
      }
      return ok(needSummary({ ...need, ...(set as Partial<NeedDoc>) }));
    },
  }),

  listNeeds: defineAction({
    summary: '需求清单（默认为可认领的需求）',
    access: 'registered',
    input: listNeedsInput,
    // The page's filter comes from the input: read beside the caller's record, shown once the scope is checked.
    load: (input, { store }) =>
      newestFirst<NeedDoc>(
        store,
        NEEDS,
        { communityId: input.communityId, status: input.status ?? 'open' },
        'createdAt',
        input.cursor,
        input.limit ?? 20,
      ),
    run: async (input, ctx): Promise<Result<NeedPage>> => {
      const status = input.status ?? 'open';
      const staff = isCommunityStaff(ctx.user, input.communityId);
      // Wishes under review or turned down are the community staff's business only.
      if ((status === 'pending_review' || status === 'rejected') && !staff) {
        return failures.forbidden('只有本社区工作人员可以查看待审核的微心愿');
      }
      return ok({ ...keysetPage(ctx.loaded, input.limit ?? 20, 'createdAt', needSummary), statusTabs: needStatusTabs(staff) });
    },
  }),

  getNeed: defineAction({
    summary: '需求详情（认领情况与本人可做的操作）',
    access: 'registered',
    input: needIdInput,
    load: (input, { store, callerId }) => readNeedState(store, input.needId, callerId),
    run: async (_input, ctx) => {
      const { need, claims, reports } = ctx.loaded;
      if (!need) return failures.notFound('需求');
      const user = ctx.user;
      const staff = isCommunityStaff(user, need.communityId);
      if ((need.status === 'pending_review' || need.status === 'rejected') && !staff && need.requesterId !== user._id) {
        return failures.notFound('需求');
      }
      return ok(needDetailOf(need, claims, reports, user));
    },
  }),

  myNeeds: defineAction({
    summary: '我认领的需求 / 我提出的微心愿',
    access: 'registered',
    input: myNeedsInput,
    // The caller's page, read beside their record: its filter is the caller's id.
    load: async (input, { store, callerId }) =>
      input.as === 'claimant'
        ? {
            as: 'claimant' as const,
            rows: await newestFirst<ClaimDoc>(store, CLAIMS, { userId: callerId ?? '' }, 'claimedAt', input.cursor, input.limit ?? 20),
          }
        : {
            as: 'requester' as const,
            rows: await newestFirst<NeedDoc>(store, NEEDS, { requesterId: callerId ?? '' }, 'createdAt', input.cursor, input.limit ?? 20),
          },
    run: async (input, ctx): Promise<Result<Page<MyClaimItem> | Page<NeedSummary>>> => {
      const limit = input.limit ?? 20;
      const loaded = ctx.loaded;
      if (loaded.as === 'claimant') return ok(keysetPage(loaded.rows, limit, 'claimedAt', myClaimItem));
      return ok(keysetPage(loaded.rows, limit, 'createdAt', needSummary));
    },
  }),
};
