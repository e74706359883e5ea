import type { PeriodEvaluation } from '../../domain/credit';
import type { Period } from '../../domain/period';
import type { DocumentOps } from '../../ports/store';
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

/**
 * Writes a publication with single-document operations (inside the publish transaction, or the
 * seed's): the period is marked published only if it is still at `expect` (no sheet or serious item
 * arrived and no other publication won since it was read); the history entry is added; each firm's
 * result in force is replaced. Returns false, having written nothing, when the period moved.
 */
export async function storePublication(ops: DocumentOps, results: PublicationResults, expect: RatingPeriodDoc): Promise<boolean> {
  const pid = periodId(results.communityId, results.period);
  const updated = await ops.update(
    RATING_PERIODS,
    pid,
    {
      $set: {
        state: 'published',
        current: results,
        publicationCount: results.n,
        noticesPending: results.black.length > 0,
        updatedAt: results.publishedAt,
      },
      $inc: { version: 1 },
    },
    { version: expect.version, publicationCount: expect.publicationCount },
  );
  if (!updated) return false;
  await ops.insert(RATING_PUBLICATIONS, { _id: publicationId(results.communityId, results.period, results.n), ...results });
  for (const firm of results.firms) {
    const doc: FirmResultDoc = {
      _id: firmResultId(firm.firmId, results.communityId, results.period),
      ...firm,
      communityId: results.communityId,
      period: results.period,
      n: results.n,
      publishedAt: results.publishedAt,
    };
    const { _id, ...fields } = doc;
    if (!(await ops.update(FIRM_RESULTS, _id, { $set: fields }))) await ops.insert(FIRM_RESULTS, doc);
  }
  // A firm of the earlier publication that no longer serves the community drops out of this period.
  const kept = new Set(results.firms.map((f) => f.firmId));
  for (const old of expect.current?.firms ?? []) {
    if (!kept.has(old.firmId)) await ops.remove(FIRM_RESULTS, firmResultId(old.firmId, results.communityId, results.period));
  }
  return true;
}
