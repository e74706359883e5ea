import * as z from 'zod/mini';
import { isValidCreditCode } from '../../domain/credit-code';
import { WISH_CATEGORY } from '../../domain/outreach-categories';
import { id, line, phone, strict } from '../schemas';

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  z.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '日期无效'),
);

export const createStreetInput = strict({ name: line(30), district: line(30) });

export const createCommunityInput = strict({
  streetId: id,
  name: line(30),
  population: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1_000_000))),
  officePhone: z.optional(z.string().check(z.trim(), z.maxLength(20))),
});

export const createCompoundInput = strict({
  communityId: id,
  name: line(30),
  buildings: z.optional(z.array(line(20)).check(z.maxLength(300))),
});

export const registerFirmInput = strict({
  name: line(60),
  creditCode: z.string().check(z.trim(), z.toUpperCase(), z.refine(isValidCreditCode, '统一社会信用代码不正确（GB 32100）')),
  hasPartyOrg: z.boolean(),
  contactPhone: z.optional(z.union([phone, z.string().check(z.regex(/^0\d{2,3}-?\d{7,8}$/, '请输入手机号或座机号'))])),
});

export const assignFirmInput = strict({ compoundId: id, firmId: id, from: isoDate });

/** One row of a structure import: a path down the city's structure, created where missing. */
export const structureRow = strict({
  district: line(30),
  street: line(30),
  community: line(30),
  compound: z.optional(line(30)),
  building: z.optional(line(20)),
  population: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1_000_000))),
});
export type StructureRow = z.infer<typeof structureRow>;

/** Rows are checked one by one (so each bad row is named), not by this schema. */
export const importStructureInput = strict({
  fileId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(300))),
  rows: z.optional(z.array(z.record(z.string(), z.unknown())).check(z.maxLength(5000))),
}).check(z.refine((v) => (v.fileId ? 1 : 0) + (v.rows ? 1 : 0) === 1, { message: '请提供 fileId 或 rows 之一', path: ['rows'] }));

const share = z.number().check(z.gte(0), z.lte(1));
const hours = z.number().check(z.int(), z.gte(1), z.lte(24 * 90));

/** One kind's need categories (RULES.md §7): 1–30, keys unique. */
const needCategoryList = z
  .array(strict({ key: z.string().check(z.regex(/^[a-z][a-z0-9_]{1,29}$/, '类别代码为小写字母、数字和下划线')), label: line(10) }))
  .check(
    z.minLength(1),
    z.maxLength(30),
    z.refine((list) => new Set(list.map((c) => c.key)).size === list.length, '类别代码不能重复'),
    z.refine((list) => new Set(list.map((c) => c.label)).size === list.length, '类别名称不能重复'),
  );

/** A partial RulesConfig with the ranges each figure may take. */
export const rulesPatch = strict({
  requestTierHours: z.optional(z.partial(strict({ emergency: hours, utilities: hours, general: hours, complex: hours }))),
  reopenWindowDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(90))),
  autoCloseDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(90))),
  freeCancelHours: z.optional(z.number().check(z.gte(0), z.lte(72))),
  attendanceMinRatio: z.optional(share),
  ratingWeights: z.optional(z.partial(strict({ ownerSatisfaction: share, partyOrg: share, ownersCommittee: share }))),
  seriousItemPenalty: z.optional(z.number().check(z.gte(0), z.lte(100))),
  volunteerTarget: z.optional(share),
  ocPartyTarget: z.optional(share),
  /** Days an owners' motion is announced before voting opens (RULES.md §6). */
  noticeDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(60))),
  /** Need categories per kind, each list replacing that kind's; 一般服务 keeps the 微心愿 category residents' wishes go to. */
  needCategories: z.optional(
    strict({
      general: z.optional(
        needCategoryList.check(z.refine((list) => list.some((c) => c.key === WISH_CATEGORY), '一般服务须保留“微心愿”类别（micro_wish）')),
      ),
      professional: z.optional(needCategoryList),
    }),
  ),
});

export const setRulesInput = strict({ communityId: id, rules: rulesPatch });

/** Ledgers (台账) admin.exportLedger writes (RULES.md §9). */
export const LEDGERS = ['requests', 'volunteer_records', 'outreach', 'ratings'] as const;
export const exportLedgerInput = strict({
  ledger: z.enum(LEDGERS),
  communityId: z.optional(id),
  streetId: z.optional(id),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
});

/** admin.overview: the city's streets, or one street's communities (a street_admin's own by default). */
export const overviewInput = strict({ level: z.enum(['city', 'street']), streetId: z.optional(id) });
