import { z } from 'zod';
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
  .max(512)
  .regex(/^(cloud:\/\/[A-Za-z0-9._~\-/]+|local:\/\/uploads\/[A-Za-z0-9_-]{8,64}\.(jpg|png|webp|gif))$/, '图片编号格式不正确');

export const photos = z.array(photoId).max(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张图片`);

const party = z.enum(PARTIES);

export const submitInput = strict({
  category: z.enum(REQUEST_CATEGORIES),
  title: line(40),
  description: text(1000),
  compoundId: id,
  isPublic: z.boolean().optional(),
  photos: photos.optional(),
  clientToken: clientToken.optional(),
});

export const requestRef = strict({ requestId: id });

export const listInput = strict({
  scope: z.enum(['mine', 'inbox', 'public']),
  status: z.enum(REQUEST_STATUSES).optional(),
  /** public: the compound whose board to show (default: the caller's own). */
  compoundId: id.optional(),
  /** inbox: which hat to wear when the caller holds more than one (default: the first). */
  queue: z.enum(['residents_committee', 'owners_committee', 'property', 'party_org']).optional(),
  /** inbox: false lists finished work (resolved, closed, refused) instead of open work. */
  open: z.boolean().optional(),
  ...paging,
});

export const similarInput = strict({ compoundId: id, category: z.enum(REQUEST_CATEGORIES) });

export const acceptInput = strict({
  requestId: id,
  leadParty: party,
  coHandlers: z
    .array(party)
    .max(2)
    .refine((a) => new Set(a).size === a.length, '协办方不能重复')
    .optional(),
  tier: z.enum(TIERS).optional(),
  major: z.boolean().optional(),
  note: text(500).optional(),
}).superRefine((v, c) => {
  if (v.coHandlers?.includes(v.leadParty)) c.addIssue({ code: 'custom', path: ['coHandlers'], message: '牵头方不能同时是协办方' });
});

export const rejectInput = strict({ requestId: id, reason: text(500) });

export const updateInput = strict({
  requestId: id,
  status: z.enum(['in_progress', 'resolved']),
  note: text(1000),
  photos: photos.optional(),
});

export const deliberateInput = strict({ requestId: id, position: z.enum(POSITIONS), opinion: text(500) });

export const decideInput = strict({ requestId: id, outcome: z.enum(MEETING_OUTCOMES), note: text(1000) });

export const rateInput = strict({
  requestId: id,
  score: z.number().int().min(1).max(5),
  solved: z.boolean(),
  comment: text(500).optional(),
});

export const reopenInput = strict({ requestId: id, reason: text(500) });

export const commentInput = strict({ requestId: id, note: text(500) });

export type SubmitInput = z.infer<typeof submitInput>;
export type AcceptInput = z.infer<typeof acceptInput>;
