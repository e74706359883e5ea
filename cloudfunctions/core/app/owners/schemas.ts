import * as z from 'zod/mini';
import { CHOICES, MATTERS } from '../../domain/owners-count';
import { MAX_REGISTER_ROWS } from '../../domain/owners-register';
import { MAX_CANDIDATES, MOTION_STATUSES } from '../../domain/owners-motion';
import { clientToken, id, isoTime, line, paging, strict, text } from '../schemas';

/** A spreadsheet or photo stored by the platform (cloud://) or the local gateway (local://uploads/). */
export const fileId = z
  .string()
  .check(
    z.maxLength(512),
    z.regex(/^(cloud:\/\/[A-Za-z0-9._~\-/]+|local:\/\/uploads\/[A-Za-z0-9_-]{8,64}\.(jpg|png|webp|gif|xlsx|csv))$/, '文件编号格式不正确'),
  );

const cell = z.union([z.string().check(z.maxLength(100)), z.number()]);

/** Rows are checked one by one (checkRegister), so that each bad row is named by its line. */
export const registerRow = strict({
  building: cell,
  room: cell,
  area: cell,
  ownerName: cell,
  ownerPhone: cell,
  developerHeld: z.optional(z.union([z.boolean(), z.string().check(z.maxLength(10))])),
});

export const importRegisterInput = strict({
  compoundId: id,
  fileId: z.optional(fileId),
  rows: z.optional(z.array(registerRow).check(z.maxLength(MAX_REGISTER_ROWS))),
}).check(z.refine((v) => (v.fileId === undefined) !== (v.rows === undefined), { message: '请提供 fileId 或 rows 之一', path: ['rows'] }));

export const registerInput = strict({ compoundId: id, unlinkedOnly: z.optional(z.boolean()), ...paging });

export const unitRef = { building: line(20), room: line(20) };

export const linkUnitInput = strict({ compoundId: id, userId: id, ...unitRef });

export const residentsInput = strict({ compoundId: id, ...paging });

const candidate = line(20);

export const draftInput = strict({
  compoundId: id,
  matter: z.enum(MATTERS),
  title: line(40),
  text: text(2000),
  opensAt: isoTime,
  closesAt: isoTime,
  candidates: z.optional(z.array(candidate).check(z.minLength(1), z.maxLength(MAX_CANDIDATES))),
  seats: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_CANDIDATES))),
  requestId: z.optional(id),
});

export const motionRef = strict({ motionId: id });

export const listInput = strict({ compoundId: z.optional(id), status: z.optional(z.enum(MOTION_STATUSES)), ...paging });

/** A choice for a motion, or the marked candidates of an election. */
const marks = {
  choice: z.optional(z.enum(CHOICES)),
  // Names picked from the motion's own list (checked against it), not text a person wrote.
  candidates: z.optional(z.array(z.string().check(z.regex(/^[^\r\n]{1,20}$/, '候选人格式不正确'))).check(z.maxLength(MAX_CANDIDATES))),
};
const oneOf = (v: { choice?: unknown; candidates?: unknown }) => (v.choice === undefined) !== (v.candidates === undefined);
const oneOfMessage = { message: '请选择同意、反对或弃权，或勾选候选人', path: ['choice'] };

export const voteInput = strict({ motionId: id, ...marks, clientToken: z.optional(clientToken) }).check(z.refine(oneOf, oneOfMessage));

export const recordPaperInput = strict({
  motionId: id,
  ...unitRef,
  ...marks,
  photoFileId: fileId,
  clientToken: z.optional(clientToken),
}).check(z.refine(oneOf, oneOfMessage));

export const receiptSearchInput = strict({ motionId: id, receipt: z.string().check(z.trim(), z.toUpperCase(), z.maxLength(19)) });
