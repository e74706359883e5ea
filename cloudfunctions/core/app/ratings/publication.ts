import type { PeriodEvaluation } from '../../domain/credit';
import type { Period } from '../../domain/period';
import type { DocumentOps } from '../../ports/store';
import { mustInsert, mustUpdate, type Writes } from '../volunteer/seat-writes';
import {
  FIRM_RESULTS,
  firmResultId,
  publicationId,
  RATING_PERIODS,
  RATING_PUBLICATIONS,
  periodId,
  type FirmResultDoc,
  type PublicationResults,
  type RatingPeriodDoc,
} from './rating';

/** Who published and why: what a publication adds to an evaluation. */
export interface PublicationMeta {
  communityId: string;
  period: Period;
  n: number;
  reason: string | null;
  publishedAt: string;
  publishedBy: string;
  publishedByName: string;
  sheetCount: number;
}

/** The frozen results of one publication. */
export function publicationOf(evaluation: PeriodEvaluation, meta: PublicationMeta): PublicationResults {
  return { ...meta, firms: evaluation.firms, red: evaluation.red, black: evaluation.black };
}

/** The period as a publication leaves it. */
const publishedPatch = (results: PublicationResults) => ({
  $set: {
    state: 'published',
    current: results,
    publicationCount: results.n,
    noticesPending: results.black.length > 0,
    updatedAt: results.publishedAt,
  },
  $inc: { version: 1 },
});

/** The condition that the period is still as it was read: no sheet, item or other publication since. */
const unchanged = (expect: RatingPeriodDoc) => ({ version: expect.version, publicationCount: expect.publicationCount });

/** Each firm's result in force after the publication, by firm. */
export function firmResultsOf(results: PublicationResults): Map<string, FirmResultDoc> {
  return new Map(
    results.firms.map((firm) => [
      firm.firmId,
      {
        _id: firmResultId(firm.firmId, results.communityId, results.period),
        ...firm,
        communityId: results.communityId,
        period: results.period,
        n: results.n,
        publishedAt: results.publishedAt,
      },
    ]),
  );
}

/** The firms of the earlier publication that no longer serve the community: they drop out of this period. */
export function droppedFirms(results: PublicationResults, expect: RatingPeriodDoc): string[] {
  const kept = new Set(results.firms.map((f) => f.firmId));
  return (expect.current?.firms ?? []).map((f) => f.firmId).filter((id) => !kept.has(id));
}

/**
 * Writes a publication with single-document operations, one after another (the seed's and the
 * bench city's bulk writes): the period is marked published only if it is still at `expect` (no
 * sheet or serious item arrived and no other publication won since it was read); the history entry
 * is added; each firm's result in force is replaced. Returns false, having written nothing, when
 * the period moved.
 */
export async function storePublication(ops: DocumentOps, results: PublicationResults, expect: RatingPeriodDoc): Promise<boolean> {
  const pid = periodId(results.communityId, results.period);
  if (!(await ops.update(RATING_PERIODS, pid, publishedPatch(results), unchanged(expect)))) return false;
  await ops.insert(RATING_PUBLICATIONS, { _id: publicationId(results.communityId, results.period, results.n), ...results });
  for (const doc of firmResultsOf(results).values()) {
    const { _id, ...fields } = doc;
    if (!(await ops.update(FIRM_RESULTS, _id, { $set: fields }))) await ops.insert(FIRM_RESULTS, doc);
  }
  for (const firmId of droppedFirms(results, expect))
    await ops.remove(FIRM_RESULTS, firmResultId(firmId, results.communityId, results.period));
  return true;
}

/**
 * The same writes issued together (into `writes`) inside the publish transaction, each guarded by what it was
 * decided on: the period by its version, a firm's result by whether it was there (`existing`: the
 * ids read before). Each rejects with ConcurrentChange when its document moved.
 */
export function publicationWrites(
  tx: DocumentOps,
  writes: Writes,
  results: PublicationResults,
  expect: RatingPeriodDoc,
  existing: ReadonlySet<string>,
): void {
  const pid = periodId(results.communityId, results.period);
  writes.add(mustUpdate(tx.update(RATING_PERIODS, pid, publishedPatch(results), unchanged(expect)), RATING_PERIODS));
  const publication = { _id: publicationId(results.communityId, results.period, results.n), ...results };
  writes.add(mustInsert(tx.insert(RATING_PUBLICATIONS, publication), RATING_PUBLICATIONS));
  for (const doc of firmResultsOf(results).values()) {
    const { _id, ...fields } = doc;
    writes.add(
      existing.has(_id)
        ? mustUpdate(tx.update(FIRM_RESULTS, _id, { $set: fields }), FIRM_RESULTS)
        : mustInsert(tx.insert(FIRM_RESULTS, doc), FIRM_RESULTS),
    );
  }
  for (const firmId of droppedFirms(results, expect)) {
    const id = firmResultId(firmId, results.communityId, results.period);
    if (existing.has(id)) writes.add(mustUpdate(tx.remove(FIRM_RESULTS, id), FIRM_RESULTS));
  }
}
