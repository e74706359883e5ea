import * as z from 'zod/mini';
import { id, strict } from '../fields';

/** `mine`: the caller's own community; `communityId`: that one; neither: every community of the city (a picker). */
export const listInput = strict({ communityId: z.optional(id), mine: z.optional(z.boolean()) });
export const statsInput = strict({ communityId: id });
