/**
 * Confirming services done (outreach.confirmDone): each claim confirmed, the need's done count and
 * status, the community's service count and its street's totals, the claimant's message (and, at
 * the first, the resident's for a wish) and the audit entries, in one transaction. It is decided on
 * the need and its claims loaded with the caller's record (dispatch's round), and the need is
 * streetId-stamped, so the transaction only writes, all together: the need's write is guarded by
 * the done count it was decided on, each claim's by its status. If one finds its document changed,
 * the attempt rolls back as a whole and each claim is confirmed in a transaction of its own that
 * reads the need first, as before; the answer is then read afresh.
 */
import { confirmRefusal, statusAfterConfirm, type Refusal } from '../../domain/outreach-need';
import type { DocumentOps } from '../../ports/store';
import type { UserDoc } from '../account/user';
import { audit } from '../audit';
import { isCommunityOrganiser } from '../auth';
import type { AppContext } from '../context';
import { fail, failures, ok, type Result } from '../result';
import { ConcurrentChange, mustUpdate, Writes } from '../volunteer/seat-writes';
import { needDetail, needDetailOf, type NeedState } from './detail';
import { CLAIMS, NEEDS, type ClaimDoc, type NeedDoc } from './model';
import { serviceConfirmedMessage, wishDoneMessage } from './notify';
import { bumpBackbone } from './stats';
import type { NeedDetail } from './views';

type Ctx = Pick<AppContext, 'store' | 'clock' | 'notifier'> & { user: UserDoc };

/**
 * The writes confirming `claims` of `need` (as read), issued together. `guarded`: the need's write
 * holds only if its done count is still the one read (else ConcurrentChange, like a claim's).
 */
async function writeConfirm(ctx: Ctx, tx: DocumentOps, need: NeedDoc, claims: readonly ClaimDoc[], nowIso: string, guarded: boolean) {
  const doneCount = need.doneCount + claims.length;
  const kinds = (k: NeedDoc['kind']) => claims.filter((c) => c.kind === k).length;
  const writes = new Writes();
  writes.add(
    ...claims.map((c) =>
      mustUpdate(
        tx.update(
          CLAIMS,
          c._id,
          { $set: { status: 'confirmed', confirmedAt: nowIso, confirmedBy: ctx.user._id, updatedAt: nowIso } },
          { status: 'completed' },
        ),
        CLAIMS,
      ),
    ),
    mustUpdate(
      tx.update(
        NEEDS,
        need._id,
        { $inc: { doneCount: claims.length }, $set: { status: statusAfterConfirm(doneCount, need.slots), updatedAt: nowIso } },
        guarded ? { doneCount: need.doneCount } : undefined,
      ),
      NEEDS,
    ),
    bumpBackbone(tx, need.communityId, { servicesGeneral: kinds('general'), servicesProfessional: kinds('professional') }, need.streetId),
    ...claims.map((c) => ctx.notifier.sendIn(tx, serviceConfirmedMessage(need, c))),
    // Each confirmation has its own audit entry, committed with it.
    ...claims.map((c) => audit({ ...ctx, store: tx }, 'outreach.confirmDone', 'need', need._id, { userIds: [c.userId] })),
  );
  // The resident hears once, at the first confirmed service of their wish.
  if (need.requesterId && need.doneCount === 0) writes.add(ctx.notifier.sendIn(tx, wishDoneMessage(need, need.requesterId)));
  await writes.settle();
  return { ...need, doneCount, status: statusAfterConfirm(doneCount, need.slots), updatedAt: nowIso };
}

/** Confirms the need's completed claims (or `userId`'s), decided on `loaded` (see the module's comment). */
export async function confirmDone(ctx: Ctx, loaded: NeedState, userId: string | undefined): Promise<Result<NeedDetail>> {
  const { need, claims, reports } = loaded;
  if (!need) return failures.notFound('需求');
  if (!isCommunityOrganiser(ctx.user, need.communityId)) return failures.forbidden('只有本社区居委会或党组织可以确认完成');
  // Every claim of the need is loaded (a need has at most MAX_NEED_SLOTS claims).
  const chosen = userId ? claims.filter((c) => c.userId === userId) : claims;
  if (chosen.length === 0) return fail('INVALID_STATE', '该需求尚无人认领', 'NOT_CLAIMED');
  const ready = chosen.filter((c) => !confirmRefusal(c));
  if (ready.length === 0) {
    const why = confirmRefusal(chosen[0]) as Refusal;
    return fail(why.code, why.message, why.reason);
  }
  const nowIso = ctx.clock.now().toISOString();
  const confirmed = (c: ClaimDoc): ClaimDoc =>
    ready.includes(c) ? { ...c, status: 'confirmed', confirmedAt: nowIso, confirmedBy: ctx.user._id, updatedAt: nowIso } : c;
  try {
    const fresh = await ctx.store.transaction((tx) => writeConfirm(ctx, tx, need, ready, nowIso, true));
    return ok(needDetailOf(fresh, claims.map(confirmed), reports, ctx.user));
  } catch (err) {
    if (!(err instanceof ConcurrentChange)) throw err;
  }
  return confirmOneByOne(ctx, need, ready, nowIso);
}

/** The busy path: each claim in its own transaction, on the need read in it; a claim confirmed meanwhile is skipped. */
async function confirmOneByOne(ctx: Ctx, need: NeedDoc, ready: readonly ClaimDoc[], nowIso: string): Promise<Result<NeedDetail>> {
  let done = 0;
  for (const c of ready) {
    const ok1 = await ctx.store
      .transaction(async (tx) => {
        const n = await tx.get<NeedDoc>(NEEDS, need._id);
        if (n) await writeConfirm(ctx, tx, n, [c], nowIso, false);
        return !!n;
      })
      .catch((err: unknown) => {
        if (err instanceof ConcurrentChange) return false;
        throw err;
      });
    if (ok1) done += 1;
  }
  if (done === 0) return fail('INVALID_STATE', '该服务已确认完成', 'ALREADY_CONFIRMED');
  const fresh = (await ctx.store.get<NeedDoc>(NEEDS, need._id)) ?? need;
  return ok(await needDetail(ctx, fresh, ctx.user));
}
