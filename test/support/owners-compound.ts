/**
 * A compound's owners as data, shared by the tests' builders (test/support/owners.ts) and the
 * bench's vote at scale (bench/parts/owners-vote.ts): the register's rows, each owner's registered
 * resident record (building, room and phone match the row, so the import links them), and the
 * motion put to them. No jest here: the bench bundles it.
 */
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';

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

export interface CompoundOwners {
  /** The register's rows, as owners.importRegister takes them. */
  rows: Array<{ building: string; room: string; area: string; ownerName: string; ownerPhone: string }>;
  /** Active residents, as account.register + approve leave them. */
  users: UserDoc[];
  owners: Owner[];
}

/**
 * `n` owners of one unit each (owner i: phone 139…i, building ⌊i/100⌋+1, room 1000+i, openid
 * `own-i`). Every `secondPhoneEvery`-th owner also has a second account (`own-i-b`) on the same unit.
 */
export function compoundOwners(
  n: number,
  at: string,
  userId: (openid: string) => string,
  options: { secondPhoneEvery?: number } = {},
): CompoundOwners {
  const out: CompoundOwners = { rows: [], users: [], owners: [] };
  for (let i = 0; i < n; i++) {
    const phone = `139${String(i).padStart(8, '0')}`;
    const building = `${Math.floor(i / 100) + 1}栋`;
    const room = String(1000 + i);
    out.rows.push({
      building,
      room,
      area: `${80 + (i % 50)}.${String(i % 100).padStart(2, '0')}`,
      ownerName: `业主${i}`,
      ownerPhone: phone,
    });
    const second = options.secondPhoneEvery && i % options.secondPhoneEvery === 0;
    const openids = second ? [`own-${i}`, `own-${i}-b`] : [`own-${i}`];
    for (const openid of openids)
      out.users.push({
        _id: userId(openid),
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
      });
    out.owners.push({ openids, building, room });
  }
  return out;
}

/** A motion of the compound (owners.draft's input) whose voting opens in 16 days for 7: past the 15 days' notice. */
export function motionDraft(now: Date, patch: Record<string, unknown> = {}) {
  const opensAt = new Date(now.getTime() + 16 * DAY).toISOString();
  const closesAt = new Date(now.getTime() + 23 * DAY).toISOString();
  const data = {
    compoundId: COMPOUND,
    matter: 'common_use',
    title: '利用共有部分设置快递柜',
    text: '是否同意在小区共有部分设置快递柜',
    opensAt,
    closesAt,
    ...patch,
  };
  return { data, opensAt, closesAt };
}
