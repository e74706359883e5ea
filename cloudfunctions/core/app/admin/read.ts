import * as z from 'zod/mini';
import { rulesFor, type RulesConfig } from '../../domain/rules-config';
import type { Filter, Store } from '../../ports/store';
import { defineAction } from '../action';
import { isAdmin } from '../auth';
import {
  COMMUNITIES,
  COMPOUNDS,
  FIRMS,
  STREETS,
  type CommunityDoc,
  type CompoundDoc,
  type FirmDoc,
  type StreetDoc,
} from '../community/community';
import type { AppContext } from '../context';
import { failures, ok } from '../result';
import { grantsOf, streetsOf } from '../scope';
import { strict, id } from '../schemas';
import { historyOf, mayManageStreet } from './structure';
import { findAll, findAllWide } from '../find-all';

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

/** A street with its communities. */
export interface StreetRow {
  streetId: string;
  name: string;
  district: string;
  communities: CommunityRow[];
}

/** A registered property firm. */
export interface FirmRow {
  firmId: string;
  name: string;
  creditCode: string;
  hasPartyOrg: boolean;
}

/** admin.structure: what the caller sets up, street by street, and the registered firms. */
export interface StructureView {
  /** Whether the caller may create streets, import a file and register firms (the admin). */
  isAdmin: boolean;
  streets: StreetRow[];
  /** Every registered firm (admin and street_admin), else empty. */
  firms: FirmRow[];
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

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh-CN');

/** The streets and communities the caller reaches: all (admin), its streets, or its communities. */
function reachOf(ctx: AppContext): { all: boolean; streets: string[]; communities: string[] } {
  if (isAdmin(ctx.user)) return { all: true, streets: [], communities: [] };
  const communities = grantsOf(ctx.user)
    .filter((g) => (g.role === 'party_org' || g.role === 'rc_staff') && g.communityId)
    .map((g) => g.communityId as string);
  return { all: false, streets: streetsOf(ctx.user), communities: [...new Set(communities)] };
}

/** What admin.structure reads: the whole city, or the streets and communities a caller reaches. */
type StructureScope = { all: true } | { all: false; streets: string[]; communities: string[] };

interface StructureReads {
  streets: StreetDoc[];
  communities: CommunityDoc[];
  compounds: CompoundDoc[];
  firms: FirmDoc[];
}

/**
 * The four collections in parallel, one round trip (two past 1000 compounds: findAllWide):
 * a compound carries its community's street, so a street's compounds need not wait for its
 * communities; the streets are few (about 30 in the city), so a caller's are picked from all.
 */
async function readStructure(store: Store, scope: StructureScope): Promise<StructureReads> {
  const or = (parts: Array<Filter | null>): Filter | null => {
    const some = parts.filter((f): f is Filter => f !== null);
    return some.length === 0 ? null : some.length === 1 ? some[0] : { $or: some };
  };
  const inStreets = (field: string) => (!scope.all && scope.streets.length ? { [field]: { $in: scope.streets } } : null);
  const inCommunities = (field: string) => (!scope.all && scope.communities.length ? { [field]: { $in: scope.communities } } : null);
  const communityFilter = scope.all ? {} : or([inStreets('streetId'), inCommunities('_id')]);
  const compoundFilter = scope.all ? {} : or([inStreets('streetId'), inCommunities('communityId')]);
  const [streets, communities, compounds, firms] = await Promise.all([
    findAll<StreetDoc>(store, STREETS, {}),
    communityFilter ? findAll<CommunityDoc>(store, COMMUNITIES, communityFilter) : [],
    // The city has 3,000: its pages at once, beside the count.
    compoundFilter ? findAllWide<CompoundDoc>(store, COMPOUNDS, compoundFilter) : [],
    scope.all || scope.streets.length ? findAll<FirmDoc>(store, FIRMS, {}) : [],
  ]);
  if (scope.all) return { streets, communities, compounds, firms };
  const reached = new Set([...scope.streets, ...communities.map((c) => c.streetId ?? '')]);
  return { streets: streets.filter((s) => reached.has(s._id)), communities, compounds, firms };
}

/** The structure a street names (read beside the caller's record; the caller's right to it is checked after). */
const streetScope = (streetId: string): StructureScope => ({ all: false, streets: [streetId], communities: [] });

/** admin: reading what the setup pages show (the structure, a compound's history, a community's rules). */
export const readActions = {
  structure: defineAction({
    summary: '查看街道、社区、小区与物业企业',
    access: 'active',
    input: structureInput,
    // A named street is read beside the caller's record; else what the caller reaches, once the record gives it.
    load: (input, { store }): Promise<StructureReads | null> =>
      input.streetId ? readStructure(store, streetScope(input.streetId)) : Promise.resolve(null),
    run: async (input, ctx) => {
      const reach = reachOf(ctx);
      if (!reach.all && reach.streets.length === 0 && reach.communities.length === 0) return failures.forbidden();
      if (input.streetId && !reach.all && !reach.streets.includes(input.streetId)) return failures.forbidden('只能查看本街道');
      const scope: StructureScope = input.streetId
        ? streetScope(input.streetId)
        : reach.all
          ? { all: true }
          : { all: false, streets: reach.streets, communities: reach.communities };
      const { streets, communities, compounds, firms } = ctx.loaded ?? (await readStructure(ctx.store, scope));
      const compoundsOf = (communityId: string): CompoundRow[] =>
        compounds
          .filter((k) => k.communityId === communityId)
          .map((k) => ({ compoundId: k._id, name: k.name, buildings: k.buildings?.length ?? 0, firmId: k.firmId, firmName: k.firmName }))
          .sort(byName);
      const rows: StreetRow[] = streets
        .map((s) => ({
          streetId: s._id,
          name: s.name,
          district: s.district,
          communities: communities
            .filter((c) => c.streetId === s._id)
            .map((c) => ({ communityId: c._id, name: c.name, population: c.population, compounds: compoundsOf(c._id) }))
            .sort(byName),
        }))
        .sort(byName);
      const view: StructureView = {
        isAdmin: reach.all,
        streets: rows,
        firms: firms.map((f) => ({ firmId: f._id, name: f.name, creditCode: f.creditCode, hasPartyOrg: !!f.hasPartyOrg })).sort(byName),
      };
      return ok(view);
    },
  }),

  compound: defineAction({
    summary: '查看小区的物业服务历史',
    access: 'active',
    input: compoundInput,
    run: async (input, ctx) => {
      const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, input.compoundId);
      if (!compound) return isAdmin(ctx.user) ? failures.notFound('小区') : failures.forbidden('只能查看本街道的小区');
      if (!mayManageStreet(ctx, compound.streetId)) return failures.forbidden('只能查看本街道的小区');
      const [community, history] = await Promise.all([
        ctx.store.get<CommunityDoc>(COMMUNITIES, compound.communityId),
        historyOf(ctx, compound._id),
      ]);
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
    run: async (input, ctx) => {
      const community = await ctx.store.get<CommunityDoc>(COMMUNITIES, input.communityId);
      if (!community) return isAdmin(ctx.user) ? failures.notFound('社区') : failures.forbidden('只能查看本街道社区的规则');
      if (!mayManageStreet(ctx, community.streetId)) return failures.forbidden('只能查看本街道社区的规则');
      const view: RulesView = { communityId: community._id, name: community.name, rules: rulesFor(community.rules) };
      return ok(view);
    },
  }),
};
