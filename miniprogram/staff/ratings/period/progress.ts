// What the staff period view shows: each compound's raters (not yet rated first), the period's
// state and publications, and the sheets in detail.
import type { PeriodView, SheetView } from '../../../services/ratings';
import { dateText, scoreText } from '../../../utils/rating-labels';

export interface RaterRow {
  userId: string;
  name: string;
  roleLabel: string;
  rated: boolean;
  status: string;
}

export interface CompoundProgress {
  compoundId: string;
  name: string;
  firmName: string;
  progress: string;
  raters: RaterRow[];
}

export interface SheetRow {
  sheetId: string;
  title: string;
  description: string;
  rating: string;
}

/** The compounds with their raters. */
export function progressOf(view: PeriodView): CompoundProgress[] {
  return view.compounds.map((c) => ({
    compoundId: c.compoundId,
    name: c.name,
    firmName: c.firmName,
    progress: `已评 ${c.ratedCount}/${c.raterCount}`,
    raters: c.raters.map((r) => ({
      userId: r.userId,
      name: r.name,
      roleLabel: r.roleLabel,
      rated: r.rated,
      status: r.rated ? `已评 ${scoreText(r.rating)} 分${r.version && r.version > 1 ? `（修改 ${r.version - 1} 次）` : ''}` : '未评',
    })),
  }));
}

/** The period's state line: 评价中 · 已收评价表 2 份, or 已发布 (第 2 次：理由). */
export function stateLineOf(view: PeriodView): string {
  const parts = [view.stateLabel, `已收评价表 ${view.sheetCount} 份`];
  const last = view.publications[view.publications.length - 1];
  if (last)
    parts.push(
      `${dateText(last.publishedAt)}由${last.publishedByName}发布${last.n > 1 ? `（第 ${last.n} 次：${last.reason ?? ''}）` : ''}`,
    );
  return parts.join(' · ');
}

/** One sheet in the detail list. */
export function sheetRowOf(s: SheetView): SheetRow {
  return {
    sheetId: s.sheetId,
    title: `${s.compoundName} · ${s.raterName}（${s.raterRoleLabel}）`,
    description: s.comment ? `“${s.comment}”` : '未填写意见',
    rating: `${scoreText(s.rating)} 分`,
  };
}

/** The evidence typed one item a line: blank lines dropped, at most 9 items (the server's limit). */
export function evidenceLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 9);
}
