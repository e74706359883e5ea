import * as z from 'zod/mini';
import { DIMENSIONS, type Dimension } from '../../domain/credit';
import { PERIOD_PATTERN, type Period } from '../../domain/period';
import { id, line, paging, strict, text } from '../fields';

/** A half-year period, `2026-H2`. */
export const period = z.pipe(
  z.string().check(z.regex(PERIOD_PATTERN, '期次格式应为 YYYY-H1 或 YYYY-H2，例如 2026-H2')),
  z.transform((p) => p as Period),
);

/** One dimension's score: an integer 1–5. */
const score = z.number().check(z.int('评分须为整数'), z.gte(1, '评分为 1–5 分'), z.lte(5, '评分为 1–5 分'));

/** All seven dimensions, each required. */
export const scores = strict(Object.fromEntries(DIMENSIONS.map((d) => [d, score])) as Record<Dimension, typeof score>);

export const submitInput = strict({
  compoundId: id,
  period,
  scores,
  // An empty comment is the same as none.
  comment: z.optional(z.string().check(z.trim(), z.maxLength(500, '不能超过 500 个字'))),
});

export const publishInput = strict({ period, communityId: z.optional(id), reason: z.optional(text(200)) });
export const boardInput = strict({
  period: z.optional(period),
  communityId: z.optional(id),
  scope: z.optional(z.enum(['community', 'city'])),
});
export const firmInput = strict({ firmId: id });
export const firmGradesInput = strict({ firmIds: z.array(id).check(z.minLength(1), z.maxLength(50)) });
export const mySheetsInput = strict({ period: z.optional(period) });
export const periodInput = strict({ period, communityId: z.optional(id) });
export const sheetsInput = strict({ period, communityId: z.optional(id), compoundId: z.optional(id), ...paging });
export const recordSeriousItemInput = strict({
  compoundId: id,
  period,
  description: text(500),
  evidence: z.array(line(300)).check(z.minLength(1, '请至少提供一项证据'), z.maxLength(9, '最多 9 项证据')),
});

export type SubmitInput = z.infer<typeof submitInput>;
export type BoardInput = z.infer<typeof boardInput>;

export const exportInput = strict({ period, communityId: z.optional(id), streetId: z.optional(id) });
