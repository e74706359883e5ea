/**
 * Submitting a rating sheet, decided before its transaction: the compound, the rater's earlier
 * sheet (its id is the period, the compound and the caller's user id, which derives from the
 * OPENID) and the compound's party holders are read in the caller's round (ActionDef.load). The
 * transaction then only writes, all together: the sheet (an insert under its unique id, or an
 * update guarded by the version it replaces), its audit entry (every version, in full) and the
 * period's counters (guarded by its being open; one sheet per rater and compound per period is the
 * sheet's id). A guard that fails — the same rater submitting twice at once, the period published
 * meanwhile, or the period's first sheet (no period document yet) — rolls the attempt back whole,
 * and the sheet is decided again on the period and the sheet as a second transaction reads them.
 */
import type { DocumentOps, Store } from '../../ports/store';
import type { UserDoc } from '../account/user';
import { audit } from '../audit';
import { COMPOUNDS, type CompoundDoc } from '../community/community';
import type { AppContext } from '../context';
import { fail, type Failure } from '../result';
import { guardedTransaction } from '../guarded-change';
import { mustInsert, mustUpdate, Writes } from '../volunteer/seat-writes';
import { readPartyFacts, type PartyFacts } from './city';
import { closed } from './guards';
import { freshPeriod, periodId, RATING_PERIODS, RATING_SHEETS, sheetId, type RatingPeriodDoc, type RatingSheetDoc } from './rating';

/** What a submission is decided on, read with the caller's record. */
export interface SheetState {
  compound: CompoundDoc | null;
  existing: RatingSheetDoc | null;
  party: PartyFacts;
}

/** The compound, the caller's sheet of it for the period and its party holders, together (ActionDef.load). */
export function loadSheet(store: Store, compoundId: string, period: string, callerId: string): Promise<SheetState> {
  return Promise.all([
    store.get<CompoundDoc>(COMPOUNDS, compoundId),
    store.get<RatingSheetDoc>(RATING_SHEETS, sheetId(period, compoundId, callerId)),
    readPartyFacts(store, compoundId),
  ]).then(([compound, existing, party]) => ({ compound, existing, party }));
}

/** A sheet's fields, whatever its version. */
export type SheetFields = Omit<RatingSheetDoc, '_id' | 'version' | 'createdAt'>;

/** The period as read inside the transaction (`null`: none yet), or `'unread'` when decided before it. */
type PeriodSeen = RatingPeriodDoc | null | 'unread';

/** How often a submission is decided again on what its transaction reads (after the first attempt, on what was loaded). */
const ATTEMPTS = 5;

/** Issues the sheet's writes, its audit entry and the period's counters together; a moved document throws ConcurrentChange. */
async function writeSheet(
  ctx: Pick<AppContext, 'store' | 'clock'> & { user: UserDoc },
  tx: DocumentOps,
  fields: SheetFields,
  existing: RatingSheetDoc | null,
  period: PeriodSeen,
): Promise<RatingSheetDoc> {
  const sid = sheetId(fields.period, fields.compoundId, fields.raterId);
  const pid = periodId(fields.communityId, fields.period);
  const at = fields.submittedAt;
  const doc: RatingSheetDoc = { _id: sid, ...fields, version: (existing?.version ?? 0) + 1, createdAt: existing?.createdAt ?? at };
  const writes = new Writes();
  writes.add(
    existing
      ? mustUpdate(
          tx.update(RATING_SHEETS, sid, { $set: { ...fields, version: doc.version } }, { version: existing.version }),
          RATING_SHEETS,
        )
      : mustInsert(tx.insert(RATING_SHEETS, doc), RATING_SHEETS),
  );
  // Every version, in full, goes to the append-only audit log, in the transaction that stores it.
  writes.add(
    audit({ ...ctx, store: tx }, 'ratings.submit', 'rating_sheet', sid, {
      version: doc.version,
      period: doc.period,
      compoundId: doc.compoundId,
      raterRole: doc.raterRole,
      scores: doc.scores,
      comment: doc.comment,
      rating: doc.rating,
    }),
  );
  if (period === null) {
    const fresh = freshPeriod(fields.communityId, fields.period, at, 1);
    writes.add(mustInsert(tx.insert(RATING_PERIODS, fresh), RATING_PERIODS));
  } else {
    const patch = { $inc: { version: 1, sheetCount: existing ? 0 : 1 }, $set: { updatedAt: at } };
    writes.add(mustUpdate(tx.update(RATING_PERIODS, pid, patch, { state: 'open' }), RATING_PERIODS));
  }
  await writes.settle();
  return doc;
}

/** Stores the sheet (see the module's comment): the stored sheet, or the failure to answer. */
export async function submitSheet(
  ctx: Pick<AppContext, 'store' | 'clock'> & { user: UserDoc },
  fields: SheetFields,
  existing: RatingSheetDoc | null,
): Promise<RatingSheetDoc | Failure> {
  const pid = periodId(fields.communityId, fields.period);
  const sid = sheetId(fields.period, fields.compoundId, fields.raterId);
  return guardedTransaction(ctx.store, {
    first: ['unread', existing] as [PeriodSeen, RatingSheetDoc | null],
    read: (tx) => Promise.all([tx.get<RatingPeriodDoc>(RATING_PERIODS, pid), tx.get<RatingSheetDoc>(RATING_SHEETS, sid)]),
    attempt: async (tx, [p, again]) => (p !== 'unread' && p && p.state !== 'open' ? closed() : writeSheet(ctx, tx, fields, again, p)),
    attempts: ATTEMPTS + 1,
    busy: () => fail('CONFLICT', '评价数据刚有变化，请稍后重试', 'PERIOD_CHANGED'),
  });
}
