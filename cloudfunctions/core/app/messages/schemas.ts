import { z } from 'zod';
import { id, paging, strict } from '../fields';
import { TEMPLATE_KEYS } from './templates';

export const listInput = strict({ ...paging });
export const unreadInput = strict({});
export const markReadInput = strict({ messageIds: z.array(id).min(1).max(100).optional() });
export const templatesInput = strict({});
/** The message kinds the person accepted in `wx.requestSubscribeMessage` (refused ones are left out). */
export const subscribeInput = strict({ accepted: z.array(z.enum(TEMPLATE_KEYS)).max(10) });
