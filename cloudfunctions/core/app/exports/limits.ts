/**
 * How big an export may be, and how hard it may press the database (API.md §6, docs/API.md
 * "Exports"): a file holds at most EXPORT_RECORD_LIMIT records, counted before anything else is
 * read; past it the export is refused with EXPORT_TOO_LARGE, never cut short. While it reads, an
 * export has at most EXPORT_IN_FLIGHT database requests in flight.
 */
import type { AppContext } from '../context';
import { boundedReads, type StoreReads } from '../pool';
import { fail, type Failure } from '../result';

/** Records per file: requests, attended signups, reported members, or firm results (one per firm, community and period). */
export const EXPORT_RECORD_LIMIT = 10_000;
/** Database requests an export has in flight at most. */
export const EXPORT_IN_FLIGHT = 8;

/** The refusal of an export past the limit, with its figures: the person narrows the scope. */
export const exportTooLarge = (count: number): Failure =>
  fail(
    'INVALID_STATE',
    `导出记录过多：共 ${count} 条，超过每个文件 ${EXPORT_RECORD_LIMIT} 条的上限。请缩小范围（按街道、社区或起止日期）分别导出`,
    'EXPORT_TOO_LARGE',
  );

/** What an export reads through: the store's reads behind one gate of EXPORT_IN_FLIGHT. */
export const exportReads = (ctx: Pick<AppContext, 'store'>): { store: StoreReads } => ({
  store: boundedReads(ctx.store, EXPORT_IN_FLIGHT),
});
