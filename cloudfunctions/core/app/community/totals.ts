/**
 * A community's counted figures and its street's totals move together: every `$inc` of a
 * community's `counters.*` (app/admin/counters.ts) or `backbone.*` (outreach/stats.ts) goes, in the
 * same transaction, to its street's document as well. The city overview then reads the ~30 street
 * documents instead of summing every community (app/admin/overview.ts); the recount checks both
 * (app/admin/recount.ts `setStreetTotals`, test/functions/oversight-counters.test.ts).
 */
import type { DocumentOps } from '../../ports/store';
import { COMMUNITIES, STREETS, type CommunityDoc } from './community';

/**
 * Moves the community's figures by `inc` (full paths, e.g. `counters.residents`) and its street's by
 * the same; no write when nothing moves. `streetId`: the community's street when the caller has it
 * (null: none); when undefined it is read beside the community's write (a community never changes
 * street), and the street's write follows.
 */
export async function incCommunity(
  tx: Pick<DocumentOps, 'get' | 'update'>,
  communityId: string,
  inc: Record<string, number>,
  streetId?: string | null,
): Promise<void> {
  const paths = Object.entries(inc).filter(([, n]) => n !== 0);
  if (!communityId || paths.length === 0) return;
  const patch = { $inc: Object.fromEntries(paths) };
  const street = async (id: string | null | undefined) => (id ? tx.update(STREETS, id, patch) : 0);
  await Promise.all([
    tx.update(COMMUNITIES, communityId, patch),
    // Known: both writes together. Else the street is read beside the community's write, then written.
    streetId !== undefined ? street(streetId) : tx.get<CommunityDoc>(COMMUNITIES, communityId).then((c) => street(c?.streetId)),
  ]);
}
