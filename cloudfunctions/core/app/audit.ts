import type { DocumentOps, Store } from '../ports/store';
import type { AppContext } from './context';
import { newId } from './ids';
import type { Result } from './result';
import { Writes } from './volunteer/seat-writes';

export const AUDIT = 'audit';

/** One append-only audit entry. No action updates or deletes these. */
export interface AuditEntry {
  _id: string;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
}

/**
 * Appends an audit entry: who did what to which object, when. Pass the transaction of the change it
 * records as `ctx.store`, so a crash leaves both or neither (test/security/audit-atomic.test.ts).
 */
export async function audit(
  ctx: Pick<AppContext, 'clock'> & { user: { _id: string } | null; store: Pick<DocumentOps, 'insert'> },
  action: string,
  targetType: string,
  targetId: string,
  detail?: Record<string, unknown>,
): Promise<void> {
  const at = ctx.clock.now();
  const entry: AuditEntry = { _id: newId('aud', at), at: at.toISOString(), actorId: ctx.user?._id ?? null, action, targetType, targetId };
  if (detail) entry.detail = detail;
  await ctx.store.insert(AUDIT, entry);
}

/** What an audit entry records: the action, the object it changed and, optionally, how. */
export interface AuditRecord {
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
}

/**
 * Writes a change and its audit entry in one transaction (RULES.md §5: the audit must not lose a
 * change), issued together: its start, every write in one round, its commit. `change` issues the
 * change's writes in `tx` (null for none); with `answer`, the answer a retry with the same
 * clientToken gets is written in it too (AppContext.storeResultIn), so no round is spent storing it
 * after. Every write settles before the first failure is thrown (a DuplicateKeyError, or what a
 * failed guard throws), and then nothing is kept.
 */
export async function auditedChange(
  ctx: Pick<AppContext, 'clock' | 'storeResultIn'> & { user: { _id: string } | null; store: Pick<Store, 'transaction'> },
  record: AuditRecord,
  change: (tx: DocumentOps) => Array<Promise<unknown> | null>,
  answer?: Result<unknown>,
): Promise<void> {
  const { action, targetType, targetId, detail } = record;
  await ctx.store.transaction(async (tx) => {
    const writes = new Writes();
    writes.add(...change(tx).filter((w) => w !== null), audit({ ...ctx, store: tx }, action, targetType, targetId, detail));
    if (answer && ctx.storeResultIn) writes.add(ctx.storeResultIn(tx, answer));
    await writes.settle();
  });
}
