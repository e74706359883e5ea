// Who may use the outreach staff pages: an active rc_staff / party_org (or admin), in their community.
import type { SelfView } from '../../typings/api';
import * as account from '../services/account';
import { isStaff } from '../utils/labels';

export type StaffGate = { ok: true; user: SelfView } | { ok: false; forbidden: string } | { ok: false; error: string };

/** whoami, then whether the caller is community staff (the server decides again on every call). */
export async function staffGate(forbidden: string): Promise<StaffGate> {
  const me = await account.whoami();
  if (!me.ok) return { ok: false, error: me.error.message };
  const user = me.data.user;
  if (!user || user.status !== 'active' || !isStaff(user.roles)) return { ok: false, forbidden };
  return { ok: true, user };
}
