/**
 * The holder documents (holders.ts) of roles granted before they were kept: a pass over every
 * person by `_id`, a page per scheduler tick, remembering where it got to; the demo seed runs it
 * to the end. Each person is re-read in the transaction that writes their holders, so a grant or
 * revocation landing meanwhile is not undone.
 */
import { INVITABLE_ROLES } from '../../domain/role-grants';
import type { Filter } from '../../ports/store';
import type { Deps } from '../context';
import { ROLE_HOLDERS, syncHolders } from './holders';
import { USERS, type UserDoc } from './user';
import { whole } from '../../ports/store';

/** The pass's progress, kept in the holders collection under an id no holder has. */
export const HOLDERS_BACKFILL_MARK = '~backfill';
const MARK = HOLDERS_BACKFILL_MARK;
interface BackfillMark {
  _id: string;
  after: string;
  doneAt: string | null;
}

/** People brought up to date in one transaction. */
const PER_TRANSACTION = 25;

/** One page of the pass; answers how many role holders it looked at (0 once the pass is done). */
export async function holdersTick(deps: Pick<Deps, 'store' | 'clock'>, pageSize = 500): Promise<number> {
  const mark = await deps.store.get<BackfillMark>(ROLE_HOLDERS, MARK);
  if (mark?.doneAt) return 0;
  // Only people holding a role someone may revoke (staff are few among the residents).
  const holding: Filter = { $or: INVITABLE_ROLES.map((r) => ({ roles: { $contains: r } })) };
  const users = await deps.store.find<UserDoc>(USERS, mark?.after ? { $and: [holding, { _id: { $gt: mark.after } }] } : holding, {
    orderBy: [['_id', 'asc']],
    limit: whole(pageSize),
  });
  // A few people per transaction: each re-read inside it, so a grant or revocation meanwhile stands.
  for (let i = 0; i < users.length; i += PER_TRANSACTION) {
    const batch = users.slice(i, i + PER_TRANSACTION);
    await deps.store.transaction(async (tx) => {
      for (const u of batch) {
        const current = await tx.get<UserDoc>(USERS, u._id);
        // A role held before the holders were kept: dated by the record's creation, the best known.
        if (current) await syncHolders(tx, null, current, current.createdAt, { backfill: true });
      }
    });
  }
  const next: BackfillMark = {
    _id: MARK,
    after: users[users.length - 1]?._id ?? mark?.after ?? '',
    doneAt: users.length < pageSize ? deps.clock.now().toISOString() : null,
  };
  await deps.store.transaction(async (tx) => {
    if (!(await tx.update(ROLE_HOLDERS, MARK, { $set: { after: next.after, doneAt: next.doneAt } }))) await tx.insert(ROLE_HOLDERS, next);
  });
  return users.length;
}

/** The whole pass at once (the demo seed, a new deployment's import). */
export async function backfillHolders(deps: Pick<Deps, 'store' | 'clock'>): Promise<void> {
  for (let n = 1; n > 0;) n = await holdersTick(deps, 500);
}
