import * as z from 'zod/mini';
import { NEED_KINDS } from '../../domain/outreach-categories';
import { MAX_NEED_SLOTS, NEED_STATUSES } from '../../domain/outreach-need';
import { BUILDING_ROLES, REPORT_KINDS, REPORT_STATUSES } from '../../domain/outreach-report';
import { period } from '../ratings/schemas';
import { clientToken, id, line, paging, strict, text } from '../fields';

const slots = z.number().check(z.int('人数须为整数'), z.gte(1, '至少 1 人'), z.lte(MAX_NEED_SLOTS, `不能超过 ${MAX_NEED_SLOTS} 人`));

/** A category key (the labels come from the community's rules). */
const categoryKey = z.string().check(z.trim(), z.minLength(1), z.maxLength(40), z.regex(/^[a-z][a-z0-9_]*$/, '类别格式不正确'));

export const reportInput = strict({
  communityId: id,
  unitName: line(60),
  branchName: line(60),
  kind: z.enum(REPORT_KINDS),
});

export const myReportsInput = strict({});

export const listReportsInput = strict({ communityId: id, status: z.optional(z.enum(REPORT_STATUSES)), ...paging });

export const reportIdInput = strict({ reportId: id });

export const appointInput = strict({
  userId: id,
  compoundId: id,
  building: line(20),
  role: z.enum(BUILDING_ROLES),
});

/** A building post to vacate; `userId`, when given, is the holder the page showed (another holder now: STALE). */
export const vacateInput = strict({
  compoundId: id,
  building: line(20),
  role: z.enum(BUILDING_ROLES),
  userId: z.optional(id),
});

export const publishNeedInput = strict({
  communityId: id,
  kind: z.enum(NEED_KINDS),
  category: categoryKey,
  title: line(40),
  text: text(500),
  slots: z.optional(slots),
  clientToken: z.optional(clientToken),
});

export const needCategoriesInput = strict({ communityId: id });

export const wishInput = strict({ text: text(200), clientToken: z.optional(clientToken) });

export const reviewWishInput = strict({
  needId: id,
  approve: z.boolean(),
  note: z.optional(text(200)),
  kind: z.optional(z.enum(NEED_KINDS)),
  category: z.optional(categoryKey),
  slots: z.optional(slots),
}).check(z.refine((v) => v.approve || v.note !== undefined, { path: ['note'], message: '不通过时须填写原因' }));

export const listNeedsInput = strict({ communityId: id, status: z.optional(z.enum(NEED_STATUSES)), ...paging });

export const needIdInput = strict({ needId: id });

export const myNeedsInput = strict({ as: z.enum(['claimant', 'requester']), ...paging });

export const claimInput = strict({ needId: id, clientToken: z.optional(clientToken) });

export const completeInput = strict({ needId: id, note: text(200) });

export const confirmDoneInput = strict({ needId: id, userId: z.optional(id) });

export const thankInput = strict({
  needId: id,
  score: z.number().check(z.int('评分须为整数'), z.gte(1, '评分为 1–5'), z.lte(5, '评分为 1–5')),
  message: z.optional(text(200)),
});

export const unitFeedbackInput = strict({
  communityId: id,
  // The half-year `2026-H2`, a pattern (not free text), as the ratings' periods.
  period: z.optional(period),
});

export const createTeamInput = strict({
  communityId: id,
  name: line(30),
  leaderUserId: id,
  kind: z.optional(z.enum(['volunteer', 'mass'])),
});

export const setTeamLeaderInput = strict({ teamId: id, leaderUserId: id });

export const listTeamsInput = strict({ communityId: id });

export const myTeamsInput = strict({});

export type ReportInput = z.infer<typeof reportInput>;
export type PublishNeedInput = z.infer<typeof publishNeedInput>;
export type ReviewWishInput = z.infer<typeof reviewWishInput>;
