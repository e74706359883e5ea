/**
 * Claiming a need: a slot taken by a conditional decrement of the need's open slots (never below
 * zero: the database enforces the capacity), the claim inserted under its unique id (a member
 * claims a need once), its audit entry and the resident's message, in one transaction. The claim
 * is decided on the need, the member's reports and any earlier claim loaded with the caller's
 * record (dispatch's round), so the transaction only writes, all together, and commits with them
 * the answer a retry with the same clientToken gets. If a write finds its document changed (the
 * last slot taken meanwhile, a second tap), the attempt rolls back as a whole and the claim is
 * decided again on documents read in a second transaction, as the old path did.
 */
import { claimRefusal, type Refusal } from '../../domain/outreach-need';
import type { DocumentOps, Store } from '../../ports/store';
import type { UserDoc } from '../account/user';
import { audit } from '../audit';
import { isFailure } from '../auth';
import type { AppContext } from '../context';
import { fail, failures, ok, type Failure } from '../result';
import { guardedTransaction } from '../guarded-change';
import { mustInsert, mustUpdate, Writes } from '../volunteer/seat-writes';
import { confirmedIn, readReports } from './members';
import { CLAIMS, claimIdOf, NEEDS, type ClaimDoc, type NeedDoc, type ReportDoc } from './model';
import { needClaimedMessage } from './notify';
import { claimView, type ClaimView } from './views';

/** What a claim is decided on. */
export interface ClaimState {
  need: NeedDoc | null;
  existing: ClaimDoc | null;
}

/**
 * The need and the member's earlier claim: in the action's `load`, or inside the transaction. Not
 * `async`, like the loads below: a store that fails at once fails the whole read at once, and no
 * read of it is left rejected with nobody to handle it.
 */
export function readClaimState(ops: Pick<DocumentOps, 'get'>, needId: string, userId: string): Promise<ClaimState> {
  return Promise.all([ops.get<NeedDoc>(NEEDS, needId), ops.get<ClaimDoc>(CLAIMS, claimIdOf(needId, userId))]).then(([need, existing]) => ({
    need,
    existing,
  }));
}

/** The claim state and the caller's reports, read in dispatch's round (ActionDef.load). */
export function loadClaim(store: Store, needId: string, callerId: string): Promise<ClaimState & { reports: Array<ReportDoc | null> }> {
  return Promise.all([readClaimState(store, needId, callerId), readReports(store, callerId)]).then(([state, reports]) => ({
    ...state,
    reports,
  }));
}

const refused = (r: Refusal): Failure => fail(r.code, r.message, r.reason);
const alreadyClaimed = (): Failure => fail('CONFLICT', '您已认领该需求', 'ALREADY_CLAIMED');
const full = (): Failure => refused(claimRefusal({ status: 'open', openSlots: 0 }) as Refusal);

type Ctx = Pick<AppContext, 'store' | 'clock' | 'notifier' | 'storeResultIn'> & { user: UserDoc };

function decide(s: ClaimState, member: ReportDoc | null, user: UserDoc, nowIso: string): { need: NeedDoc; claim: ClaimDoc } | Failure {
  const { need, existing } = s;
  if (!need) return failures.notFound('需求');
  if (!member) return fail('FORBIDDEN', '只有已在本社区报到并经确认的党员可以认领', 'NOT_CONFIRMED_MEMBER');
  if (existing) return alreadyClaimed();
  const why = claimRefusal(need);
  if (why) return refused(why);
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
  return { need, claim };
}

/** The claim's writes, issued together (one round); a slot gone or a claim already there throws ConcurrentChange. */
async function writeClaim(ctx: Ctx, tx: DocumentOps, need: NeedDoc, claim: ClaimDoc): Promise<ClaimView> {
  const answer = claimView(claim);
  const writes = new Writes();
  writes.add(
    mustUpdate(
      tx.update(
        NEEDS,
        need._id,
        { $inc: { openSlots: -1, claimedCount: 1 }, $set: { updatedAt: claim.claimedAt } },
        { status: 'open', openSlots: { $gt: 0 } },
      ),
      NEEDS,
    ),
    mustInsert(tx.insert(CLAIMS, claim), CLAIMS),
    audit({ ...ctx, store: tx }, 'outreach.claim', 'need', need._id, { userId: claim.userId }),
  );
  if (need.requesterId) writes.add(ctx.notifier.sendIn(tx, needClaimedMessage(need, need.requesterId, claim._id)));
  if (ctx.storeResultIn) writes.add(ctx.storeResultIn(tx, ok(answer)));
  await writes.settle();
  return answer;
}

/** Claims the need for the caller, decided first on `loaded` (see the module's comment). */
export async function claimNeed(ctx: Ctx, loaded: ClaimState & { reports: Array<ReportDoc | null> }): Promise<ClaimView | Failure> {
  const nowIso = ctx.clock.now().toISOString();
  const member = loaded.need ? confirmedIn(loaded.reports, loaded.need.communityId) : null;
  // A refusal on the documents loaded is answered without opening a transaction.
  const first = decide(loaded, member, ctx.user, nowIso);
  if (isFailure(first)) return first;
  return guardedTransaction(ctx.store, {
    first: loaded as ClaimState,
    // A busy moment: decided again on the need and the claim as the transaction reads them.
    read: (tx) => readClaimState(tx, first.need._id, ctx.user._id),
    attempts: 2,
    busy: (what) => (what === CLAIMS ? alreadyClaimed() : full()),
    attempt: async (tx, state) => {
      const d = decide(state, member, ctx.user, nowIso);
      return isFailure(d) ? d : writeClaim(ctx, tx, d.need, d.claim);
    },
  });
}
