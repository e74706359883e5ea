/**
 * admin.assignFirm: who serves a compound from a date, with its history kept. The compound, its
 * firm and its service history are read beside the caller's record (their ids come from the
 * input), so the transaction only writes: every write issued together, each guarded by what it was
 * decided on (the compound's firm as read, the last row still open, the new row's unique id). A
 * guard that fails rolls the whole attempt back and the assignment is decided again on fresh reads.
 */
import type { Store } from '../../ports/store';
import { defineAction } from '../action';
import { audit } from '../audit';
import { isAdmin } from '../auth';
import { COMPOUNDS, FIRM_ASSIGNMENTS, FIRMS, type CompoundDoc, type FirmAssignmentDoc, type FirmDoc } from '../community/community';
import { fail, failures, ok } from '../result';
import { guardedChange } from '../guarded-change';
import { mustInsert, mustUpdate, Writes } from '../volunteer/seat-writes';
import { bumpCounters, firmChangeInc } from './counters';
import { assignFirmInput } from './schemas';
import { chinaDate, historyOf, mayManageStreet } from './setup';

/** What an assignment is decided on. */
interface AssignReads {
  compound: CompoundDoc | null;
  firm: FirmDoc | null;
  history: FirmAssignmentDoc[];
}

/** The compound, the firm and the compound's history, in one round (every id is the input's). */
function readAssign(store: Store, input: { compoundId: string; firmId: string }): Promise<AssignReads> {
  return Promise.all([
    store.get<CompoundDoc>(COMPOUNDS, input.compoundId),
    store.get<FirmDoc>(FIRMS, input.firmId),
    historyOf({ store }, input.compoundId),
  ]).then(([compound, firm, history]) => ({ compound, firm, history }));
}

/** Attempts before a compound changed at every one is answered STALE. */
const ATTEMPTS = 3;

export const assignFirm = defineAction({
  summary: '指定小区的物业服务企业（保留历史）',
  access: 'active',
  input: assignFirmInput,
  load: (input, { store }) => readAssign(store, input),
  run: (input, ctx) =>
    guardedChange({
      first: ctx.loaded,
      reread: () => readAssign(ctx.store, input),
      attempts: ATTEMPTS,
      busy: () => fail('CONFLICT', '该小区的物业刚被修改，请刷新后重试', 'STALE'),
      attempt: async ({ compound, firm, history }) => {
        if (!compound) return isAdmin(ctx.user) ? failures.notFound('小区') : failures.forbidden('只能为本街道的小区指定物业');
        if (!mayManageStreet(ctx, compound.streetId)) return failures.forbidden('只能为本街道的小区指定物业');
        if (!firm) return failures.notFound('物业企业');
        const now = ctx.clock.now();
        if (input.from > chinaDate(now)) return fail('INVALID_STATE', '开始日期不能晚于今天', 'FUTURE_DATE');
        const last = history[history.length - 1];
        if (last && input.from <= last.from) return fail('INVALID_STATE', `开始日期须晚于上一次指定的 ${last.from}`, 'NOT_AFTER_LAST');
        if (last && last.firmId === firm._id && last.to === null) return fail('CONFLICT', '该企业已在服务此小区', 'ALREADY_SERVING');
        const row: FirmAssignmentDoc = {
          _id: `${compound._id}:${input.from}`,
          compoundId: compound._id,
          communityId: compound.communityId,
          firmId: firm._id,
          firmName: firm.name,
          from: input.from,
          to: null,
          assignedBy: ctx.user._id,
          createdAt: now.toISOString(),
        };
        await ctx.store.transaction(async (tx) => {
          const writes = new Writes();
          writes.add(
            // Two assignments decided on the same firm cannot both win; a row closed meanwhile, or
            // one made under the same date, rolls this attempt back.
            mustUpdate(
              tx.update(COMPOUNDS, compound._id, { $set: { firmId: firm._id, firmName: firm.name } }, { firmId: compound.firmId }),
              'compound',
            ),
            ...(last
              ? [mustUpdate(tx.update(FIRM_ASSIGNMENTS, last._id, { $set: { to: input.from } }, { to: null }), 'last assignment')]
              : []),
            mustInsert(tx.insert(FIRM_ASSIGNMENTS, row), 'assignment'),
            audit({ ...ctx, store: tx }, 'admin.assignFirm', 'compound', compound._id, {
              firmId: firm._id,
              from: input.from,
              previous: last?.firmId ?? null,
            }),
            bumpCounters(tx, compound.communityId, firmChangeInc(compound.firmId || null, firm._id), compound.streetId),
          );
          await writes.settle();
        });
        const rows = [...history.map((a) => (a._id === last?._id ? { ...a, to: input.from } : a)), row];
        return ok({
          compoundId: compound._id,
          firmId: firm._id,
          history: rows.map(({ firmId, firmName, from, to }) => ({ firmId, firmName, from, to })),
        });
      },
    }),
});
