import { rulesFor, type RulesConfig } from '../../domain/rules-config';
import { DuplicateKeyError } from '../../ports/store';
import { defineAction } from '../action';
import { audit, auditedChange } from '../audit';
import { bumpCounters } from './counters';
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
import { checkTexts } from '../content';
import { newId } from '../ids';
import { fail, failures, ok } from '../result';
import { guardedChange } from '../guarded-change';
import { mustUpdate } from '../volunteer/seat-writes';
import { assignFirm } from './assign-firm';
import { mayManageStreet } from './setup';
import { createCommunityInput, createCompoundInput, createStreetInput, registerFirmInput, setRulesInput } from './schemas';

/** The firm that served a compound on a date: the rule lives in domain/firm-service.ts. */
export { firmOn } from '../../domain/firm-service';

/** A merged rules object stays coherent: the three quality-score weights sum to 1. */
function rulesProblem(rules: RulesConfig): string | null {
  const w = rules.ratingWeights;
  if (Math.abs(w.ownerSatisfaction + w.partyOrg + w.ownersCommittee - 1) > 1e-9) return '评分权重之和须为 1';
  return null;
}

/** How many times setRules merges again when another change to the rules came first. */
const RULES_ATTEMPTS = 3;

/** The stored overrides with the change: each nested table merged key by key over the rules in force. */
function mergedRules(stored: Partial<RulesConfig> | undefined, patch: Partial<RulesConfig>): Partial<RulesConfig> {
  const inForce = rulesFor(stored);
  return {
    ...(stored ?? {}),
    ...patch,
    ...(patch.requestTierHours ? { requestTierHours: { ...inForce.requestTierHours, ...patch.requestTierHours } } : {}),
    ...(patch.ratingWeights ? { ratingWeights: { ...inForce.ratingWeights, ...patch.ratingWeights } } : {}),
    // Each kind's list replaces that kind's only; the other keeps its override.
    ...(patch.needCategories ? { needCategories: { ...inForce.needCategories, ...patch.needCategories } } : {}),
  };
}

/** admin: creating the city's structure, registering firms and who serves which compound, rules. */
export const structureActions = {
  createStreet: defineAction({
    summary: '新建街道',
    access: 'active',
    input: createStreetInput,
    run: async (input, ctx) => {
      if (!isAdmin(ctx.user)) return failures.forbidden('只有平台管理员可以新建街道');
      const refused = await checkTexts(ctx, [input.name, input.district]);
      if (refused) return refused;
      const now = ctx.clock.now();
      const street: StreetDoc = {
        _id: newId('st', now),
        name: input.name,
        city: '荆州市',
        district: input.district,
        createdAt: now.toISOString(),
        // Its totals (community/totals.ts) start at none: the backfill has nothing to set.
        communities: 0,
      };
      // The street and its audit entry, in one write.
      await auditedChange(
        ctx,
        {
          action: 'admin.createStreet',
          targetType: 'street',
          targetId: street._id,
          detail: { name: street.name, district: street.district },
        },
        (tx) => [tx.insert(STREETS, street)],
      );
      return ok({ streetId: street._id });
    },
  }),

  createCommunity: defineAction({
    summary: '新建社区',
    access: 'active',
    input: createCommunityInput,
    // The street named in the input, read beside the caller's record (its name and district are copied).
    load: (input, { store }) => store.get<StreetDoc>(STREETS, input.streetId),
    run: async (input, ctx) => {
      const street = ctx.loaded;
      if (!mayManageStreet(ctx, input.streetId)) return failures.forbidden('只能在本街道新建社区');
      if (!street) return failures.notFound('街道');
      const refused = await checkTexts(ctx, [input.name]);
      if (refused) return refused;
      const now = ctx.clock.now();
      const community: CommunityDoc = {
        _id: newId('cm', now),
        name: input.name,
        city: street.city,
        district: street.district,
        street: street.name,
        streetId: street._id,
        officePhone: input.officePhone ?? '',
        population: input.population ?? 0,
        createdAt: now.toISOString(),
        // Counted from its first write (nothing to count yet): the scheduler's backfill, which
        // recounts outside the writes' transactions, is for data from before the counters only.
        counters: { recountedAt: now.toISOString() },
      };
      // The community, its street's count of communities (street totals, community/totals.ts) and its audit entry, in one write.
      await ctx.store.transaction((tx) =>
        Promise.all([
          tx.insert(COMMUNITIES, community),
          tx.update(STREETS, street._id, { $inc: { communities: 1 } }),
          audit({ ...ctx, store: tx }, 'admin.createCommunity', 'community', community._id, { name: community.name, streetId: street._id }),
        ]),
      );
      return ok({ communityId: community._id });
    },
  }),

  createCompound: defineAction({
    summary: '新建小区（含楼栋）',
    access: 'active',
    input: createCompoundInput,
    // The community named in the input, read beside the caller's record (its street decides access).
    load: (input, { store }) => store.get<CommunityDoc>(COMMUNITIES, input.communityId),
    run: async (input, ctx) => {
      const community = ctx.loaded;
      if (!community) return isAdmin(ctx.user) ? failures.notFound('社区') : failures.forbidden('只能在本街道新建小区');
      if (!mayManageStreet(ctx, community.streetId)) return failures.forbidden('只能在本街道新建小区');
      const refused = await checkTexts(ctx, [input.name, ...(input.buildings ?? [])]);
      if (refused) return refused;
      const now = ctx.clock.now();
      const compound: CompoundDoc = {
        _id: newId('cp', now),
        communityId: community._id,
        name: input.name,
        firmId: '',
        firmName: '',
        buildings: [...new Set(input.buildings ?? [])],
      };
      if (community.streetId) compound.streetId = community.streetId;
      // The compound, its community's count of compounds (oversight counters) and its audit entry, in one write.
      await ctx.store.transaction((tx) =>
        Promise.all([
          tx.insert(COMPOUNDS, compound),
          bumpCounters(tx, community._id, { compounds: 1 }, community.streetId ?? null),
          audit({ ...ctx, store: tx }, 'admin.createCompound', 'compound', compound._id, {
            name: compound.name,
            communityId: community._id,
          }),
        ]),
      );
      return ok({ compoundId: compound._id });
    },
  }),

  registerFirm: defineAction({
    summary: '登记物业服务企业（统一社会信用代码校验）',
    access: 'active',
    input: registerFirmInput,
    run: async (input, ctx) => {
      if (!isAdmin(ctx.user)) return failures.forbidden('只有平台管理员可以登记物业企业');
      const refused = await checkTexts(ctx, [input.name]);
      if (refused) return refused;
      const now = ctx.clock.now();
      const firm: FirmDoc = {
        _id: newId('f', now),
        name: input.name,
        creditCode: input.creditCode,
        contactPhone: input.contactPhone ?? '',
        hasPartyOrg: input.hasPartyOrg,
        createdAt: now.toISOString(),
      };
      // The firm and its audit entry, in one write: a credit code registered already rolls both back.
      const detail = { name: firm.name, creditCode: firm.creditCode, hasPartyOrg: firm.hasPartyOrg };
      try {
        await auditedChange(ctx, { action: 'admin.registerFirm', targetType: 'firm', targetId: firm._id, detail }, (tx) => [
          tx.insert(FIRMS, firm),
        ]);
      } catch (err) {
        if (err instanceof DuplicateKeyError) return fail('CONFLICT', '该统一社会信用代码已登记', 'FIRM_EXISTS');
        throw err;
      }
      return ok({ firmId: firm._id });
    },
  }),

  assignFirm,

  setRules: defineAction({
    summary: '设置社区规则参数',
    access: 'active',
    input: setRulesInput,
    // The community named in the input, read beside the caller's record (its rules are merged with the change).
    load: (input, { store }) => store.get<CommunityDoc>(COMMUNITIES, input.communityId),
    run: async (input, ctx) => {
      const loaded = ctx.loaded;
      if (!loaded) return isAdmin(ctx.user) ? failures.notFound('社区') : failures.forbidden('只能设置本街道社区的规则');
      if (!mayManageStreet(ctx, loaded.streetId)) return failures.forbidden('只能设置本街道社区的规则');
      const patch = input.rules as Partial<RulesConfig>;
      // Category names are shown to every resident: they pass the content check (RULES.md §5).
      const labels = [...(patch.needCategories?.general ?? []), ...(patch.needCategories?.professional ?? [])].map((c) => c.label);
      const refused = labels.length > 0 ? await checkTexts(ctx, labels) : null;
      if (refused) return refused;
      // The merge is written only over the rules it was made from (their revision): two staff
      // changing different rules at once both count; the later one merges again on a fresh read.
      const gone = () => failures.notFound('社区');
      return guardedChange({
        first: loaded as CommunityDoc | null,
        reread: () => ctx.store.get<CommunityDoc>(COMMUNITIES, loaded._id),
        attempts: RULES_ATTEMPTS,
        // The community is read again after the last attempt too: gone by then, it is NOT_FOUND.
        busy: async () =>
          (await ctx.store.get<CommunityDoc>(COMMUNITIES, loaded._id))
            ? fail('CONFLICT', '规则刚被其他人修改，请刷新后重试', 'STALE')
            : gone(),
        attempt: async (community) => {
          if (!community) return gone();
          const overrides = mergedRules(community.rules, patch);
          const merged = rulesFor(overrides);
          const problem = rulesProblem(merged);
          if (problem) {
            return {
              ok: false as const,
              error: { code: 'INVALID_INPUT' as const, message: problem, issues: [{ path: ['rules', 'ratingWeights'], message: problem }] },
            };
          }
          const rev = community.rulesRev ?? 0;
          // The rules and their audit entry are one transaction (RULES.md §5); a guard that fails rolls both back.
          await auditedChange(
            ctx,
            { action: 'admin.setRules', targetType: 'community', targetId: community._id, detail: { rules: patch } },
            (tx) => [
              mustUpdate(
                tx.update(
                  COMMUNITIES,
                  community._id,
                  { $set: { rules: overrides, rulesRev: rev + 1 } },
                  { rulesRev: rev ? rev : { $exists: false } },
                ),
                COMMUNITIES,
              ),
            ],
          );
          return ok({ communityId: community._id, rules: merged });
        },
      });
    },
  }),
};
