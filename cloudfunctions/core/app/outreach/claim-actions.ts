import { claimRefusal, completeRefusal, confirmRefusal, statusAfterConfirm, thankRefusal, type Refusal } from '../../domain/outreach-need';
import { DuplicateKeyError, whole } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { audit } from '../audit';
import { isCommunityOrganiser } from '../auth';
import { fail, failures, ok, type Failure } from '../result';
import { checkTexts } from '../content';
import { needDetail } from './detail';
import { confirmedReport } from './members';
import { CLAIMS, claimIdOf, NEEDS, type ClaimDoc, type NeedDoc } from './model';
import { needClaimedMessage, serviceConfirmedMessage, thankedMessage, wishDoneMessage } from './notify';
import { claimInput, completeInput, confirmDoneInput, thankInput } from './schemas';
import { bumpBackbone } from './stats';
import { claimView } from './views';

const refused = (r: Refusal): Failure => fail(r.code, r.message, r.reason);

/** Claiming, doing and confirming a need, and the resident's thanks. */
export const claimActions: ActionMap = {
  claim: defineAction({
    summary: '报到党员认领需求',
    access: 'active',
    idempotent: true,
    input: claimInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const need = await ctx.store.get<NeedDoc>(NEEDS, input.needId);
      if (!need) return failures.notFound('需求');
      const member = await confirmedReport(ctx.store, user._id, need.communityId);
      if (!member) return fail('FORBIDDEN', '只有已在本社区报到并经确认的党员可以认领', 'NOT_CONFIRMED_MEMBER');
      const nowIso = ctx.clock.now().toISOString();
      const claim: ClaimDoc = {
        _id: claimIdOf(need._id, user._id),
        needId: need._id,
        userId: user._id,
        communityId: need.communityId,
        kind: need.kind,
        title: need.title,
        name: member.name,
        status: 'claimed',
        claimedAt: nowIso,
        updatedAt: nowIso,
      };
      // One transaction: a slot taken by a conditional decrement (never below zero) and the claim
      // inserted under its deterministic id; a second claim by the same member rolls both back.
      let outcome: Failure | null;
      try {
        outcome = await ctx.store.transaction(async (tx) => {
          const fresh = await tx.get<NeedDoc>(NEEDS, need._id);
          if (!fresh) return failures.notFound('需求');
          if (await tx.get<ClaimDoc>(CLAIMS, claim._id)) return fail('CONFLICT', '您已认领该需求', 'ALREADY_CLAIMED');
          const why = claimRefusal(fresh);
          if (why) return refused(why);
          const taken = await tx.update(
            NEEDS,
            need._id,
            { $inc: { openSlots: -1, claimedCount: 1 }, $set: { updatedAt: nowIso } },
            { status: 'open', openSlots: { $gt: 0 } },
          );
          if (!taken) return refused(claimRefusal({ ...fresh, openSlots: 0 }) as Refusal);
          await Promise.all([
            tx.insert(CLAIMS, claim),
            audit({ ...ctx, store: tx }, 'outreach.claim', 'need', need._id, { userId: user._id }),
          ]);
          if (fresh.requesterId) await ctx.notifier.sendIn(tx, needClaimedMessage(fresh, fresh.requesterId, claim._id));
          return null;
        });
      } catch (err) {
        if (err instanceof DuplicateKeyError) return fail('CONFLICT', '您已认领该需求', 'ALREADY_CLAIMED');
        throw err;
      }
      if (outcome) return outcome;
      return ok(claimView(claim));
    },
  }),

  complete: defineAction({
    summary: '认领人提交服务完成',
    access: 'active',
    input: completeInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const need = await ctx.store.get<NeedDoc>(NEEDS, input.needId);
      if (!need) return failures.notFound('需求');
      const claim = await ctx.store.get<ClaimDoc>(CLAIMS, claimIdOf(need._id, user._id));
      if (!claim) return fail('FORBIDDEN', '只有认领人可以提交完成', 'NOT_CLAIMANT');
      const why = completeRefusal(claim);
      if (why) return refused(why);
      const rejected = await checkTexts(ctx, [input.note]);
      if (rejected) return rejected;
      const nowIso = ctx.clock.now().toISOString();
      const set = { status: 'completed', note: input.note, completedAt: nowIso, updatedAt: nowIso };
      if (!(await ctx.store.update(CLAIMS, claim._id, { $set: set }, { status: 'claimed' })))
        return refused(completeRefusal({ status: 'completed' }) as Refusal);
      await audit(ctx, 'outreach.complete', 'need', need._id, { userId: user._id });
      return ok(claimView({ ...claim, ...set, status: 'completed' }));
    },
  }),

  confirmDone: defineAction({
    summary: '社区确认服务完成（全部已提交完成的认领，或指定认领人）',
    access: 'active',
    input: confirmDoneInput,
    run: async (input, ctx) => {
      const need = await ctx.store.get<NeedDoc>(NEEDS, input.needId);
      if (!need) return failures.notFound('需求');
      if (!isCommunityOrganiser(ctx.user, need.communityId)) return failures.forbidden('只有本社区居委会或党组织可以确认完成');
      const claims = input.userId
        ? [await ctx.store.get<ClaimDoc>(CLAIMS, claimIdOf(need._id, input.userId))].filter((c): c is ClaimDoc => !!c)
        : await ctx.store.find<ClaimDoc>(CLAIMS, { needId: need._id }, { orderBy: [['claimedAt', 'asc']], limit: whole(100) });
      if (claims.length === 0) return fail('INVALID_STATE', '该需求尚无人认领', 'NOT_CLAIMED');
      const ready = claims.filter((c) => !confirmRefusal(c));
      if (ready.length === 0) return refused(confirmRefusal(claims[0]) as Refusal);
      const nowIso = ctx.clock.now().toISOString();
      const by = ctx.user._id;
      const confirmed: ClaimDoc[] = [];
      for (const c of ready) {
        // The claim, the need's done count, the community's service count and the messages move
        // together, in one transaction.
        const ok1 = await ctx.store.transaction(async (tx) => {
          const n = await tx.get<NeedDoc>(NEEDS, need._id);
          if (!n) return false;
          if (
            !(await tx.update(
              CLAIMS,
              c._id,
              { $set: { status: 'confirmed', confirmedAt: nowIso, confirmedBy: by, updatedAt: nowIso } },
              { status: 'completed' },
            ))
          )
            return false;
          const doneCount = n.doneCount + 1;
          await tx.update(NEEDS, n._id, {
            $inc: { doneCount: 1 },
            $set: { status: statusAfterConfirm(doneCount, n.slots), updatedAt: nowIso },
          });
          await bumpBackbone(tx, n.communityId, c.kind === 'professional' ? { servicesProfessional: 1 } : { servicesGeneral: 1 });
          await ctx.notifier.sendIn(tx, serviceConfirmedMessage(n, c));
          if (n.requesterId) await ctx.notifier.sendIn(tx, wishDoneMessage(n, n.requesterId));
          // Each confirmation is audited in its own transaction: a crash between two loses none.
          await audit({ ...ctx, store: tx }, 'outreach.confirmDone', 'need', need._id, { userIds: [c.userId] });
          return true;
        });
        if (ok1) confirmed.push({ ...c, status: 'confirmed', confirmedAt: nowIso, confirmedBy: by });
      }
      if (confirmed.length === 0) return fail('INVALID_STATE', '该服务已确认完成', 'ALREADY_CONFIRMED');
      const fresh = (await ctx.store.get<NeedDoc>(NEEDS, need._id)) ?? need;
      return ok(await needDetail(ctx, fresh, ctx.user));
    },
  }),

  thank: defineAction({
    summary: '提出心愿的居民致谢并评价',
    access: 'active',
    input: thankInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const need = await ctx.store.get<NeedDoc>(NEEDS, input.needId);
      if (!need) return failures.notFound('需求');
      const why = thankRefusal({ ...need, thanked: !!need.thanks }, user._id);
      if (why) return refused(why);
      const rejected = await checkTexts(ctx, [input.message]);
      if (rejected) return rejected;
      const nowIso = ctx.clock.now().toISOString();
      const thanks = input.message ? { score: input.score, message: input.message, at: nowIso } : { score: input.score, at: nowIso };
      // The members whose service was confirmed hear the thanks, in the transaction that stores it.
      const served = await ctx.store.find<ClaimDoc>(CLAIMS, { needId: need._id, status: 'confirmed' }, { limit: whole(100) });
      const done = await ctx.store.transaction(async (tx) => {
        if (!(await tx.update(NEEDS, need._id, { $set: { thanks, updatedAt: nowIso } }, { thanks: { $exists: false } }))) return false;
        await audit({ ...ctx, store: tx }, 'outreach.thank', 'need', need._id, { score: input.score });
        for (const c of served) await ctx.notifier.sendIn(tx, thankedMessage(need, c, input.score));
        return true;
      });
      if (!done) return fail('CONFLICT', '您已致谢', 'ALREADY_THANKED');
      return ok(await needDetail(ctx, { ...need, thanks }, user));
    },
  }),
};
