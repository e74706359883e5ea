import { rulesFor, type RulesConfig } from '../../domain/rules-config';
import { DuplicateKeyError, whole } from '../../ports/store';
import { defineAction } from '../action';
import { audit } from '../audit';
import { bumpCounters, firmChangeInc } from './counters';
import { isAdmin } from '../auth';
import {
  COMMUNITIES,
  COMPOUNDS,
  FIRM_ASSIGNMENTS,
  FIRMS,
  STREETS,
  type CommunityDoc,
  type CompoundDoc,
  type FirmAssignmentDoc,
  type FirmDoc,
  type StreetDoc,
} from '../community/community';
import { checkTexts } from '../content';
import type { AppContext } from '../context';
import { newId } from '../ids';
import { fail, failures, ok } from '../result';
import { isStreetAdminOf } from '../scope';
import { assignFirmInput, createCommunityInput, createCompoundInput, createStreetInput, registerFirmInput, setRulesInput } from './schemas';

/** The admin, or the street_admin of the street. */
export function mayManageStreet(ctx: AppContext, streetId: string | undefined): boolean {
  return isAdmin(ctx.user) || isStreetAdminOf(ctx.user, streetId);
}

/** Today's date in China time, `YYYY-MM-DD`. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The firm that served a compound on a date: the rule lives in domain/firm-service.ts. */
export { firmOn } from '../../domain/firm-service';

/** A compound's service history, oldest first. */
export function historyOf(ctx: Pick<AppContext, 'store'>, compoundId: string): Promise<FirmAssignmentDoc[]> {
  return ctx.store.find<FirmAssignmentDoc>(
    FIRM_ASSIGNMENTS,
    { compoundId },
    {
      orderBy: [
        ['compoundId', 'asc'],
        ['from', 'asc'],
      ],
      limit: whole(1000),
    },
  );
}

/** A merged rules object stays coherent: the three quality-score weights sum to 1. */
function rulesProblem(rules: RulesConfig): string | null {
  const w = rules.ratingWeights;
  if (Math.abs(w.ownerSatisfaction + w.partyOrg + w.ownersCommittee - 1) > 1e-9) return '评分权重之和须为 1';
  return null;
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
      await ctx.store.insert(STREETS, street);
      await audit(ctx, 'admin.createStreet', 'street', street._id, { name: street.name, district: street.district });
      return ok({ streetId: street._id });
    },
  }),

  createCommunity: defineAction({
    summary: '新建社区',
    access: 'active',
    input: createCommunityInput,
    run: async (input, ctx) => {
      const street = await ctx.store.get<StreetDoc>(STREETS, input.streetId);
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
    run: async (input, ctx) => {
      const community = await ctx.store.get<CommunityDoc>(COMMUNITIES, input.communityId);
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
      try {
        await ctx.store.insert(FIRMS, firm);
      } catch (err) {
        if (err instanceof DuplicateKeyError) return fail('CONFLICT', '该统一社会信用代码已登记', 'FIRM_EXISTS');
        throw err;
      }
      await audit(ctx, 'admin.registerFirm', 'firm', firm._id, {
        name: firm.name,
        creditCode: firm.creditCode,
        hasPartyOrg: firm.hasPartyOrg,
      });
      return ok({ firmId: firm._id });
    },
  }),

  assignFirm: defineAction({
    summary: '指定小区的物业服务企业（保留历史）',
    access: 'active',
    input: assignFirmInput,
    run: async (input, ctx) => {
      const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, input.compoundId);
      if (!compound) return isAdmin(ctx.user) ? failures.notFound('小区') : failures.forbidden('只能为本街道的小区指定物业');
      if (!mayManageStreet(ctx, compound.streetId)) return failures.forbidden('只能为本街道的小区指定物业');
      const firm = await ctx.store.get<FirmDoc>(FIRMS, input.firmId);
      if (!firm) return failures.notFound('物业企业');
      const now = ctx.clock.now();
      if (input.from > chinaDate(now)) return fail('INVALID_STATE', '开始日期不能晚于今天', 'FUTURE_DATE');
      const history = await historyOf(ctx, compound._id);
      const last = history[history.length - 1];
      if (last && input.from <= last.from) return fail('INVALID_STATE', `开始日期须晚于上一次指定的 ${last.from}`, 'NOT_AFTER_LAST');
      if (last && last.firmId === firm._id && last.to === null) return fail('CONFLICT', '该企业已在服务此小区', 'ALREADY_SERVING');
      const row: FirmAssignmentDoc = {
        _id: `${compound._id}:${input.from}`,
        compoundId: compound._id,
        communityId: compound.communityId,
        firmId: firm._id,
        firmName: firm.name,
        from: input.from,
        to: null,
        assignedBy: ctx.user?._id ?? null,
        createdAt: now.toISOString(),
      };
      const done = await ctx.store.transaction(async (tx) => {
        // Conditional on the compound's firm as read: two concurrent assignments cannot both win.
        if (!(await tx.update(COMPOUNDS, compound._id, { $set: { firmId: firm._id, firmName: firm.name } }, { firmId: compound.firmId })))
          return false;
        if (last) await tx.update(FIRM_ASSIGNMENTS, last._id, { $set: { to: input.from } });
        await Promise.all([
          tx.insert(FIRM_ASSIGNMENTS, row),
          audit({ ...ctx, store: tx }, 'admin.assignFirm', 'compound', compound._id, {
            firmId: firm._id,
            from: input.from,
            previous: last?.firmId ?? null,
          }),
        ]);
        await bumpCounters(tx, compound.communityId, firmChangeInc(compound.firmId || null, firm._id), compound.streetId);
        return true;
      });
      if (!done) return fail('CONFLICT', '该小区的物业刚被修改，请刷新后重试', 'STALE');
      const rows = [...history.map((a) => (a._id === last?._id ? { ...a, to: input.from } : a)), row];
      return ok({
        compoundId: compound._id,
        firmId: firm._id,
        history: rows.map(({ firmId, firmName, from, to }) => ({ firmId, firmName, from, to })),
      });
    },
  }),

  setRules: defineAction({
    summary: '设置社区规则参数',
    access: 'active',
    input: setRulesInput,
    run: async (input, ctx) => {
      const community = await ctx.store.get<CommunityDoc>(COMMUNITIES, input.communityId);
      if (!community) return isAdmin(ctx.user) ? failures.notFound('社区') : failures.forbidden('只能设置本街道社区的规则');
      if (!mayManageStreet(ctx, community.streetId)) return failures.forbidden('只能设置本街道社区的规则');
      const patch = input.rules as Partial<RulesConfig>;
      // Category names are shown to every resident: they pass the content check (RULES.md §5).
      const labels = [...(patch.needCategories?.general ?? []), ...(patch.needCategories?.professional ?? [])].map((c) => c.label);
      const refused = labels.length > 0 ? await checkTexts(ctx, labels) : null;
      if (refused) return refused;
      const overrides: Partial<RulesConfig> = {
        ...(community.rules ?? {}),
        ...patch,
        ...(patch.requestTierHours
          ? { requestTierHours: { ...rulesFor(community.rules).requestTierHours, ...patch.requestTierHours } }
          : {}),
        ...(patch.ratingWeights ? { ratingWeights: { ...rulesFor(community.rules).ratingWeights, ...patch.ratingWeights } } : {}),
        // Each kind's list replaces that kind's only; the other keeps its override.
        ...(patch.needCategories ? { needCategories: { ...rulesFor(community.rules).needCategories, ...patch.needCategories } } : {}),
      };
      const merged = rulesFor(overrides);
      const problem = rulesProblem(merged);
      if (problem) {
        return {
          ok: false as const,
          error: { code: 'INVALID_INPUT' as const, message: problem, issues: [{ path: ['rules', 'ratingWeights'], message: problem }] },
        };
      }
      await ctx.store.update(COMMUNITIES, community._id, { $set: { rules: overrides } });
      await audit(ctx, 'admin.setRules', 'community', community._id, { rules: patch });
      return ok({ communityId: community._id, rules: merged });
    },
  }),
};
