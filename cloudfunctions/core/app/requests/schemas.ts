import * as z from 'zod/mini';
import { REQUEST_CATEGORIES } from '../../domain/request-categories';
import { MEETING_OUTCOMES, POSITIONS, REQUEST_STATUSES } from '../../domain/request-state';
import { TIERS } from '../../domain/request-time-limits';
import { PARTIES } from '../../domain/roles';
import { clientToken, id, line, paging, strict, text } from '../fields';

/** The most photos a request or a progress note carries. */
export const MAX_PHOTOS = 9;

/** A stored photo: a CloudBase file id (production) or a file the local gateway keeps (uploads.ts). */
export const photoId = z
  .string()
  .check(
    z.maxLength(512),
    z.regex(/^(cloud:\/\/[A-Za-z0-9._~\-/]+|local:\/\/uploads\/[A-Za-z0-9_-]{8,64}\.(jpg|png|webp|gif))$/, '图片编号格式不正确'),
  );

export const photos = z.array(photoId).check(z.maxLength(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张图片`));

const party = z.enum(PARTIES);

export const submitInput = strict({
  category: z.enum(REQUEST_CATEGORIES),
  title: line(40),
  description: text(1000),
  compoundId: id,
  isPublic: z.optional(z.boolean()),
  photos: z.optional(photos),
  clientToken: z.optional(clientToken),
});

export const requestRef = strict({ requestId: id });

export const listInput = strict({
  scope: z.enum(['mine', 'inbox', 'public']),
  status: z.optional(z.enum(REQUEST_STATUSES)),
  /** public: the compound whose board to show (default: the caller's own). */
  compoundId: z.optional(id),
  /** inbox: which hat to wear when the caller holds more than one (default: the first). */
  queue: z.optional(z.enum(['residents_committee', 'owners_committee', 'property', 'party_org'])),
  /** inbox: false lists finished work (resolved, closed, refused) instead of open work. */
  open: z.optional(z.boolean()),
  ...paging,
});

export const similarInput = strict({ compoundId: id, category: z.enum(REQUEST_CATEGORIES) });

export const acceptInput = strict({
  requestId: id,
  leadParty: party,
  coHandlers: z.optional(
    z.array(party).check(
      z.maxLength(2),
      z.refine((a) => new Set(a).size === a.length, '协办方不能重复'),
    ),
  ),
  tier: z.optional(z.enum(TIERS)),
  major: z.optional(z.boolean()),
  note: z.optional(text(500)),
}).check(
  z.superRefine((v, c) => {
    if (v.coHandlers?.includes(v.leadParty)) c.addIssue({ code: 'custom', path: ['coHandlers'], message: '牵头方不能同时是协办方' });
  }),
);

export const rejectInput = strict({ requestId: id, reason: text(500) });

export const updateInput = strict({
  requestId: id,
  status: z.enum(['in_progress', 'resolved']),
  note: text(1000),
  photos: z.optional(photos),
});

export const deliberateInput = strict({ requestId: id, position: z.enum(POSITIONS), opinion: text(500) });

export const decideInput = strict({ requestId: id, outcome: z.enum(MEETING_OUTCOMES), note: text(1000) });

export const rateInput = strict({
  requestId: id,
  score: z.number().check(z.int(), z.gte(1), z.lte(5)),
  solved: z.boolean(),
  comment: z.optional(text(500)),
});

export const reopenInput = strict({ requestId: id, reason: text(500) });

export const commentInput = strict({ requestId: id, note: text(500) });

export type SubmitInput = z.infer<typeof submitInput>;
export type AcceptInput = z.infer<typeof acceptInput>;
