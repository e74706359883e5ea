/**
 * A community's counted figures and its street's totals move together: every `$inc` of a
 * community's `counters.*` (app/admin/counters.ts) or `backbone.*` (outreach/stats.ts) goes, in the
 * same transaction, to its street's totals document (STREET_TOTALS, under the street's id) as well.
 * The city overview then reads the ~30 street totals instead of summing every community
 * (app/admin/overview.ts); the recount checks them (app/admin/recount.ts `setStreetTotals`,
 * test/functions/oversight-counters.test.ts). The totals are kept apart from the street's own
 * document so that what lists the streets (community.streets) reads names, not a hundred firms'
 * figures per street.
 */
import { DuplicateKeyError, type DocumentOps } from '../../ports/store';
import { COMMUNITIES, STREET_TOTALS, type CommunityDoc, type StreetTotalsDoc } from './community';

/**
 * Moves the community's figures by `inc` (full paths, e.g. `counters.residents`) and its street's by
 * the same; no write when nothing moves. `streetId`: the community's street when the caller has it
 * (null: none); when undefined it is read beside the community's write (a community never changes
 * street), and the street's write follows.
 */
export async function incCommunity(
  tx: Pick<DocumentOps, 'get' | 'update' | 'insert'>,
  communityId: string,
  inc: Record<string, number>,
  streetId?: string | null,
): Promise<void> {
  const paths = Object.entries(inc).filter(([, n]) => n !== 0);
  if (!communityId || paths.length === 0) return;
  const patch = { $inc: Object.fromEntries(paths) };
  const street = async (id: string | null | undefined) => (id ? moveStreetTotals(tx, id, patch.$inc) : 0);
  await Promise.all([
    tx.update(COMMUNITIES, communityId, patch),
    // Known: both writes together. Else the street is read beside the community's write, then written.
    streetId !== undefined ? street(streetId) : tx.get<CommunityDoc>(COMMUNITIES, communityId).then((c) => street(c?.streetId)),
  ]);
}

/**
 * Moves a street's totals by `inc`; a street's first counted write makes its totals document (a
 * street is created with none: app/admin/structure.ts; the import makes them with its streets).
 * Inside the caller's transaction.
 */
async function moveStreetTotals(tx: Pick<DocumentOps, 'update' | 'insert'>, streetId: string, inc: Record<string, number>): Promise<void> {
  if (await tx.update(STREET_TOTALS, streetId, { $inc: inc })) return;
  const doc: Record<string, unknown> = { _id: streetId };
  for (const [path, n] of Object.entries(inc)) {
    const parts = path.split('.');
    let at = doc;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]] = n;
  }
  try {
    await tx.insert(STREET_TOTALS, doc as { _id: string });
  } catch (err) {
    // Another write of the same transaction made it meanwhile (writes issued together): move it.
    if (!(err instanceof DuplicateKeyError)) throw err;
    await tx.update(STREET_TOTALS, streetId, { $inc: inc });
  }
}

/** A new street's totals document, none counted yet (the import makes it with the street). */
export const startStreetTotals = (tx: Pick<DocumentOps, 'insert'>, streetId: string): Promise<void> =>
  tx.insert<StreetTotalsDoc>(STREET_TOTALS, { _id: streetId });
