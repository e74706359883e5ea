import { z } from 'zod';
import { isValidCreditCode } from '../../domain/credit-code';
import { WISH_CATEGORY } from '../../domain/outreach-categories';
import { id, line, phone, strict } from '../schemas';

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '日期无效');

export const createStreetInput = strict({ name: line(30), district: line(30) });

export const createCommunityInput = strict({
  streetId: id,
  name: line(30),
  population: z.number().int().min(0).max(1_000_000).optional(),
  officePhone: z.string().trim().max(20).optional(),
});

export const createCompoundInput = strict({
  communityId: id,
  name: line(30),
  buildings: z.array(line(20)).max(300).optional(),
});

export const registerFirmInput = strict({
  name: line(60),
  creditCode: z.string().trim().toUpperCase().refine(isValidCreditCode, '统一社会信用代码不正确（GB 32100）'),
  hasPartyOrg: z.boolean(),
  contactPhone: z.union([phone, z.string().regex(/^0\d{2,3}-?\d{7,8}$/, '请输入手机号或座机号')]).optional(),
});

export const assignFirmInput = strict({ compoundId: id, firmId: id, from: isoDate });

/** One row of a structure import: a path down the city's structure, created where missing. */
export const structureRow = strict({
  district: line(30),
  street: line(30),
  community: line(30),
  compound: line(30).optional(),
  building: line(20).optional(),
  population: z.number().int().min(0).max(1_000_000).optional(),
});
export type StructureRow = z.infer<typeof structureRow>;

/** Rows are checked one by one (so each bad row is named), not by this schema. */
export const importStructureInput = strict({
  fileId: z.string().trim().min(1).max(300).optional(),
  rows: z.array(z.record(z.string(), z.unknown())).max(5000).optional(),
}).refine((v) => (v.fileId ? 1 : 0) + (v.rows ? 1 : 0) === 1, { message: '请提供 fileId 或 rows 之一', path: ['rows'] });

const share = z.number().min(0).max(1);
const hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 90);

/** One kind's need categories (RULES.md §7): 1–30, keys unique. */
const needCategoryList = z
  .array(strict({ key: z.string().regex(/^[a-z][a-z0-9_]{1,29}$/, '类别代码为小写字母、数字和下划线'), label: line(10) }))
  .min(1)
  .max(30)
  .refine((list) => new Set(list.map((c) => c.key)).size === list.length, '类别代码不能重复')
  .refine((list) => new Set(list.map((c) => c.label)).size === list.length, '类别名称不能重复');

/** A partial RulesConfig with the ranges each figure may take. */
export const rulesPatch = strict({
  requestTierHours: strict({ emergency: hours, utilities: hours, general: hours, complex: hours }).partial().optional(),
  reopenWindowDays: z.number().int().min(1).max(90).optional(),
  autoCloseDays: z.number().int().min(1).max(90).optional(),
  freeCancelHours: z.number().min(0).max(72).optional(),
  attendanceMinRatio: share.optional(),
  ratingWeights: strict({ ownerSatisfaction: share, partyOrg: share, ownersCommittee: share }).partial().optional(),
  seriousItemPenalty: z.number().min(0).max(100).optional(),
  volunteerTarget: share.optional(),
  ocPartyTarget: share.optional(),
  /** Days an owners' motion is announced before voting opens (RULES.md §6). */
  noticeDays: z.number().int().min(1).max(60).optional(),
  /** Need categories per kind, each list replacing that kind's; 一般服务 keeps the 微心愿 category residents' wishes go to. */
  needCategories: strict({
    general: needCategoryList
      .refine((list) => list.some((c) => c.key === WISH_CATEGORY), '一般服务须保留“微心愿”类别（micro_wish）')
      .optional(),
    professional: needCategoryList.optional(),
  }).optional(),
});

export const setRulesInput = strict({ communityId: id, rules: rulesPatch });

/** Ledgers (台账) admin.exportLedger writes (RULES.md §9). */
export const LEDGERS = ['requests', 'volunteer_records', 'outreach', 'ratings'] as const;
export const exportLedgerInput = strict({
  ledger: z.enum(LEDGERS),
  communityId: id.optional(),
  streetId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** admin.overview: the city's streets, or one street's communities (a street_admin's own by default). */
export const overviewInput = strict({ level: z.enum(['city', 'street']), streetId: id.optional() });
