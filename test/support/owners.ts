/**
 * Builders for owners' decisions: a compound's owners (active residents whose registration matches
 * a row of the register, so the import links them) and a motion announced to them.
 *
 *   const owners = await ownersOf(h, 250);        // 250 linked owners in 万寿园小区
 *   const { motionId, opensAt, closesAt } = await announced(h);
 */
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { must } from './action-samples';
import type { Harness } from './harness';

/** The compound the builders use, and its owners' committee member (convenes the owners). */
export const COMPOUND = DEMO.compound2;
export const CONVENOR = 'demo-oc3';

const DAY = 24 * 3600 * 1000;

/** One owner: the openids of their accounts (a second phone for some) and their unit. */
export interface Owner {
  openids: string[];
  building: string;
  room: string;
}

/**
 * `n` owners of one unit each, imported as the register in force of the compound and linked by
 * building, room and phone. Every `secondPhoneEvery`-th owner also has a second account on the
 * same unit. The users are written directly: thousands of register/approve calls would only slow
 * the test down.
 */
export async function ownersOf(h: Harness, n: number, options: { secondPhoneEvery?: number } = {}): Promise<Owner[]> {
  const at = h.clock.now().toISOString();
  const rows = [];
  const owners: Owner[] = [];
  for (let i = 0; i < n; i++) {
    const phone = `139${String(i).padStart(8, '0')}`;
    const building = `${Math.floor(i / 100) + 1}栋`;
    const room = String(1000 + i);
    rows.push({ building, room, area: `${80 + (i % 50)}.${String(i % 100).padStart(2, '0')}`, ownerName: `业主${i}`, ownerPhone: phone });
    const second = options.secondPhoneEvery && i % options.secondPhoneEvery === 0;
    const openids = second ? [`own-${i}`, `own-${i}-b`] : [`own-${i}`];
    for (const openid of openids) {
      const user: UserDoc = {
        _id: h.userId(openid),
        openid,
        name: `业主${i}`,
        phone,
        communityId: DEMO.communityId,
        compoundId: COMPOUND,
        building,
        room,
        status: 'active',
        roles: ['resident'],
        isPartyMember: false,
        createdAt: at,
        updatedAt: at,
      };
      await h.store.insert('users', user);
    }
    owners.push({ openids, building, room });
  }
  await must(h, 'owners', 'importRegister', { compoundId: COMPOUND, rows }, CONVENOR);
  return owners;
}

/** A motion of the compound, drafted and announced by the convenor; voting opens in 16 days for 7. */
export async function announced(
  h: Harness,
  patch: Record<string, unknown> = {},
): Promise<{ motionId: string; opensAt: string; closesAt: string }> {
  const now = h.clock.now().getTime();
  const opensAt = new Date(now + 16 * DAY).toISOString();
  const closesAt = new Date(now + 23 * DAY).toISOString();
  const d = await must<{ motionId: string }>(
    h,
    'owners',
    'draft',
    {
      compoundId: COMPOUND,
      matter: 'common_use',
      title: '利用共有部分设置快递柜',
      text: '是否同意在小区共有部分设置快递柜',
      opensAt,
      closesAt,
      ...patch,
    },
    CONVENOR,
  );
  await must(h, 'owners', 'announce', { motionId: d.motionId }, CONVENOR);
  return { motionId: d.motionId, opensAt, closesAt };
}
