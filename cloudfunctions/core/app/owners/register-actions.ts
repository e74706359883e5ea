import { totalsOf } from '../../domain/owners-count';
import { checkRegister, type RawRegisterRow, type RowError } from '../../domain/owners-register';
import { maskPhone } from '../../domain/phone';
import { defineAction } from '../action';
import { USERS, type UserDoc } from '../account/user';
import { audit, auditedChange } from '../audit';
import { loadCompound, standingAt, type Caller } from './access';
import { newId } from '../ids';
import { fail, failures, ok, type Failure, type Result } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { isFailure } from '../auth';
import { ownerKeyFor } from './crypto';
import { linkId, OWNER_LINKS, OWNER_REGISTERS, OWNER_UNITS, type LinkDoc, type RegisterDoc, type UnitDoc } from './model';
import {
  compoundUsers,
  currentRegister,
  findAll,
  countLinked,
  markLinked,
  matches,
  putLink,
  replaceLink,
  summaryOf,
  unitOfRegister,
  unitsAtAddress,
  unitsOfOwner,
} from './register';
import { guardedChange } from '../guarded-change';
import { mustInsert, mustUpdate } from '../volunteer/seat-writes';
import { inGroups } from '../write-groups';
import { isZip, parseCsv, parseXlsx, rowsOfSheet } from './register-file';
import { importRegisterInput, linkUnitInput, registerInput, residentsInput } from './schemas';
import type { ImportResult, RegisterView, ResidentView, UnitView } from './views';
import { whole } from '../../ports/store';
import { compareZh } from '../../domain/collation';

/** The rows of an uploaded spreadsheet, with the line number of the first (2: under the header). */
async function rowsOfFile(ctx: Caller, fileId: string): Promise<{ rows: RawRegisterRow[]; firstLine: number } | Failure> {
  if (!ctx.files) return fail('NOT_FOUND', '文件不存在');
  const stored = await ctx.files.read(fileId);
  if (!stored) return fail('NOT_FOUND', '文件不存在');
  const data = Buffer.from(stored);
  let sheet;
  try {
    sheet = isZip(data) ? await parseXlsx(data) : parseCsv(data.toString('utf8'));
  } catch {
    return fail('INVALID_INPUT', '无法读取表格，请上传 .xlsx 或 .csv 文件', 'BAD_SPREADSHEET');
  }
  const { rows, missing } = rowsOfSheet(sheet);
  if (missing.length) return fail('INVALID_INPUT', `表格缺少列：${missing.join('、')}`, 'MISSING_COLUMNS');
  return { rows, firstLine: 2 };
}

const empty = (errors: RowError[]): ImportResult => ({ ...summaryOf(null), imported: false, errors, linked: 0 });

export const importRegister = defineAction({
  input: importRegisterInput,
  access: 'active',
  summary: "Imports a compound's owners' register from rows or a spreadsheet, all or nothing",
  // The compound and the links made so far, in the caller's round.
  load: (input, { store }) =>
    Promise.all([loadCompound(store, input.compoundId), findAll<LinkDoc>(store, OWNER_LINKS, { compoundId: input.compoundId })]),
  async run(input, ctx): Promise<Result<ImportResult>> {
    const [compound, links] = ctx.loaded;
    const s = standingAt(ctx, compound);
    if (isFailure(s)) return s;
    if (!s.convenor) return failures.forbidden('只有本小区业委会成员或社区居委会可以导入业主名册');
    const source = input.fileId ? await rowsOfFile(ctx, input.fileId) : { rows: input.rows ?? [], firstLine: 1 };
    if (isFailure(source)) return source;
    const { rows, errors } = checkRegister(source.rows, source.firstLine);
    if (errors.length) return ok(empty(errors));

    const at = ctx.clock.now();
    const registerId = newId('reg', at);
    const people = await compoundUsers(ctx, s.compound.communityId, s.compound._id);
    const byUnit = new Map<string, UserDoc[]>();
    for (const p of people) {
      const key = `${p.building.trim()}\u0000${p.room.trim()}`;
      byUnit.set(key, [...(byUnit.get(key) ?? []), p]);
    }
    const units: UnitDoc[] = rows.map((r) => ({
      _id: `${registerId}_${r.line}`,
      registerId,
      compoundId: s.compound._id,
      line: r.line,
      building: r.building,
      room: r.room,
      area: r.area,
      ownerName: r.ownerName,
      ownerPhone: r.ownerPhone,
      developerHeld: r.developerHeld,
      ownerKey: ownerKeyFor(r.identity, ctx.userIdSalt),
      linked: false,
    }));
    // Links made earlier (by hand or automatically) carry over: they name the owner, not the row.
    const linkedOwners = new Set(links.map((l) => l.ownerKey));
    const linkedUsers = new Set(links.map((l) => l.userId));
    const fresh: LinkDoc[] = [];
    for (const u of units) {
      for (const person of byUnit.get(`${u.building}\u0000${u.room}`) ?? []) {
        if (!matches(person, u) || linkedUsers.has(person._id)) continue;
        fresh.push({
          _id: linkId(u.compoundId, person._id),
          compoundId: u.compoundId,
          userId: person._id,
          ownerKey: u.ownerKey,
          building: u.building,
          room: u.room,
          linkedBy: 'auto',
          createdAt: at.toISOString(),
        });
        linkedOwners.add(u.ownerKey);
      }
    }
    for (const u of units) u.linked = linkedOwners.has(u.ownerKey);
    const totals = totalsOf(units);
    const reg: RegisterDoc = {
      _id: registerId,
      compoundId: s.compound._id,
      communityId: s.compound.communityId,
      totals,
      unlinked: units.filter((u) => !u.linked).length,
      importedBy: ctx.callerId,
      createdAt: at.toISOString(),
    };
    const detail = { registerId, units: totals.units, source: input.fileId ? 'file' : 'rows' };
    // All or nothing, in one transaction: the register (in force once committed, with every unit),
    // its audit entry, the units and the links, in groups issued together (app/write-groups.ts):
    // 3,000 units are 60 round trips in sequence, not 3,000. The units are stored already linked,
    // so a link is one write.
    await ctx.store.transaction((tx) =>
      inGroups(
        [
          () => tx.insert(OWNER_REGISTERS, reg),
          () => audit({ ...ctx, store: tx }, 'owners.importRegister', 'compound', s.compound._id, detail),
          ...units.map((u) => () => tx.insert(OWNER_UNITS, u)),
          ...fresh.map((l) => () => putLink(tx, l)),
        ],
        async (write) => write(),
      ),
    );
    return ok({ ...summaryOf(reg), imported: true, errors: [], linked: fresh.length });
  },
});

const unitView = (u: UnitDoc): UnitView => ({
  line: u.line,
  building: u.building,
  room: u.room,
  area: u.area,
  ownerName: u.ownerName,
  ownerPhone: maskPhone(u.ownerPhone),
  developerHeld: u.developerHeld,
  linked: u.linked,
});

export const register = defineAction({
  input: registerInput,
  access: 'active',
  summary: "The owners' register in force: units, owners, total area and (optionally only) the unlinked rows",
  // The compound and its register in force, in the caller's round.
  load: (input, { store }) => Promise.all([loadCompound(store, input.compoundId), currentRegister({ store }, input.compoundId)]),
  async run(input, ctx): Promise<Result<RegisterView>> {
    const [compound, reg] = ctx.loaded;
    const s = standingAt(ctx, compound);
    if (isFailure(s)) return s;
    if (!s.staff) return failures.forbidden();
    const limit = input.limit ?? 20;
    const offset = decodeCursor(input.cursor);
    if (!reg) return ok({ summary: summaryOf(null), units: { items: [], nextCursor: null }, canLink: s.committee });
    const filter = input.unlinkedOnly ? { registerId: reg._id, linked: false } : { registerId: reg._id };
    const [rows, unlinked] = await Promise.all([
      ctx.store.find<UnitDoc>(OWNER_UNITS, filter, { orderBy: [['line', 'asc']], skip: whole(offset), limit: whole(limit + 1) }),
      ctx.store.count(OWNER_UNITS, { registerId: reg._id, linked: false }),
    ]);
    return ok({ summary: { ...summaryOf(reg), unlinked }, units: pageOf(rows.map(unitView), offset, limit), canLink: s.committee });
  },
});

/** Links of residents decided again when a guard finds the link, a unit or the register moved. */
const LINK_ATTEMPTS = 3;

export const linkUnit = defineAction({
  input: linkUnitInput,
  access: 'active',
  summary: 'Links a resident to a unit of the register by hand (audited)',
  // The compound, the resident, their link in it (if any), the register in force and the unit
  // named at its address in the compound's registers, in the caller's round.
  load: (input, { store }) =>
    Promise.all([
      loadCompound(store, input.compoundId),
      store.get<UserDoc>(USERS, input.userId),
      store.get<LinkDoc>(OWNER_LINKS, linkId(input.compoundId, input.userId)),
      currentRegister({ store }, input.compoundId),
      unitsAtAddress(store, input.compoundId, input.building, input.room),
    ]),
  async run(input, ctx): Promise<Result<{ linked: true }>> {
    const [compound, person, linked, reg, atAddress] = ctx.loaded;
    const s = standingAt(ctx, compound);
    if (isFailure(s)) return s;
    if (!s.committee) return failures.forbidden('只有本小区业委会成员可以关联业主');
    if (!person || person.status !== 'active' || person.compoundId !== input.compoundId) return failures.notFound('本小区居民');
    const unit = reg ? await unitOfRegister(ctx, reg, atAddress, input.building, input.room) : null;
    if (!reg || !unit) return failures.notFound('名册中的房屋');
    const at = ctx.clock.now().toISOString();
    const link: LinkDoc = {
      _id: linkId(input.compoundId, person._id),
      compoundId: input.compoundId,
      userId: person._id,
      ownerKey: unit.ownerKey,
      building: unit.building,
      room: unit.room,
      linkedBy: ctx.callerId,
      createdAt: at,
    };
    const entry = {
      action: 'owners.linkUnit',
      targetType: 'user',
      targetId: person._id,
      detail: { compoundId: input.compoundId, building: unit.building, room: unit.room },
    };
    // The link (inserted, or replacing the resident's link, as read), the owner's units read
    // unlinked marked linked, the register's unlinked count lowered by exactly those units and the
    // audit entry, in one transaction, every write guarded by what it was decided on: a link made
    // or gone meanwhile, a unit linked meanwhile (by another link or an owner's first vote,
    // register.ts saveLink) rolls it all back, and it is decided again on fresh reads.
    const reread = async () => {
      const [units, current] = await Promise.all([
        unitsOfOwner(ctx, reg._id, unit.ownerKey),
        ctx.store.get<LinkDoc>(OWNER_LINKS, link._id),
      ]);
      return { units, replace: current !== null };
    };
    return guardedChange({
      first: { units: await unitsOfOwner(ctx, reg._id, unit.ownerKey), replace: linked !== null },
      reread,
      attempts: LINK_ATTEMPTS,
      busy: () => fail('CONFLICT', '房屋关联刚被其他人修改，请稍后重试', 'STALE'),
      attempt: async ({ units, replace }) => {
        const turned = units.filter((u) => !u.linked).length;
        await auditedChange(ctx, entry, (tx) => [
          replace ? mustUpdate(replaceLink(tx, link), 'link') : mustInsert(tx.insert(OWNER_LINKS, link), 'link'),
          ...markLinked(tx, units).map(async (w) => mustUpdate(w, 'unit')),
          turned > 0 ? mustUpdate(countLinked(tx, reg._id, turned), 'register') : null,
        ]);
        return ok({ linked: true as const });
      },
    });
  },
});

export const residents = defineAction({
  input: residentsInput,
  access: 'active',
  summary: 'Active residents of the compound not linked to an owner yet, to link by hand (masked phones)',
  // The compound and its owners' links, in the caller's round.
  load: (input, { store }) =>
    Promise.all([loadCompound(store, input.compoundId), findAll<LinkDoc>(store, OWNER_LINKS, { compoundId: input.compoundId })]),
  async run(input, ctx): Promise<Result<{ items: ResidentView[]; nextCursor: string | null }>> {
    const [compound, links] = ctx.loaded;
    const s = standingAt(ctx, compound);
    if (isFailure(s)) return s;
    if (!s.committee) return failures.forbidden('只有本小区业委会成员可以关联业主');
    const linked = new Set(links.map((l) => l.userId));
    const people = (await compoundUsers(ctx, s.compound.communityId, input.compoundId))
      .filter((u) => !linked.has(u._id) && u.roles.includes('resident'))
      .sort((a, b) => compareZh(a.building, b.building) || compareZh(a.room, b.room) || (a._id < b._id ? -1 : 1));
    const limit = input.limit ?? 20;
    const offset = decodeCursor(input.cursor);
    const rows = people.slice(offset, offset + limit + 1).map((u) => ({
      userId: u._id,
      name: u.name,
      phoneMasked: maskPhone(u.phone),
      building: u.building,
      room: u.room,
    }));
    return ok(pageOf(rows, offset, limit));
  },
});
