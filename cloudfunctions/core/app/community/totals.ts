/**
 * A community's counted figures and its street's totals move together: every `$inc` of a
 * community's `counters.*` (app/admin/counters.ts) or `backbone.*` (outreach/stats.ts) goes, in the
 * same transaction, to its street's totals document (STREET_TOTALS, under the street's id) as well.
 * The city overview then reads the ~30 street totals instead of summing every community
 * (app/admin/overview.ts); the recount checks them (app/admin/recount.ts `setStreetTotals`,
 * test/functions/oversight-counters.test.ts). The totals are kept apart from the street's own
 * document so that what lists the streets (community.streets) reads names, not figures.
 *
 * A street's request counts per firm (a hundred firms, ~12 KB at the city's size) are not on its
 * totals document: they are on its STREET_FIRMS document, read and moved by the write that moves
 * them, which sets on the totals document the street's busiest firms (the FIRMS_PER_ROW with the
 * most requests, with their counts) and how many firms have any, computed from the counts it holds
 * — so the list stays exact whichever way the counts go. The same write moves each firm's
 * city-wide counts (FIRM_TOTALS, one small document per firm), from which the city's busiest are
 * one query. The city overview reads small documents only.
 */
import type { RequestCounts } from '../../domain/oversight';
import { DuplicateKeyError, type Doc, type DocumentOps, type Patch } from '../../ports/store';
import { COMMUNITIES, STREET_TOTALS, type CommunityDoc, type StreetTotalsDoc } from './community';

/** A street's request counts per firm (its communities' `counters.requests.firm` summed), under the street's id. */
export const STREET_FIRMS = 'street_firms';
/** A firm's request counts over the city's streets, under the firm's id. */
export const FIRM_TOTALS = 'firm_totals';
/** Firms listed per overview row, most requests first. */
export const FIRMS_PER_ROW = 10;

/** firmId → its request counts. */
export type FirmCounts = Record<string, Partial<RequestCounts>>;
/** One of a street's busiest firms, with its request counts. */
export type BusyFirm = Partial<RequestCounts> & { firmId: string };

/** What a street's totals document carries besides its counters: its busiest firms, kept on write. */
export interface StreetBusiest {
  /** The FIRMS_PER_ROW firms with the most requests (then by id), most first. */
  busiest?: BusyFirm[];
  /** Firms with any request in the street. */
  firmCount?: number;
}
export interface StreetFirmsDoc extends Doc {
  firm?: FirmCounts;
}
export interface FirmTotalsDoc extends Doc {
  requests?: Partial<RequestCounts>;
}

/** The busiest firms of `firm` (those with requests, most first, then by id) and how many have any. */
export function busiestOf(firm: FirmCounts, n = FIRMS_PER_ROW): Required<StreetBusiest> {
  const any = Object.entries(firm).filter(([, c]) => (c.total ?? 0) > 0);
  const busiest = any
    .sort(([a, x], [b, y]) => (y.total ?? 0) - (x.total ?? 0) || (a < b ? -1 : 1))
    .slice(0, n)
    .map(([firmId, counts]) => ({ firmId, ...counts }));
  return { busiest, firmCount: any.length };
}

/** The city's busiest firms from FIRM_TOTALS, most first (the query `busiestOf` ranks by). */
export const CITY_BUSIEST = {
  filter: { 'requests.total': { $gt: 0 } },
  orderBy: [
    ['requests.total', 'desc'],
    ['_id', 'asc'],
  ] as Array<[string, 'asc' | 'desc']>,
};

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
  const street = async (id: string | null | undefined) => (id ? moveStreet(tx, id, patch.$inc) : undefined);
  await Promise.all([
    tx.update(COMMUNITIES, communityId, patch),
    // Known: both writes together. Else the street is read beside the community's write, then written.
    streetId !== undefined ? street(streetId) : tx.get<CommunityDoc>(COMMUNITIES, communityId).then((c) => street(c?.streetId)),
  ]);
}

const FIRM_PATH = /^counters\.requests\.firm\.([^.]+)\.([^.]+)$/;

/**
 * Moves a street's totals by `inc`, inside the caller's transaction. Request counts per firm go to
 * the street's firm counts, read first (beside the community's write when the street is known):
 * the totals document gets, in the same write as its other figures, the busiest firms computed
 * from them; each firm's city-wide counts move with them.
 */
async function moveStreet(
  tx: Pick<DocumentOps, 'get' | 'update' | 'insert'>,
  streetId: string,
  inc: Record<string, number>,
): Promise<void> {
  const byFirm: Record<string, Record<string, number>> = {};
  const rest: Record<string, number> = {};
  for (const [path, n] of Object.entries(inc)) {
    const m = FIRM_PATH.exec(path);
    if (m) (byFirm[m[1]] ??= {})[m[2]] = n;
    else rest[path] = n;
  }
  const firms = Object.entries(byFirm);
  if (firms.length === 0) return upsert(tx, STREET_TOTALS, streetId, { $inc: rest });
  const held = await tx.get<StreetFirmsDoc>(STREET_FIRMS, streetId);
  const firm: FirmCounts = { ...held?.firm };
  for (const [id, counts] of firms) {
    const moved: Partial<RequestCounts> = { ...firm[id] };
    for (const [k, n] of Object.entries(counts)) moved[k as keyof RequestCounts] = (moved[k as keyof RequestCounts] ?? 0) + n;
    firm[id] = moved;
  }
  const under = (prefix: string, counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).map(([k, n]) => [prefix + k, n]));
  await Promise.all([
    upsert(tx, STREET_FIRMS, streetId, { $inc: Object.assign({}, ...firms.map(([id, c]) => under(`firm.${id}.`, c))) }),
    upsert(tx, STREET_TOTALS, streetId, { $inc: rest, $set: { ...busiestOf(firm) } }),
    ...firms.map(([id, c]) => upsert(tx, FIRM_TOTALS, id, { $inc: under('requests.', c) })),
  ]);
}

/** A document with `patch` applied to nothing: its dotted paths as nested fields. */
function docOf(id: string, patch: { $inc?: Record<string, number>; $set?: Record<string, unknown> }): Doc {
  const doc: Record<string, unknown> = { _id: id };
  for (const [path, v] of [...Object.entries(patch.$set ?? {}), ...Object.entries(patch.$inc ?? {})]) {
    const parts = path.split('.');
    let at = doc;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]] = v;
  }
  return doc as { _id: string };
}

/**
 * Updates a document, or makes it when there is none (a street's first counted write makes its
 * totals: a street is created with none, app/admin/structure.ts; the import makes them with its
 * streets). Inside the caller's transaction.
 */
async function upsert(
  tx: Pick<DocumentOps, 'update' | 'insert'>,
  collection: string,
  id: string,
  patch: { $inc: Record<string, number>; $set?: Record<string, unknown> },
): Promise<void> {
  const p: Patch = Object.keys(patch.$inc).length ? patch : { $set: patch.$set };
  if (!p.$set && !p.$inc) return;
  if (await tx.update(collection, id, p)) return;
  try {
    await tx.insert(collection, docOf(id, patch));
  } catch (err) {
    // Another write of the same transaction made it meanwhile (writes issued together): move it.
    if (!(err instanceof DuplicateKeyError)) throw err;
    await tx.update(collection, id, p);
  }
}

/** A new street's totals document, none counted yet (the import makes it with the street). */
export const startStreetTotals = (tx: Pick<DocumentOps, 'insert'>, streetId: string): Promise<void> =>
  tx.insert<StreetTotalsDoc>(STREET_TOTALS, { _id: streetId });
