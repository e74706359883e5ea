/**
 * The register's stored unlinked count (owner_registers.unlinked) stays equal to a recount of its
 * unlinked units through every path that links units: the import, links by hand, relinks, two
 * links at once to units of one owner, and an owner linked on first reading a motion.
 */
import { OWNER_REGISTERS, OWNER_UNITS, type RegisterDoc } from '../../cloudfunctions/core/app/owners/model';
import { whole } from '../../cloudfunctions/core/ports/store';
import { must } from '../support/action-samples';
import { makeHarness, type Harness } from '../support/harness';
import { announced, COMPOUND, CONVENOR } from '../support/owners';
import { compoundOwners } from '../support/owners-compound';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** Units of one owner (not a resident of the compound): a phone nobody registered with. */
const unitsOf = (name: string, phone: string, rooms: string[]) =>
  rooms.map((room) => ({ building: '8栋', room, area: '90', ownerName: name, ownerPhone: phone }));

async function stored(): Promise<{ unlinked: number; recount: number }> {
  const [reg] = await h.store.find<RegisterDoc>(
    OWNER_REGISTERS,
    { compoundId: COMPOUND },
    { orderBy: [['createdAt', 'desc']], limit: whole(1) },
  );
  return { unlinked: reg.unlinked, recount: await h.store.count(OWNER_UNITS, { registerId: reg._id, linked: false }) };
}

async function expectRecount(unlinked: number): Promise<void> {
  expect(await stored()).toEqual({ unlinked, recount: unlinked });
}

const link = (openid: string, room: string) =>
  h.call('owners', 'linkUnit', { compoundId: COMPOUND, userId: h.userId(openid), building: '8栋', room }, CONVENOR);

test('the unlinked count equals a recount after links, relinks, links at once and an owner linked on reading', async () => {
  // Six residents: own-0 and own-1 match their rows (linked by the import); own-2..own-5 gave
  // other phones, so their rows stay unlinked until linked by hand.
  const { rows, users } = compoundOwners(6, h.clock.now().toISOString(), h.userId);
  for (const user of users) await h.store.insert('users', user);
  const register = [
    ...rows.map((r, i) => (i < 2 ? r : { ...r, ownerPhone: `1360000000${i}` })),
    ...unitsOf('甲', '13700000001', ['801', '802', '803']),
    ...unitsOf('乙', '13700000002', ['804', '805']),
    ...unitsOf('丙', '13700000003', ['806', '807', '808']),
    // Registered after the import with a matching phone: linked when first reading a motion.
    { building: '9栋', room: '901', area: '70', ownerName: '丁', ownerPhone: '13500000001' },
  ];
  await must(h, 'owners', 'importRegister', { compoundId: COMPOUND, rows: register }, CONVENOR);
  await expectRecount(4 + 3 + 2 + 3 + 1);

  // A link turns all three units of 甲 linked; linking another resident to 甲 turns none.
  expect(await link('own-2', '801')).toMatchObject({ ok: true });
  await expectRecount(10);
  expect(await link('own-3', '802')).toMatchObject({ ok: true });
  await expectRecount(10);

  // A relink (own-2 to 乙) turns 乙's two units; 甲's stay linked (own-3 is still 甲).
  expect(await link('own-2', '804')).toMatchObject({ ok: true });
  await expectRecount(8);

  // Two residents linked at once to units of 丙: each decided on all three read unlinked; the
  // later finds its guards moved, is decided again and turns none.
  const both = await Promise.all([link('own-4', '806'), link('own-5', '807')]);
  expect(both).toMatchObject([{ ok: true }, { ok: true }]);
  await expectRecount(5);

  // 丁 registers after the import and reads a motion: linked by building, room and phone.
  const at = h.clock.now().toISOString();
  const late = {
    ...users[0],
    _id: h.userId('late'),
    openid: 'late',
    name: '丁',
    phone: '13500000001',
    building: '9栋',
    room: '901',
    createdAt: at,
    updatedAt: at,
  };
  await h.store.insert('users', late);
  const { motionId } = await announced(h);
  const read = await h.call<{ isOwner: boolean }>('owners', 'get', { motionId }, 'late');
  expect(read).toMatchObject({ ok: true, data: { isOwner: true } });
  await expectRecount(4);
});

test('a stored count that drifted below the truth does not block linking', async () => {
  const { rows, users } = compoundOwners(3, h.clock.now().toISOString(), h.userId);
  for (const user of users) await h.store.insert('users', user);
  const register = [...rows.map((r) => ({ ...r, ownerPhone: '13600000009' })), ...unitsOf('甲', '13700000001', ['801', '802'])];
  await must(h, 'owners', 'importRegister', { compoundId: COMPOUND, rows: register }, CONVENOR);
  // The count is a figure kept beside the units, never what a link is decided on.
  const [reg] = await h.store.find<RegisterDoc>(OWNER_REGISTERS, { compoundId: COMPOUND });
  await h.store.update(OWNER_REGISTERS, reg._id, { $set: { unlinked: 0 } });
  expect(await link('own-0', '801')).toMatchObject({ ok: true, data: { linked: true } });
  expect(await h.store.count(OWNER_UNITS, { registerId: reg._id, linked: false })).toBe(3);
});
