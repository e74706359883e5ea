/**
 * Builders for owners' decisions: a compound's owners (active residents whose registration matches
 * a row of the register, so the import links them) and a motion announced to them.
 *
 *   const owners = await ownersOf(h, 250);        // 250 linked owners in 万寿园小区
 *   const { motionId, opensAt, closesAt } = await announced(h);
 */
import { must } from './action-samples';
import type { Harness } from './harness';
import { compoundOwners, COMPOUND, CONVENOR, motionDraft, type Owner } from './owners-compound';

export { COMPOUND, CONVENOR, type Owner };

/**
 * `n` owners of one unit each, imported as the register in force of the compound and linked by
 * building, room and phone. Every `secondPhoneEvery`-th owner also has a second account on the
 * same unit. The users are written directly: thousands of register/approve calls would only slow
 * the test down.
 */
export async function ownersOf(h: Harness, n: number, options: { secondPhoneEvery?: number } = {}): Promise<Owner[]> {
  const { rows, users, owners } = compoundOwners(n, h.clock.now().toISOString(), h.userId, options);
  for (const user of users) await h.store.insert('users', user);
  await must(h, 'owners', 'importRegister', { compoundId: COMPOUND, rows }, CONVENOR);
  return owners;
}

/** A motion of the compound, drafted and announced by the convenor; voting opens in 16 days for 7. */
export async function announced(
  h: Harness,
  patch: Record<string, unknown> = {},
): Promise<{ motionId: string; opensAt: string; closesAt: string }> {
  const { data, opensAt, closesAt } = motionDraft(h.clock.now(), patch);
  const d = await must<{ motionId: string }>(h, 'owners', 'draft', data, CONVENOR);
  await must(h, 'owners', 'announce', { motionId: d.motionId }, CONVENOR);
  return { motionId: d.motionId, opensAt, closesAt };
}
