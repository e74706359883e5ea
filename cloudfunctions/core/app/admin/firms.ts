import * as z from 'zod/mini';
import { whole, type Filter } from '../../ports/store';
import { defineAction } from '../action';
import { isAdmin } from '../auth';
import { FIRMS, type FirmDoc } from '../community/community';
import { failures, ok } from '../result';
import { decodeKeyset, keysetAfter, keysetPage, line, strict, type Page } from '../schemas';
import { streetsOf } from '../scope';
import type { FirmRow } from './read';

export const firmsInput = strict({
  /** The start of the firm's name (按名称开头查找). */
  q: z.optional(line(30)),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(50))),
});

const DEFAULT_LIMIT = 20;

/** Names starting with `q`: every name from `q` up to `q` followed by the last code point. */
const startingWith = (q: string): Filter => ({ name: { $gte: q, $lt: `${q}\u{10ffff}` } });

const firmRow = (f: FirmDoc): FirmRow => ({ firmId: f._id, name: f.name, creditCode: f.creditCode, hasPartyOrg: !!f.hasPartyOrg });

/** admin.firms: the registered firms a page at a time, by name (the city has about 300). */
export const firmsActions = {
  firms: defineAction({
    summary: '查看物业服务企业（分页，可按名称开头查找）',
    access: 'active',
    input: firmsInput,
    // The page does not depend on the caller: read beside the caller's record, shown only to those who may see it.
    load: (input, { store }): Promise<FirmDoc[]> => {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const after = decodeKeyset(input.cursor);
      const parts = [input.q ? startingWith(input.q) : null, after ? keysetAfter('name', after, 'asc') : null].filter((f) => f !== null);
      const filter: Filter = parts.length > 1 ? { $and: parts } : (parts[0] ?? {});
      return store.find<FirmDoc>(FIRMS, filter, {
        orderBy: [
          ['name', 'asc'],
          ['_id', 'asc'],
        ],
        limit: whole(limit + 1),
      });
    },
    run: async (input, ctx) => {
      if (!isAdmin(ctx.user) && streetsOf(ctx.user).length === 0) return failures.forbidden('仅平台管理员和街道工作人员可以查看');
      const page: Page<FirmRow> = keysetPage(ctx.loaded ?? [], input.limit ?? DEFAULT_LIMIT, 'name', firmRow);
      return ok(page);
    },
  }),
};
