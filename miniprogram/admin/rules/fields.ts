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

export const RULE_GROUPS: Array<{ title: string; fields: RuleField[] }> = [
  {
    title: '诉求办理',
    fields: [
      { key: 'requestTierHours.emergency', label: '紧急诉求时限', unit: '小时' },
      { key: 'requestTierHours.utilities', label: '水电气暖时限', unit: '小时' },
      { key: 'requestTierHours.general', label: '一般诉求时限', unit: '小时' },
      { key: 'requestTierHours.complex', label: '复杂诉求时限', unit: '小时' },
      { key: 'reopenWindowDays', label: '办结后可重新打开', unit: '天' },
      { key: 'autoCloseDays', label: '未评价自动办结', unit: '天' },
    ],
  },
  {
    title: '志愿服务',
    fields: [
      { key: 'freeCancelHours', label: '开始前可免责取消', unit: '小时' },
      { key: 'attendanceMinRatio', label: '服务时长最低占比', unit: '%', share: true },
      { key: 'volunteerTarget', label: '志愿者占比目标', unit: '%', share: true },
    ],
  },
  {
    title: '物业服务评价',
    fields: [
      { key: 'ratingWeights.ownerSatisfaction', label: '业主满意度权重', unit: '%', share: true },
      { key: 'ratingWeights.partyOrg', label: '党组织评价权重', unit: '%', share: true },
      { key: 'ratingWeights.ownersCommittee', label: '业委会评价权重', unit: '%', share: true },
      { key: 'seriousItemPenalty', label: '每项重大问题扣分', unit: '分' },
      { key: 'ocPartyTarget', label: '业委会党员占比目标', unit: '%', share: true },
    ],
  },
];

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
