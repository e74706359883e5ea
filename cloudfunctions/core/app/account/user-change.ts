/**
 * A change to a person (approve, grantRole, redeem, revokeRole) decided before its transaction, on
 * the records read with the caller's (dispatch's round, ActionDef.load), so the transaction only
 * writes: the person, their community's counters and its street's totals (admin/counters.ts), the
 * role holders index (holders.ts), the audit entry and any message, issued together. The person's
 * write is guarded by the revision (`rev`) of the record it was decided on: every change to a
 * person goes through here and moves it, so two changes decided on the same record cannot both
 * land (the second would drop the first's role, or leave the holders unequal to the roles). A
 * guard that fails rolls the attempt back as a whole, and the change is decided again on the
 * records as a second transaction reads them (a busy moment only).
 */
import type { DocumentOps, Filter, Store } from '../../ports/store';
import { userCounterChange } from '../../domain/oversight';
import { bumpForUser, userFacts } from '../admin/counters';
import { COMMUNITIES, type CommunityDoc } from '../community/community';
import { fail, type Failure } from '../result';
import { guardedTransaction } from '../guarded-change';
import { mustInsert, mustUpdate, Writes } from '../volunteer/seat-writes';
import { VOLUNTEERS } from '../volunteer/model';
import type { ResolvedScope } from './granting';
import { syncHolders } from './holders';
import { USERS, type UserDoc } from './user';

/** The condition that the person's record is still the one a change was decided on. */
export function unchanged(u: UserDoc): Filter {
  return { rev: u.rev === undefined ? { $exists: false } : u.rev };
}

/** The record after `set`, with its revision moved as the write moves it. */
export function changed(before: UserDoc, set: Partial<UserDoc>): UserDoc {
  return { ...before, ...set, rev: (before.rev ?? 0) + 1 };
}

const isApprovedResident = (u: UserDoc | null) => !!u && u.status === 'active' && u.roles.includes('resident');

export interface UserChange {
  /** The record the change was decided on; null: a new person, inserted under their id. */
  before: UserDoc | null;
  /** What is written over it (`changed(before, set)`), or the new record. */
  set: Partial<UserDoc>;
  after: UserDoc;
  /** More conditions on the person's record than its revision (approve: still pending). */
  where?: Filter;
  at: string;
  /** The scope of the grant being made, already read (its holder record needs no read). */
  scope?: ResolvedScope;
  /** communityId → its street, where known; another community's is read beside its write. */
  streets?: Record<string, string | null>;
}

/**
 * Issues, into `writes`, the person's guarded write with everything it moves. Beside the write, in
 * one round, are read: the volunteer profile (an approved resident's counts among the volunteers)
 * only when the person becomes or stops being an approved resident, and the street of a community
 * whose counters move when `streets` does not give it; then the counters are written together.
 */
export function issueUserChange(tx: DocumentOps, writes: Writes, c: UserChange): void {
  const { before, after } = c;
  const flips = isApprovedResident(before) !== isApprovedResident(after);
  const moved = userCounterChange(userFacts(before, null), userFacts(after, null));
  const places = new Set([...Object.keys(moved.communities), ...moved.compounds.map((k) => k.communityId)]);
  if (flips) places.add(after.communityId);
  const streets = { ...c.streets };
  const unknown = [...places].filter((id) => id && !(id in streets));
  writes.add(
    before
      ? mustUpdate(tx.update(USERS, before._id, { $set: c.set, $inc: { rev: 1 } }, { ...c.where, ...unchanged(before) }), USERS)
      : mustInsert(tx.insert(USERS, after), USERS),
    syncHolders(tx, before, after, c.at, c.scope ? { scope: c.scope } : {}),
    (async () => {
      const [profile, ...communities] = await Promise.all([
        flips ? tx.get<{ _id: string; communityId: string }>(VOLUNTEERS, after._id) : null,
        ...unknown.map((id) => tx.get<CommunityDoc>(COMMUNITIES, id)),
      ]);
      for (const k of communities) if (k) streets[k._id] = k.streetId ?? null;
      const here = profile?.communityId ?? null;
      await bumpForUser(tx, userFacts(before, here), userFacts(after, here), { streets });
    })(),
  );
}

/** The failure a change answers when the person changed again under its second attempt too. */
export const stale = (): Failure => fail('CONFLICT', '该用户信息刚被修改，请刷新后重试', 'STALE');

/**
 * Runs a change decided on `loaded` in one transaction; when one of its guarded writes finds its
 * document changed, decides it again on what `read` finds inside a second one. `attempt` answers a
 * failure before it writes anything, or issues its writes and settles them.
 */
export function decidedChange<S, R extends object>(
  store: Store,
  loaded: S,
  read: (tx: DocumentOps) => Promise<S>,
  attempt: (tx: DocumentOps, state: S) => Promise<R | Failure>,
  busy: (what: string) => Failure = stale,
): Promise<R | Failure> {
  return guardedTransaction(store, { first: loaded, read, attempt, attempts: 2, busy });
}
