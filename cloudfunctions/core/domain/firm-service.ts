/**
 * Which firm a compound's ratings belong to (RULES.md §4, §9: "a compound's ratings belong to the
 * firm that served it in the period"), read from the compound's service history.
 *
 * The rule, precisely:
 * - a rating sheet belongs to the firm that served the compound on the China-time day the sheet
 *   was (last) submitted, as the history says at publication — so a back-dated assignment moves
 *   the sheets filled after its start date to the new firm;
 * - the owner satisfaction of a compound counts, for each firm, the requests rated while that firm
 *   served it within the period;
 * - a compound that changed firm mid-period is evaluated once per firm: the firm serving at the
 *   period's end (or today, if the period is running) always, an earlier firm of the period where
 *   it has at least one sheet.
 * Dates are `YYYY-MM-DD` in China time; a service runs from `from` inclusive to `to` exclusive.
 */

/** One row of a compound's service history. */
export interface FirmService {
  firmId: string;
  firmName: string;
  from: string;
  /** Exclusive; null while the firm still serves. */
  to: string | null;
}

/** The service that covered `date` (null before the first or in a gap). */
export function firmOn<S extends FirmService>(history: readonly S[], date: string): S | null {
  return history.find((a) => a.from <= date && (a.to === null || date < a.to)) ?? null;
}

/** The China-time date of an instant, `YYYY-MM-DD`. */
export function chinaDateOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A firm's share of a period in one compound: its service clipped to the period, dates `[from, to)`. */
export interface ServiceWindow {
  firmId: string;
  firmName: string;
  /** Usually one; more where the firm served, left and came back within the period. */
  spans: Array<{ from: string; to: string }>;
  /** Serving at the period's end (or on `today` while the period runs). */
  current: boolean;
}

/**
 * The firms that served a compound in the period `[periodFrom, periodTo)`, in order of first
 * service, each with the parts of the period it served. While the period runs, the firm serving
 * `today` is the current one; after it, the firm serving on its last day.
 */
export function serviceWindows(history: readonly FirmService[], periodFrom: string, periodTo: string, today: string): ServiceWindow[] {
  const lastDay = today < periodTo ? today : prevDay(periodTo);
  const endFirm = firmOn(history, lastDay)?.firmId ?? null;
  const out: ServiceWindow[] = [];
  for (const s of history) {
    const from = s.from > periodFrom ? s.from : periodFrom;
    const to = s.to !== null && s.to < periodTo ? s.to : periodTo;
    if (from >= to) continue;
    const seen = out.find((w) => w.firmId === s.firmId);
    if (seen) seen.spans.push({ from, to });
    else out.push({ firmId: s.firmId, firmName: s.firmName, spans: [{ from, to }], current: s.firmId === endFirm });
  }
  return out;
}

function prevDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** A sheet as the attribution needs it. */
export interface DatedSheet {
  submittedAt: string;
}

/**
 * The sheets of one compound split by the firm they belong to (the firm serving on their
 * submission day); a sheet submitted when no firm served (a gap) belongs to none and is left out.
 */
export function sheetsByFirm<T extends DatedSheet>(history: readonly FirmService[], sheets: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const sheet of sheets) {
    const firm = firmOn(history, chinaDateOf(sheet.submittedAt));
    if (!firm) continue;
    const list = out.get(firm.firmId) ?? [];
    list.push(sheet);
    out.set(firm.firmId, list);
  }
  return out;
}

/** The (firm, window) pairs of a compound that are evaluated: the current firm, and earlier firms with sheets. */
export function evaluatedWindows(windows: readonly ServiceWindow[], sheetsOf: ReadonlyMap<string, readonly unknown[]>): ServiceWindow[] {
  return windows.filter((w) => w.current || (sheetsOf.get(w.firmId)?.length ?? 0) > 0);
}
