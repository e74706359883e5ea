import * as z from 'zod/mini';
import { id, strict } from '../fields';

/**
 * `mine`: the caller's own community; `communityId`: that one; `streetId`: the communities of that
 * street (a picker's second step); none: every community of the city. At most one of them.
 */
export const listInput = strict({ communityId: z.optional(id), mine: z.optional(z.boolean()), streetId: z.optional(id) }).check(
  z.refine((v) => (v.communityId !== undefined ? 1 : 0) + (v.mine ? 1 : 0) + (v.streetId !== undefined ? 1 : 0) <= 1, {
    message: 'communityId、mine、streetId 只能给出其一',
    path: ['streetId'],
  }),
);
/** community.streets: no input. */
export const streetsInput = strict({});
export const statsInput = strict({ communityId: id });
