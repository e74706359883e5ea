import { z } from 'zod';
import { id, strict } from '../fields';

/** `mine`: the caller's own community; `communityId`: that one; neither: every community of the city (a picker). */
export const listInput = strict({ communityId: id.optional(), mine: z.boolean().optional() });
export const statsInput = strict({ communityId: id });
