import type { DocumentOps, Store } from '../../ports/store';
import { defineAction } from '../action';
import { audit } from '../audit';
import { isAdmin } from '../auth';
import { COMMUNITIES, COMPOUNDS, STREETS, type CommunityDoc, type CompoundDoc, type StreetDoc } from '../community/community';
import { startStreetTotals } from '../community/totals';
import { checkNames } from '../content';
import { digest } from '../ids';
import { fail, failures, ok } from '../result';
import { guardedChange } from '../guarded-change';
import { mustInsert, mustUpdate } from '../volunteer/seat-writes';
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

/** The city's streets, communities and compounds, all of them (names are reused, never created twice). */
interface Existing {
  streets: StreetDoc[];
  communities: CommunityDoc[];
  compounds: CompoundDoc[];
}

/** Every street, community and compound, page by page: the city has 3,000 compounds, and one unseen would be created twice. */
const readExisting = (store: Store): Promise<Existing> =>
  Promise.all([
    findAll<StreetDoc>(store, STREETS, {}),
    findAll<CommunityDoc>(store, COMMUNITIES, {}),
    findAll<CompoundDoc>(store, COMPOUNDS, {}),
  ]).then(([streets, communities, compounds]) => ({ streets, communities, compounds }));

/** Attempts before an import that met another at every one is answered STALE (nothing written). */
const ATTEMPTS = 3;

/** admin.importStructure: the city's structure from rows or a spreadsheet, all or nothing. */
export const importActions = {
  importStructure: defineAction({
    summary: '导入街道、社区、小区和楼栋（有错行则全部不导入）',
    access: 'active',
    input: importStructureInput,
    // What exists is read beside the caller's record (it depends on nothing of theirs); only the admin goes on.
    load: (_input, { store }) => readExisting(store),
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
      const audited = (created: ImportCounts) => ({ rows: rows.length, created, fileId: input.fileId ?? null });
      return guardedChange({
        first: ctx.loaded,
        // Another import (or a new street, community or compound) made a document this one meant
        // to: nothing of this attempt stays, and it is planned again on what exists now.
        reread: () => readExisting(ctx.store),
        attempts: ATTEMPTS,
        busy: () => fail('CONFLICT', '其他导入正在进行，请稍后重试', 'STALE'),
        attempt: async (existing) => {
          const plan = planImport(rows, existing, ctx.clock.now());
          await ctx.store.transaction((tx) =>
            writePlan(tx, plan, (tx) => audit({ ...ctx, store: tx }, 'admin.importStructure', 'city', 'city', audited(plan.counts))),
          );
          return ok({ created: plan.counts, errors: [] as RowError[] });
        },
      });
    },
  }),
};

const key = (...parts: string[]) => parts.join('\u0000');

/**
 * The id of a street, community or compound the import makes, from its place and name: two imports
 * planning the same one at once insert under the same id, and the database keeps one.
 */
const placeId = (prefix: string, ...parts: string[]) => `${prefix}_${digest(parts).slice(0, 22)}`;

/** What an import writes: the documents it makes, the compounds given buildings and the counts that move. */
interface ImportPlan {
  counts: ImportCounts;
  newStreets: StreetDoc[];
  newCommunities: CommunityDoc[];
  newCompounds: CompoundDoc[];
  /** Existing compounds given buildings: their full list. */
  grown: CompoundDoc[];
  /** communityId → compounds made in it, with its street. */
  compoundsIn: Map<string, { n: number; streetId: string | null; isNew: boolean }>;
  /** An existing street → communities made in it (a new street is made with its count). */
  communitiesIn: Map<string, number>;
}

/** Decides what the rows add to what exists: each name found, else made (once). */
function planImport(rows: readonly StructureRow[], existing: Existing, now: Date): ImportPlan {
  const at = now.toISOString();
  const streetIds = new Map(existing.streets.map((s) => [key(s.district, s.name), s._id]));
  const streetById = new Map(existing.streets.map((s) => [s._id, s]));
  const communityIds = new Map(existing.communities.filter((c) => c.streetId).map((c) => [key(c.streetId as string, c.name), c._id]));
  const compoundById = new Map(existing.compounds.map((c) => [c._id, c]));
  const compoundIds = new Map(existing.compounds.map((c) => [key(c.communityId, c.name), c._id]));
  const counts = none();
  const newStreets = new Map<string, StreetDoc>();
  const newCommunities = new Map<string, CommunityDoc>();
  const newCompounds = new Map<string, CompoundDoc>();
  const grown = new Map<string, CompoundDoc>();
  for (const r of rows) {
    let streetId = streetIds.get(key(r.district, r.street));
    if (!streetId) {
      const s: StreetDoc = {
        _id: placeId('st', r.district, r.street),
        name: r.street,
        city: '荆州市',
        district: r.district,
        createdAt: at,
        communities: 0,
      };
      newStreets.set(s._id, s);
      streetById.set(s._id, s);
      streetIds.set(key(r.district, r.street), (streetId = s._id));
    }
    let communityId = communityIds.get(key(streetId, r.community));
    if (!communityId) {
      const street = streetById.get(streetId) as StreetDoc;
      const c: CommunityDoc = {
        _id: placeId('cm', streetId, r.community),
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
      newCommunities.set(c._id, c);
      communityIds.set(key(streetId, r.community), (communityId = c._id));
      const madeIn = newStreets.get(streetId);
      if (madeIn) madeIn.communities = (madeIn.communities ?? 0) + 1;
    }
    if (!r.compound) continue;
    let compoundId = compoundIds.get(key(communityId, r.compound));
    if (!compoundId) {
      const k: CompoundDoc = {
        _id: placeId('cp', communityId, r.compound),
        communityId,
        name: r.compound,
        firmId: '',
        firmName: '',
        streetId,
        buildings: [],
      };
      compoundById.set(k._id, k);
      newCompounds.set(k._id, k);
      compoundIds.set(key(communityId, r.compound), (compoundId = k._id));
    }
    if (!r.building) continue;
    const compound = newCompounds.get(compoundId) ?? grown.get(compoundId) ?? { ...(compoundById.get(compoundId) as CompoundDoc) };
    if ((compound.buildings ?? []).includes(r.building)) continue;
    compound.buildings = [...(compound.buildings ?? []), r.building];
    counts.buildings++;
    if (!newCompounds.has(compoundId)) grown.set(compoundId, compound);
  }
  // Each community's count of compounds (oversight counters) moves with the compounds made.
  const compoundsIn = new Map<string, { n: number; streetId: string | null; isNew: boolean }>();
  for (const k of newCompounds.values()) {
    const seen = compoundsIn.get(k.communityId);
    compoundsIn.set(k.communityId, { n: (seen?.n ?? 0) + 1, streetId: k.streetId ?? null, isNew: newCommunities.has(k.communityId) });
  }
  // Each existing street's count of communities (street totals, community/totals.ts) moves with the communities made.
  const communitiesIn = new Map<string, number>();
  for (const c of newCommunities.values())
    if (!newStreets.has(c.streetId as string)) communitiesIn.set(c.streetId as string, (communitiesIn.get(c.streetId as string) ?? 0) + 1);
  counts.streets = newStreets.size;
  counts.communities = newCommunities.size;
  counts.compounds = newCompounds.size;
  return {
    counts,
    newStreets: [...newStreets.values()],
    newCommunities: [...newCommunities.values()],
    newCompounds: [...newCompounds.values()],
    grown: [...grown.values()],
    compoundsIn,
    communitiesIn,
  };
}

/**
 * Writes the plan in one transaction, all of it or nothing, in groups issued together
 * (app/write-groups.ts): the whole city, 3,400 documents, is some 90 round trips in sequence. A
 * document made meanwhile under one of its ids is a ConcurrentChange. The counts of a community made
 * here move once it exists (a write to a document inserted in the same round may reach the database
 * first); everything else, the audit entry included, goes in the first round.
 */
async function writePlan(tx: DocumentOps, plan: ImportPlan, auditIn: (tx: DocumentOps) => Promise<void>): Promise<void> {
  const made = (insert: () => Promise<void>, what: string) => () => mustInsert(insert(), what);
  const bump =
    ([communityId, c]: [string, { n: number; streetId: string | null }]) =>
    () =>
      bumpCounters(tx, communityId, { compounds: c.n }, c.streetId);
  const counted = [...plan.compoundsIn];
  await inGroups(
    [
      () => auditIn(tx),
      ...plan.newStreets.map((s) => made(() => tx.insert(STREETS, s), 'street')),
      ...plan.newStreets.map((s) => made(() => startStreetTotals(tx, s._id), 'street totals')),
      ...plan.newCommunities.map((c) => made(() => tx.insert(COMMUNITIES, c), 'community')),
      ...plan.newCompounds.map((k) => made(() => tx.insert(COMPOUNDS, k), 'compound')),
      // The list is written over the one it grew from: another import's buildings added meanwhile fail the guard, and the import is planned again.
      ...plan.grown.map(
        (k) => () =>
          mustUpdate(
            tx.update(
              COMPOUNDS,
              k._id,
              { $set: { buildings: k.buildings ?? [] }, $inc: { buildingsRev: 1 } },
              { buildingsRev: k.buildingsRev ?? { $exists: false } },
            ),
            'compound',
          ),
      ),
      ...[...plan.communitiesIn].map(
        ([streetId, n]) =>
          () =>
            tx.update(STREETS, streetId, { $inc: { communities: n } }),
      ),
      ...counted.filter(([, c]) => !c.isNew).map(bump),
    ],
    async (write) => write(),
  );
  await inGroups(counted.filter(([, c]) => c.isNew).map(bump), async (write) => write());
}
