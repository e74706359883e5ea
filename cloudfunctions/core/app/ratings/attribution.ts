import type { CompoundInput } from '../../domain/credit';
import { chinaDateOf, evaluatedWindows, serviceWindows, sheetsByFirm, type FirmService } from '../../domain/firm-service';
import { periodRange, type Period } from '../../domain/period';
import { FIRM_ASSIGNMENTS, type CompoundDoc, type FirmAssignmentDoc } from '../community/community';
import type { AppContext } from '../context';
import { compoundSatisfaction, type CompoundSatisfaction } from '../requests/stats';
import type { RatingSheetDoc } from './rating';
import { whole } from '../../ports/store';

const dayStart = (date: string) => `${date}T00:00:00+08:00`;

/** A count of owner satisfaction, keyed by compound and span. */
const spanKey = (compoundId: string, s: { from: string; to: string }) => `${compoundId}|${s.from}|${s.to}`;

/**
 * The inputs of a community's evaluation for a period, each compound's sheets and owner
 * satisfaction credited to the firm that served it then (domain/firm-service.ts): one compound
 * input per firm evaluated, and the sheets each marked with the firm they belong to. The compounds'
 * service histories are read together with each compound's satisfaction over the whole period
 * (what a compound served by one firm all along needs: one round); only the spans of a firm change
 * within the period are counted after, together.
 */
export async function attributedInputs(
  ctx: Pick<AppContext, 'store' | 'clock'>,
  compounds: readonly CompoundDoc[],
  sheets: readonly RatingSheetDoc[],
  period: Period,
): Promise<{ inputs: CompoundInput[]; sheets: Array<RatingSheetDoc & { firmId: string }> }> {
  const { fromIso, toIso } = periodRange(period);
  const periodFrom = fromIso.slice(0, 10);
  const periodTo = toIso.slice(0, 10);
  const today = chinaDateOf(ctx.clock.now().toISOString());
  const count = (compoundId: string, s: { from: string; to: string }) =>
    compoundSatisfaction(ctx, compoundId, dayStart(s.from), dayStart(s.to)).then((n) => [spanKey(compoundId, s), n] as const);
  const [assignments, wholePeriod] = await Promise.all([
    compounds.length === 0
      ? Promise.resolve([])
      : ctx.store.find<FirmAssignmentDoc>(
          FIRM_ASSIGNMENTS,
          { compoundId: { $in: compounds.map((c) => c._id) } },
          {
            orderBy: [
              ['compoundId', 'asc'],
              ['from', 'asc'],
            ],
            limit: whole(1000),
          },
        ),
    Promise.all(compounds.map((c) => count(c._id, { from: periodFrom, to: periodTo }))),
  ]);
  const counted = new Map<string, CompoundSatisfaction>(wholePeriod);
  const evaluated = compounds.map((c) => {
    const recorded: FirmService[] = assignments.filter((a) => a.compoundId === c._id);
    // A compound without a recorded history: its firm of record served the whole period.
    const history = recorded.length > 0 ? recorded : [{ firmId: c.firmId, firmName: c.firmName, from: periodFrom, to: null }];
    const byFirm = sheetsByFirm(
      history,
      sheets.filter((s) => s.compoundId === c._id),
    );
    return { c, byFirm, windows: evaluatedWindows(serviceWindows(history, periodFrom, periodTo, today), byFirm) };
  });
  const missing = evaluated.flatMap(({ c, windows }) =>
    windows.flatMap((w) => w.spans.filter((s) => !counted.has(spanKey(c._id, s))).map((s) => ({ c, s }))),
  );
  for (const [key, n] of await Promise.all(missing.map(({ c, s }) => count(c._id, s)))) counted.set(key, n);
  const inputs: CompoundInput[] = [];
  const credited: Array<RatingSheetDoc & { firmId: string }> = [];
  for (const { c, byFirm, windows } of evaluated) {
    for (const w of windows) {
      const parts = w.spans.map((s) => counted.get(spanKey(c._id, s)) as CompoundSatisfaction);
      const rated = parts.reduce((n, p) => n + p.rated, 0);
      const satisfied = parts.reduce((n, p) => n + p.satisfied, 0);
      inputs.push({
        compoundId: c._id,
        compoundName: c.name,
        firmId: w.firmId,
        firmName: w.firmName,
        satisfaction: rated > 0 ? { rated, satisfied } : null,
      });
      for (const s of byFirm.get(w.firmId) ?? []) credited.push({ ...s, firmId: w.firmId });
    }
  }
  return { inputs, sheets: credited };
}
