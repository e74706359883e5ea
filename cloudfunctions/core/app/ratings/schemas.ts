import { z } from 'zod';
import { DIMENSIONS, type Dimension } from '../../domain/credit';
import { PERIOD_PATTERN, type Period } from '../../domain/period';
import { id, line, paging, strict, text } from '../fields';

/** A half-year period, `2026-H2`. */
export const period = z
  .string()
  .regex(PERIOD_PATTERN, '期次格式应为 YYYY-H1 或 YYYY-H2，例如 2026-H2')
  .transform((p) => p as Period);

/** One dimension's score: an integer 1–5. */
const score = z.number().int('评分须为整数').min(1, '评分为 1–5 分').max(5, '评分为 1–5 分');

/** All seven dimensions, each required. */
export const scores = strict(Object.fromEntries(DIMENSIONS.map((d) => [d, score])) as Record<Dimension, typeof score>);

export const submitInput = strict({
  compoundId: id,
  period,
  scores,
  // An empty comment is the same as none.
  comment: z.string().trim().max(500, '不能超过 500 个字').optional(),
});

export const publishInput = strict({ period, communityId: id.optional(), reason: text(200).optional() });
export const boardInput = strict({
  period: period.optional(),
  communityId: id.optional(),
  scope: z.enum(['community', 'city']).optional(),
});
export const firmInput = strict({ firmId: id });
export const firmGradesInput = strict({ firmIds: z.array(id).min(1).max(50) });
export const mySheetsInput = strict({ period: period.optional() });
export const periodInput = strict({ period, communityId: id.optional() });
export const sheetsInput = strict({ period, communityId: id.optional(), compoundId: id.optional(), ...paging });
export const recordSeriousItemInput = strict({
  compoundId: id,
  period,
  description: text(500),
  evidence: z.array(line(300)).min(1, '请至少提供一项证据').max(9, '最多 9 项证据'),
});

export type SubmitInput = z.infer<typeof submitInput>;
export type BoardInput = z.infer<typeof boardInput>;

export const exportInput = strict({ period, communityId: id.optional(), streetId: id.optional() });
