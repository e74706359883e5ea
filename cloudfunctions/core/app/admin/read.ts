import * as z from 'zod/mini';
import { rulesFor, type RulesConfig } from '../../domain/rules-config';
import type { Filter, Store } from '../../ports/store';
import { defineAction } from '../action';
import { isAdmin } from '../auth';
import { COMMUNITIES, COMPOUNDS, STREETS, type CommunityDoc, type CompoundDoc, type StreetDoc } from '../community/community';
import type { AppContext } from '../context';
import { failures, ok } from '../result';
import { grantsOf, streetsOf } from '../scope';
import { strict, id } from '../schemas';
import { historyOf, mayManageStreet } from './setup';
import { findAll, findAllWide } from '../find-all';
import { byName } from '../../domain/collation';

/** A compound as the admin pages list it: its buildings and the firm serving it now. */
export interface CompoundRow {
  compoundId: string;
  name: string;
  buildings: number;
  firmId: string;
  firmName: string;
}

/** A community with its compounds. */
export interface CommunityRow {
  communityId: string;
  name: string;
  population: number;
  compounds: CompoundRow[];
}

/** A street with its communities (none listed in the admin's list of the city's streets). */
export interface StreetRow {
  streetId: string;
  name: string;
  district: string;
  /** How many communities the street has (the admin's list: its count kept on write), else those listed. */
  communityCount: number;
  communities: CommunityRow[];
}

/** A registered property firm. */
export interface FirmRow {
  firmId: string;
  name: string;
  creditCode: string;
  hasPartyOrg: boolean;
}

/**
 * admin.structure: what the caller sets up, street by street. The admin without a street named
 * gets the city's streets only (with their counts), and a street's communities and compounds by
 * naming it, so no answer grows with the city; the firms are admin.firms, a page at a time.
 */
export interface StructureView {
  /** Whether the caller may create streets, import a file and register firms (the admin). */
  isAdmin: boolean;
  streets: StreetRow[];
}

/** admin.compound: a compound and who served it when. */
export interface CompoundView {
  compoundId: string;
  name: string;
  communityId: string;
  communityName: string;
  buildings: string[];
  firmId: string;
  firmName: string;
  history: Array<{ firmId: string; firmName: string; from: string; to: string | null }>;
}

/** admin.rules: the rules in force in a community (defaults with its overrides). */
export interface RulesView {
  communityId: string;
  name: string;
  rules: RulesConfig;
}

export const structureInput = strict({ streetId: z.optional(id) });
export const compoundInput = strict({ compoundId: id });
export const rulesInput = strict({ communityId: id });

/** The streets and communities the caller reaches: all (admin), its streets, or its communities. */
function reachOf(ctx: AppContext): { all: boolean; streets: string[]; communities: string[] } {
  if (isAdmin(ctx.user)) return { all: true, streets: [], communities: [] };
  const communities = grantsOf(ctx.user)
    .filter((g) => (g.role === 'party_org' || g.role === 'rc_staff') && g.communityId)
    .map((g) => g.communityId as string);
  return { all: false, streets: streetsOf(ctx.user), communities: [...new Set(communities)] };
}

/**
 * What admin.structure reads: the city's streets alone (the admin's first screen), a street named in
 * the input, or the streets and communities a caller reaches.
 */
type StructureScope = { all: true } | { all: false; streets: string[]; communities: string[] };

interface StructureReads {
  streets: StreetDoc[];
  communities: CommunityDoc[];
  compounds: CompoundDoc[];
}

/**
 * The collections in parallel, one round trip: a compound carries its community's street, so a
 * street's compounds need not wait for its communities; the streets are few (about 30 in the city),
 * so a caller's are picked from all. The admin's list of the city reads the streets only.
 */
async function readStructure(store: Store, scope: StructureScope, allStreets?: StreetDoc[]): Promise<StructureReads> {
  if (scope.all) return { streets: allStreets ?? (await findAll<StreetDoc>(store, STREETS, {})), communities: [], compounds: [] };
  const or = (parts: Array<Filter | null>): Filter | null => {
    const some = parts.filter((f): f is Filter => f !== null);
    return some.length === 0 ? null : some.length === 1 ? some[0] : { $or: some };
  };
  const inStreets = (field: string) => (scope.streets.length ? { [field]: { $in: scope.streets } } : null);
  const inCommunities = (field: string) => (scope.communities.length ? { [field]: { $in: scope.communities } } : null);
  const communityFilter = or([inStreets('streetId'), inCommunities('_id')]);
  const compoundFilter = or([inStreets('streetId'), inCommunities('communityId')]);
  // A caller's own streets only, unless a community staff member's communities name theirs.
  const streetFilter: Filter = scope.communities.length ? {} : { _id: { $in: scope.streets } };
  const [streets, communities, compounds] = await Promise.all([
    allStreets ?? findAll<StreetDoc>(store, STREETS, streetFilter),
    communityFilter ? findAll<CommunityDoc>(store, COMMUNITIES, communityFilter) : [],
    // A street's compounds (about 100); past 1,000 their pages at once, beside the count.
    compoundFilter ? findAllWide<CompoundDoc>(store, COMPOUNDS, compoundFilter) : [],
  ]);
  const reached = new Set([...scope.streets, ...communities.map((c) => c.streetId ?? '')]);
  return { streets: streets.filter((s) => reached.has(s._id)), communities, compounds };
}

/** The structure a street names (read beside the caller's record; the caller's right to it is checked after). */
const streetScope = (streetId: string): StructureScope => ({ all: false, streets: [streetId], communities: [] });

/** admin: reading what the setup pages show (the structure, a compound's history, a community's rules). */
export const readActions = {
  structure: defineAction({
    summary: '查看街道、社区与小区',
    access: 'active',
    input: structureInput,
    // A named street, or else the city's streets (about 30: the admin's whole answer), is read beside
    // the caller's record; the communities and compounds others reach once the record gives them.
    load: (input, { store }): Promise<StructureReads> => readStructure(store, input.streetId ? streetScope(input.streetId) : { all: true }),
    run: async (input, ctx) => {
      const reach = reachOf(ctx);
      if (!reach.all && reach.streets.length === 0 && reach.communities.length === 0) return failures.forbidden();
      if (input.streetId && !reach.all && !reach.streets.includes(input.streetId)) return failures.forbidden('只能查看本街道');
      const scope: StructureScope = input.streetId
        ? streetScope(input.streetId)
        : reach.all
          ? { all: true }
          : { all: false, streets: reach.streets, communities: reach.communities };
      const loaded = ctx.loaded ?? (await readStructure(ctx.store, input.streetId ? scope : { all: true }));
      const { streets, communities, compounds } =
        input.streetId || scope.all ? loaded : await readStructure(ctx.store, scope, loaded.streets);
      const compoundsOf = (communityId: string): CompoundRow[] =>
        compounds
          .filter((k) => k.communityId === communityId)
          .map((k) => ({ compoundId: k._id, name: k.name, buildings: k.buildings?.length ?? 0, firmId: k.firmId, firmName: k.firmName }))
          .sort(byName);
      const rows: StreetRow[] = streets
        .map((s) => {
          const listed = scope.all
            ? []
            : communities
                .filter((c) => c.streetId === s._id)
                .map((c) => ({ communityId: c._id, name: c.name, population: c.population, compounds: compoundsOf(c._id) }))
                .sort(byName);
          const communityCount = scope.all ? (s.communities ?? 0) : listed.length;
          return { streetId: s._id, name: s.name, district: s.district, communityCount, communities: listed };
        })
        .sort(byName);
      const view: StructureView = { isAdmin: reach.all, streets: rows };
      return ok(view);
    },
  }),

  compound: defineAction({
    summary: '查看小区的物业服务历史',
    access: 'active',
    input: compoundInput,
    // The compound and its history come from the input's id: read beside the caller's record.
    load: (input, { store }) => Promise.all([store.get<CompoundDoc>(COMPOUNDS, input.compoundId), historyOf({ store }, input.compoundId)]),
    run: async (_input, ctx) => {
      const [compound, history] = ctx.loaded;
      if (!compound) return isAdmin(ctx.user) ? failures.notFound('小区') : failures.forbidden('只能查看本街道的小区');
      if (!mayManageStreet(ctx, compound.streetId)) return failures.forbidden('只能查看本街道的小区');
      // The compound names its community: its name is read once the compound is known.
      const community = await ctx.store.get<CommunityDoc>(COMMUNITIES, compound.communityId);
      const view: CompoundView = {
        compoundId: compound._id,
        name: compound.name,
        communityId: compound.communityId,
        communityName: community?.name ?? '',
        buildings: compound.buildings ?? [],
        firmId: compound.firmId,
        firmName: compound.firmName,
        history: history.map(({ firmId, firmName, from, to }) => ({ firmId, firmName, from, to })).reverse(),
      };
      return ok(view);
    },
  }),

  rules: defineAction({
    summary: '查看社区规则参数',
    access: 'active',
    input: rulesInput,
    // The community named in the input, read beside the caller's record (its street decides access).
    load: (input, { store }) => store.get<CommunityDoc>(COMMUNITIES, input.communityId),
    run: async (_input, ctx) => {
      const community = ctx.loaded;
      if (!community) return isAdmin(ctx.user) ? failures.notFound('社区') : failures.forbidden('只能查看本街道社区的规则');
      if (!mayManageStreet(ctx, community.streetId)) return failures.forbidden('只能查看本街道社区的规则');
      const view: RulesView = { communityId: community._id, name: community.name, rules: rulesFor(community.rules) };
      return ok(view);
    },
  }),
};
