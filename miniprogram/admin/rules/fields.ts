// The figures of a community's rules as the rules page shows and edits them: shares as
// percentages, the rest in their units. Values always come from the server's answer.
import type { RulesConfig, RulesPatch } from '../../../typings/admin';

export interface RuleField {
  /** `reopenWindowDays`, or `group.key` for a nested figure. */
  key: string;
  label: string;
  unit: string;
  /** A 0–1 share, shown and typed as a percentage. */
  share?: boolean;
}

/** Each figure as `[group, key, label, unit]`, in page order; a unit of '%' marks a share. */
const FIGURES: Array<[group: string, key: string, label: string, unit: string]> = [
  ['诉求办理', 'requestTierHours.emergency', '紧急诉求时限', '小时'],
  ['诉求办理', 'requestTierHours.utilities', '水电气暖时限', '小时'],
  ['诉求办理', 'requestTierHours.general', '一般诉求时限', '小时'],
  ['诉求办理', 'requestTierHours.complex', '复杂诉求时限', '小时'],
  ['诉求办理', 'reopenWindowDays', '办结后可重新打开', '天'],
  ['诉求办理', 'autoCloseDays', '未评价自动办结', '天'],
  ['志愿服务', 'freeCancelHours', '开始前可免责取消', '小时'],
  ['志愿服务', 'attendanceMinRatio', '服务时长最低占比', '%'],
  ['志愿服务', 'volunteerTarget', '志愿者占比目标', '%'],
  ['物业服务评价', 'ratingWeights.ownerSatisfaction', '业主满意度权重', '%'],
  ['物业服务评价', 'ratingWeights.partyOrg', '党组织评价权重', '%'],
  ['物业服务评价', 'ratingWeights.ownersCommittee', '业委会评价权重', '%'],
  ['物业服务评价', 'seriousItemPenalty', '每项重大问题扣分', '分'],
  ['物业服务评价', 'ocPartyTarget', '业委会党员占比目标', '%'],
  ['业主共同决定', 'noticeDays', '表决事项提前公示', '天'],
];

/** The figures by group, as the page shows them. */
export const RULE_GROUPS: Array<{ title: string; fields: RuleField[] }> = [...new Set(FIGURES.map((f) => f[0]))].map((title) => ({
  title,
  fields: FIGURES.filter((f) => f[0] === title).map(([, key, label, unit]) => ({ key, label, unit, share: unit === '%' })),
}));

export const RULE_FIELDS: RuleField[] = RULE_GROUPS.flatMap((g) => g.fields);

function valueAt(rules: RulesConfig, key: string): number {
  const [a, b] = key.split('.');
  const v = (rules as unknown as Record<string, number | Record<string, number>>)[a];
  return typeof v === 'number' ? v : (v?.[b as string] ?? NaN);
}

/** A figure as typed: a share as a percentage (0.15 → "15"), rounded to what a person writes. */
export function shownValue(rules: RulesConfig, field: RuleField): string {
  const v = valueAt(rules, field.key);
  return String(field.share ? Math.round(v * 10000) / 100 : v);
}

/** The typed values of every figure, by key. */
export function formOf(rules: RulesConfig): Record<string, string> {
  return Object.fromEntries(RULE_FIELDS.map((f) => [f.key, shownValue(rules, f)]));
}

/** The change to send: only the figures that differ from the rules in force, or the first bad entry. */
export function patchOf(rules: RulesConfig, form: Record<string, string>): { patch: RulesPatch; changed: number } | { error: string } {
  const patch: Record<string, unknown> = {};
  let changed = 0;
  for (const f of RULE_FIELDS) {
    const typed = (form[f.key] ?? '').trim();
    if (typed === shownValue(rules, f)) continue;
    if (!/^\d+(\.\d+)?$/.test(typed)) return { error: `${f.label}请填写数字` };
    const value = f.share ? Math.round(Number(typed) * 100) / 10000 : Number(typed);
    const [a, b] = f.key.split('.');
    if (b) patch[a] = { ...((patch[a] as object) ?? {}), [b]: value };
    else patch[a] = value;
    changed++;
  }
  return { patch: patch as RulesPatch, changed };
}
