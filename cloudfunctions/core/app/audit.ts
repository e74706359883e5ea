import type { DocumentOps } from '../ports/store';
import type { AppContext } from './context';
import { newId } from './ids';

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
