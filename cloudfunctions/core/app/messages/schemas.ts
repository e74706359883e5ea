import * as z from 'zod/mini';
import { id, paging, strict } from '../fields';
import { TEMPLATE_KEYS } from './templates';

export const listInput = strict({ ...paging });
export const unreadInput = strict({});
export const markReadInput = strict({ messageIds: z.optional(z.array(id).check(z.minLength(1), z.maxLength(100))) });
export const templatesInput = strict({});
/** The message kinds the person accepted in `wx.requestSubscribeMessage` (refused ones are left out). */
export const subscribeInput = strict({ accepted: z.array(z.enum(TEMPLATE_KEYS)).check(z.maxLength(10)) });
