import { completeRefusal, thankRefusal, type Refusal } from '../../domain/outreach-need';
import { defineAction, type ActionMap } from '../action';
import { audit, auditedChange } from '../audit';
import { isFailure } from '../auth';
import { fail, failures, ok, type Failure } from '../result';
import { checkTexts } from '../content';
import { ConcurrentChange, mustUpdate, Writes } from '../volunteer/seat-writes';
import { claimNeed, loadClaim, readClaimState } from './claim';
import { confirmDone } from './confirm';
import { needDetailOf, readNeedState } from './detail';
import { CLAIMS, NEEDS } from './model';
import { thankedMessage } from './notify';
import { claimInput, completeInput, confirmDoneInput, thankInput } from './schemas';
import { claimView } from './views';

const refused = (r: Refusal): Failure => fail(r.code, r.message, r.reason);

/**
 * Claiming, doing and confirming a need, and the resident's thanks. Each reads what it decides on
 * beside the caller's record (`load`: the ids come from the input and the caller's id).
 */
export const claimActions: ActionMap = {
  claim: defineAction({
    summary: '报到党员认领需求',
    access: 'active',
    idempotent: true,
    input: claimInput,
    load: (input, { store, callerId }) => loadClaim(store, input.needId, callerId ?? ''),
    run: async (_input, ctx) => {
      const r = await claimNeed(ctx, ctx.loaded);
      return isFailure(r) ? r : ok(r);
    },
  }),

  complete: defineAction({
    summary: '认领人提交服务完成',
    access: 'active',
    input: completeInput,
    load: (input, { store, callerId }) => readClaimState(store, input.needId, callerId ?? ''),
    run: async (input, ctx) => {
      const { need, existing: claim } = ctx.loaded;
      if (!need) return failures.notFound('需求');
      if (!claim) return fail('FORBIDDEN', '只有认领人可以提交完成', 'NOT_CLAIMANT');
      const why = completeRefusal(claim);
      if (why) return refused(why);
      const rejected = await checkTexts(ctx, [input.note]);
      if (rejected) return rejected;
      const nowIso = ctx.clock.now().toISOString();
      const set = { status: 'completed', note: input.note, completedAt: nowIso, updatedAt: nowIso };
      // The claim (guarded by its status) and its audit entry, in one write: completed meanwhile, both roll back.
      try {
        await auditedChange(
          ctx,
          { action: 'outreach.complete', targetType: 'need', targetId: need._id, detail: { userId: ctx.user._id } },
          (tx) => [mustUpdate(tx.update(CLAIMS, claim._id, { $set: set }, { status: 'claimed' }), 'claim')],
        );
      } catch (err) {
        if (err instanceof ConcurrentChange) return refused(completeRefusal({ status: 'completed' }) as Refusal);
        throw err;
      }
      return ok(claimView({ ...claim, ...set, status: 'completed' }));
    },
  }),

  confirmDone: defineAction({
    summary: '社区确认服务完成（全部已提交完成的认领，或指定认领人）',
    access: 'active',
    input: confirmDoneInput,
    load: (input, { store, callerId }) => readNeedState(store, input.needId, callerId),
    run: (input, ctx) => confirmDone(ctx, ctx.loaded, input.userId),
  }),

  thank: defineAction({
    summary: '提出心愿的居民致谢并评价',
    access: 'active',
    input: thankInput,
    load: (input, { store, callerId }) => readNeedState(store, input.needId, callerId),
    run: async (input, ctx) => {
      const user = ctx.user;
      const { need, claims, reports } = ctx.loaded;
      if (!need) return failures.notFound('需求');
      const why = thankRefusal({ ...need, thanked: !!need.thanks }, user._id);
      if (why) return refused(why);
      const rejected = await checkTexts(ctx, [input.message]);
      if (rejected) return rejected;
      const nowIso = ctx.clock.now().toISOString();
      const thanks = input.message ? { score: input.score, message: input.message, at: nowIso } : { score: input.score, at: nowIso };
      // The thanks, its audit entry and the messages to the members whose service was confirmed,
      // issued together in one transaction; thanks given meanwhile roll it all back.
      const served = claims.filter((c) => c.status === 'confirmed');
      try {
        await ctx.store.transaction(async (tx) => {
          const writes = new Writes();
          writes.add(
            mustUpdate(tx.update(NEEDS, need._id, { $set: { thanks, updatedAt: nowIso } }, { thanks: { $exists: false } }), NEEDS),
            audit({ ...ctx, store: tx }, 'outreach.thank', 'need', need._id, { score: input.score }),
            ...served.map((c) => ctx.notifier.sendIn(tx, thankedMessage(need, c, input.score))),
          );
          await writes.settle();
        });
      } catch (err) {
        if (err instanceof ConcurrentChange) return fail('CONFLICT', '您已致谢', 'ALREADY_THANKED');
        throw err;
      }
      return ok(needDetailOf({ ...need, thanks, updatedAt: nowIso }, claims, reports, user));
    },
  }),
};
