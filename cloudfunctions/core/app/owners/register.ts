import type { Totals } from '../../domain/owners-count';
import { DuplicateKeyError, whole, type DocumentOps, type Store } from '../../ports/store';
import { USERS, type UserDoc } from '../account/user';
import type { Deps } from '../context';
import type { Caller } from './access';
import { findAll } from '../find-all';

export { findAll };
import type { RegisterSummary } from './views';
import { linkId, OWNER_LINKS, OWNER_REGISTERS, OWNER_UNITS, type LinkDoc, type RegisterDoc, type UnitDoc } from './model';

/** The register in force for a compound: the newest complete import. */
export async function currentRegister(deps: Pick<Deps, 'store'>, compoundId: string): Promise<RegisterDoc | null> {
  const [reg] = await deps.store.find<RegisterDoc>(OWNER_REGISTERS, { compoundId }, { orderBy: [['createdAt', 'desc']], limit: whole(1) });
  return reg ?? null;
}

export async function unitAt(deps: Pick<Deps, 'store'>, registerId: string, building: string, room: string): Promise<UnitDoc | null> {
  const [unit] = await deps.store.find<UnitDoc>(OWNER_UNITS, { registerId, building, room }, { limit: whole(1) });
  return unit ?? null;
}

/** How many registers' units at one address are read with the register in force (more: read again by register). */
const ADDRESS_UNITS = 50;

/** The units at an address in every register of a compound, read beside the register in force (its id not known yet). */
export async function unitsAtAddress(store: Pick<Store, 'find'>, compoundId: string, building: string, room: string): Promise<UnitDoc[]> {
  return store.find<UnitDoc>(OWNER_UNITS, { compoundId, building, room }, { limit: whole(ADDRESS_UNITS) });
}

/** The unit of the register in force among those read at its address (a compound with many imports: read again). */
export async function unitOfRegister(
  deps: Pick<Deps, 'store'>,
  reg: RegisterDoc,
  atAddress: UnitDoc[],
  building: string,
  room: string,
): Promise<UnitDoc | null> {
  const unit = atAddress.find((u) => u.registerId === reg._id);
  if (unit || atAddress.length < ADDRESS_UNITS) return unit ?? null;
  return unitAt(deps, reg._id, building, room);
}

/** Every unit of one owner in a register, with their area. */
export async function unitsOfOwner(deps: Pick<Deps, 'store'>, registerId: string, ownerKey: string): Promise<UnitDoc[]> {
  return deps.store.find<UnitDoc>(OWNER_UNITS, { registerId, ownerKey }, { limit: whole(1000) });
}

/** Replaces the resident's link in the compound (its id) with `link`. */
export function replaceLink(ops: Pick<DocumentOps, 'update'>, link: LinkDoc): Promise<0 | 1> {
  const { _id, ...fields } = link;
  return ops.update(OWNER_LINKS, _id, { $set: fields });
}

/** Stores a link (in `ops`: the store or a transaction): inserted, or replacing the resident's link in the compound. */
export async function putLink(ops: Pick<DocumentOps, 'insert' | 'update'>, link: LinkDoc): Promise<void> {
  try {
    await ops.insert(OWNER_LINKS, link);
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err;
    await replaceLink(ops, link);
  }
}

/**
 * Marks an owner's units linked (those read unlinked), issued together in `ops`, each only while
 * still unlinked: 1 for each unit this call turned linked, 0 for one linked meanwhile.
 */
export const markLinked = (ops: Pick<DocumentOps, 'update'>, units: UnitDoc[]): Array<Promise<0 | 1>> =>
  units.filter((u) => !u.linked).map(async (u) => ops.update(OWNER_UNITS, u._id, { $set: { linked: true } }, { linked: false }));

/**
 * The register's unlinked count lowered by `n` units turned linked (kept equal to a recount: each
 * unit's own update is guarded). Not guarded itself: the count is a figure kept beside the units,
 * and one that had drifted must not refuse every link to the register.
 */
export const countLinked = async (ops: Pick<DocumentOps, 'update'>, registerId: string, n: number): Promise<0 | 1> =>
  ops.update(OWNER_REGISTERS, registerId, { $inc: { unlinked: -n } });

/**
 * Links a resident to an owner (insert or replace) and marks the owner's units in the register
 * linked; the register's unlinked count is lowered by exactly the units this call turned linked.
 */
export async function saveLink(deps: Pick<Deps, 'store'>, link: LinkDoc, registerId: string): Promise<void> {
  const [, units] = await Promise.all([putLink(deps.store, link), unitsOfOwner(deps, registerId, link.ownerKey)]);
  const turned = (await Promise.all(markLinked(deps.store, units))).reduce<number>((a, b) => a + b, 0);
  if (turned > 0) await countLinked(deps.store, registerId, turned);
}

/** Whether a resident's registration matches a register row: building, room and phone. */
export const matches = (u: Pick<UserDoc, 'building' | 'room' | 'phone'>, unit: UnitDoc): boolean =>
  u.building.trim() === unit.building && u.room.trim() === unit.room && u.phone === unit.ownerPhone;

/** A resident's links, one per compound where they are an owner (by the `user` index). */
export function linksOf(store: Pick<Store, 'find'>, userId: string): Promise<LinkDoc[]> {
  return store.find<LinkDoc>(OWNER_LINKS, { userId }, { limit: whole(100) });
}

/**
 * The owner the caller is, in a compound: their link (among `links`, the caller's links when
 * already read, else read now), or — when their registration's building, room and phone match a
 * row of the register in force — a link made now. Null for a non-owner.
 */
export async function ownerKeyOfCaller(ctx: Caller, compoundId: string, links?: LinkDoc[]): Promise<string | null> {
  const user = ctx.user;
  const link = links
    ? (links.find((l) => l.compoundId === compoundId) ?? null)
    : await ctx.store.get<LinkDoc>(OWNER_LINKS, linkId(compoundId, user._id));
  if (link) return link.ownerKey;
  if (user.compoundId !== compoundId) return null;
  const reg = await currentRegister(ctx, compoundId);
  const unit = reg ? await unitAt(ctx, reg._id, user.building.trim(), user.room.trim()) : null;
  if (!reg || !unit || !matches(user, unit)) return null;
  const at = ctx.clock.now().toISOString();
  await saveLink(
    ctx,
    {
      _id: linkId(compoundId, user._id),
      compoundId,
      userId: user._id,
      ownerKey: unit.ownerKey,
      building: unit.building,
      room: unit.room,
      linkedBy: 'auto',
      createdAt: at,
    },
    reg._id,
  );
  return unit.ownerKey;
}

/** Active users of a compound (residents and committee members), for auto-linking and messages. */
export async function compoundUsers(deps: Pick<Deps, 'store'>, communityId: string, compoundId: string): Promise<UserDoc[]> {
  return findAll<UserDoc>(deps.store, USERS, { communityId, compoundId, status: 'active' });
}

export function summaryOf(reg: RegisterDoc | null, totals?: Totals): RegisterSummary {
  const t = totals ?? reg?.totals ?? { units: 0, number: 0, area: 0 };
  return {
    registerId: reg?._id ?? null,
    units: t.units,
    owners: t.number,
    totalArea: t.area,
    unlinked: reg?.unlinked ?? 0,
    importedAt: reg?.createdAt ?? null,
  };
}
