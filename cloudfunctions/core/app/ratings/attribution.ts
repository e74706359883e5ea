import type { CompoundInput } from '../../domain/credit';
import { chinaDateOf, evaluatedWindows, serviceWindows, sheetsByFirm, type FirmService } from '../../domain/firm-service';
import { periodRange, type Period } from '../../domain/period';
import { FIRM_ASSIGNMENTS, type CompoundDoc, type FirmAssignmentDoc } from '../community/community';
import type { AppContext } from '../context';
import { compoundSatisfaction } from '../requests/stats';
import type { RatingSheetDoc } from './rating';
import { whole } from '../../ports/store';

const dayStart = (date: string) => `${date}T00:00:00+08:00`;

/**
 * The inputs of a community's evaluation for a period, each compound's sheets and owner
 * satisfaction credited to the firm that served it then (domain/firm-service.ts): one compound
 * input per firm evaluated, and the sheets each marked with the firm they belong to.
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
  const assignments =
    compounds.length === 0
      ? []
      : await ctx.store.find<FirmAssignmentDoc>(
          FIRM_ASSIGNMENTS,
          { compoundId: { $in: compounds.map((c) => c._id) } },
          {
            orderBy: [
              ['compoundId', 'asc'],
              ['from', 'asc'],
            ],
            limit: whole(1000),
          },
        );
  const inputs: CompoundInput[] = [];
  const credited: Array<RatingSheetDoc & { firmId: string }> = [];
  for (const c of compounds) {
    const recorded: FirmService[] = assignments.filter((a) => a.compoundId === c._id);
    // A compound without a recorded history: its firm of record served the whole period.
    const history = recorded.length > 0 ? recorded : [{ firmId: c.firmId, firmName: c.firmName, from: periodFrom, to: null }];
    const own = sheets.filter((s) => s.compoundId === c._id);
    const byFirm = sheetsByFirm(history, own);
    for (const w of evaluatedWindows(serviceWindows(history, periodFrom, periodTo, today), byFirm)) {
      const parts = await Promise.all(w.spans.map((s) => compoundSatisfaction(ctx, c._id, dayStart(s.from), dayStart(s.to))));
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
