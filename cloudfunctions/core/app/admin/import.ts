import { defineAction } from '../action';
import { audit } from '../audit';
import { isAdmin } from '../auth';
import { COMMUNITIES, COMPOUNDS, STREETS, type CommunityDoc, type CompoundDoc, type StreetDoc } from '../community/community';
import { startStreetTotals } from '../community/totals';
import { checkNames } from '../content';
import { newId } from '../ids';
import { fail, failures, ok } from '../result';
import { findAll } from '../find-all';
import { inGroups } from '../write-groups';
import { bumpCounters } from './counters';
import { checkRows, type RowError } from './import-rows';
import { importStructureInput, type StructureRow } from './schemas';
import { readStructureSheet } from './spreadsheet';

/** What an import created, by kind. */
export interface ImportCounts {
  streets: number;
  communities: number;
  compounds: number;
  buildings: number;
}

const none = (): ImportCounts => ({ streets: 0, communities: 0, compounds: 0, buildings: 0 });

/** admin.importStructure: the city's structure from rows or a spreadsheet, all or nothing. */
export const importActions = {
  importStructure: defineAction({
    summary: '导入街道、社区、小区和楼栋（有错行则全部不导入）',
    access: 'active',
    input: importStructureInput,
    run: async (input, ctx) => {
      if (!isAdmin(ctx.user)) return failures.forbidden('只有平台管理员可以导入');
      let raw: Array<Record<string, unknown>>;
      let firstLine = 1;
      if (input.fileId) {
        const body = ctx.files ? await ctx.files.read(input.fileId) : null;
        if (!body) return failures.notFound('文件');
        const sheet = await readStructureSheet(Buffer.from(body));
        if (!sheet) return fail('INVALID_INPUT', '无法读取该文件：请上传 .xlsx 或 .csv 表格');
        raw = sheet.rows;
        firstLine = sheet.firstLine;
      } else raw = input.rows ?? [];
      if (raw.length === 0) return ok({ created: none(), errors: [] as RowError[] });
      const { rows, errors } = checkRows(raw, firstLine);
      if (errors.length > 0) return ok({ created: none(), errors });
      const names = new Set(
        rows.flatMap((r) => [r.district, r.street, r.community, r.compound, r.building].filter((t): t is string => !!t)),
      );
      const refused = await checkNames(ctx, [...names]);
      if (refused) return refused;
      const created = await create(rows, ctx);
      await audit(ctx, 'admin.importStructure', 'city', 'city', { rows: rows.length, created, fileId: input.fileId ?? null });
      return ok({ created, errors: [] as RowError[] });
    },
  }),
};

const key = (...parts: string[]) => parts.join('\u0000');

/** Creates what the rows name and does not exist yet, in one transaction: all of it or nothing. */
async function create(rows: StructureRow[], ctx: Parameters<(typeof importActions)['importStructure']['run']>[1]): Promise<ImportCounts> {
  // All of them, page by page: the city has 3,000 compounds, and one unseen would be created twice.
  const [streets, communities, compounds] = await Promise.all([
    findAll<StreetDoc>(ctx.store, STREETS, {}),
    findAll<CommunityDoc>(ctx.store, COMMUNITIES, {}),
    findAll<CompoundDoc>(ctx.store, COMPOUNDS, {}),
  ]);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const streetIds = new Map(streets.map((s) => [key(s.district, s.name), s._id]));
  const streetById = new Map(streets.map((s) => [s._id, s]));
  const communityIds = new Map(communities.filter((c) => c.streetId).map((c) => [key(c.streetId as string, c.name), c._id]));
  const compoundById = new Map(compounds.map((c) => [c._id, c]));
  const compoundIds = new Map(compounds.map((c) => [key(c.communityId, c.name), c._id]));
  const counts = none();
  const newStreets: StreetDoc[] = [];
  const newCommunities: CommunityDoc[] = [];
  const touched = new Map<string, CompoundDoc>();
  const fresh = new Set<string>();
  for (const r of rows) {
    let streetId = streetIds.get(key(r.district, r.street));
    if (!streetId) {
      const s: StreetDoc = { _id: newId('st', now), name: r.street, city: '荆州市', district: r.district, createdAt: at, communities: 0 };
      newStreets.push(s);
      streetById.set(s._id, s);
      streetIds.set(key(r.district, r.street), (streetId = s._id));
    }
    let communityId = communityIds.get(key(streetId, r.community));
    if (!communityId) {
      const street = streetById.get(streetId) as StreetDoc;
      const c: CommunityDoc = {
        _id: newId('cm', now),
        name: r.community,
        city: street.city,
        district: street.district,
        street: street.name,
        streetId,
        officePhone: '',
        population: r.population ?? 0,
        createdAt: at,
        counters: { recountedAt: at }, // counted from its first write, never backfilled (as createCommunity)
      };
      newCommunities.push(c);
      communityIds.set(key(streetId, r.community), (communityId = c._id));
    }
    if (!r.compound) continue;
    let compoundId = compoundIds.get(key(communityId, r.compound));
    if (!compoundId) {
      const k: CompoundDoc = { _id: newId('cp', now), communityId, name: r.compound, firmId: '', firmName: '', streetId, buildings: [] };
      compoundById.set(k._id, k);
      fresh.add(k._id);
      compoundIds.set(key(communityId, r.compound), (compoundId = k._id));
    }
    const compound = touched.get(compoundId) ?? { ...(compoundById.get(compoundId) as CompoundDoc) };
    touched.set(compoundId, compound);
    if (r.building && !(compound.buildings ?? []).includes(r.building)) {
      compound.buildings = [...(compound.buildings ?? []), r.building];
      counts.buildings++;
    }
  }
  // Each community's count of compounds (oversight counters) moves with the compounds created.
  const created = new Map<string, { n: number; streetId: string | null }>();
  for (const id of fresh) {
    const k = compoundById.get(id) as CompoundDoc;
    created.set(k.communityId, { n: (created.get(k.communityId)?.n ?? 0) + 1, streetId: k.streetId ?? null });
  }
  // Each street's count of communities (street totals, community/totals.ts) moves with the communities created.
  const newPerStreet = new Map<string, number>();
  for (const c of newCommunities) newPerStreet.set(c.streetId as string, (newPerStreet.get(c.streetId as string) ?? 0) + 1);
  // The writes in groups issued together (app/write-groups.ts): the whole city, 3,400 documents, is
  // some 90 round trips in sequence instead of 4,000. The counters move once their communities exist.
  await ctx.store.transaction(async (tx) => {
    const writes: Array<() => Promise<unknown>> = [
      ...newStreets.map((s) => () => tx.insert(STREETS, s)),
      ...newStreets.map((s) => () => startStreetTotals(tx, s._id)),
      ...newCommunities.map((c) => () => tx.insert(COMMUNITIES, c)),
      ...[...touched].map(
        ([id, k]) =>
          () =>
            fresh.has(id) ? tx.insert(COMPOUNDS, k) : tx.update(COMPOUNDS, id, { $set: { buildings: k.buildings ?? [] } }),
      ),
    ];
    await inGroups(writes, (write) => write());
    await inGroups(
      [
        ...[...created].map(
          ([communityId, c]) =>
            () =>
              bumpCounters(tx, communityId, { compounds: c.n }, c.streetId),
        ),
        ...[...newPerStreet].map(
          ([streetId, n]) =>
            () =>
              tx.update(STREETS, streetId, { $inc: { communities: n } }),
        ),
      ],
      (write) => write(),
    );
  });
  counts.streets = newStreets.length;
  counts.communities = newCommunities.length;
  counts.compounds = fresh.size;
  return counts;
}
