// What 社区统计 shows for a community.stats answer: the two city targets (volunteers ≥ 15 % of
// residents, party members ≥ 50 % of the owners' committee) with a bar and 达标/未达标, the
// population, volunteer hours by category, and the request KPIs (接诉即办). Plain functions.
import type { CommunityStats, SelfView } from '../../../typings/api';
import { isStaff } from '../../utils/labels';

/** Shown for a rate or ratio whose base is empty (the server sends null). */
export const NO_DATA = '暂无数据';

/** Whether this whoami user may see the figures (the server decides again). */
export function canViewStats(user: SelfView | null): user is SelfView {
  return !!user && user.status === 'active' && (isStaff(user.roles) || user.roles.includes('street_admin'));
}

/** What a person who may not see the figures is told. */
export const FORBIDDEN_MESSAGE = '仅社区居委会工作人员、社区党组织、街道工作人员和平台管理员可以查看社区统计';

/**
 * A 0–1 rate as a percentage with at most one decimal, rounded down, so that a figure just under
 * its target never reads as the target itself (0.1499 → 14.9%, not 15%).
 */
export function percentText(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return NO_DATA;
  // The epsilon absorbs binary noise (0.15 * 1000 = 149.99999999999997).
  const tenths = Math.floor(rate * 1000 + 1e-6);
  return `${tenths / 10}%`;
}

/** Hours with at most one decimal (hours come in halves). */
export function hoursText(hours: number): string {
  return `${Math.round(hours * 10) / 10} 小时`;
}

export type Verdict = '达标' | '未达标' | typeof NO_DATA;

/** One target figure with its bar. */
export interface TargetFigure {
  key: 'volunteers' | 'ocParty';
  title: string;
  value: string;
  targetText: string;
  verdict: Verdict;
  /** TDesign tag theme of the verdict. */
  verdictTheme: 'success' | 'danger' | 'default';
  /** Bar fill, 0–100. */
  percent: number;
  /** Where the target mark sits on the bar, 0–100. */
  targetPercent: number;
  color: string;
  detail: string;
  /** The whole figure in one sentence, for screen readers. */
  ariaLabel: string;
}

const MET_COLOR = '#2ba471';
const UNMET_COLOR = '#d54941';
const NO_DATA_COLOR = '#c5c5c5';

/** A ratio against its target (met when at or above it). */
export function targetFigure(key: TargetFigure['key'], title: string, ratio: number | null, target: number, detail: string): TargetFigure {
  const met = ratio === null ? null : ratio >= target;
  const verdict: Verdict = met === null ? NO_DATA : met ? '达标' : '未达标';
  const value = percentText(ratio);
  const targetText = `目标 ≥ ${percentText(target)}`;
  return {
    key,
    title,
    value,
    targetText,
    verdict,
    verdictTheme: met === null ? 'default' : met ? 'success' : 'danger',
    percent: ratio === null ? 0 : Math.min(100, Math.max(0, Math.round(ratio * 1000) / 10)),
    targetPercent: Math.min(100, Math.max(0, target * 100)),
    color: met === null ? NO_DATA_COLOR : met ? MET_COLOR : UNMET_COLOR,
    detail,
    ariaLabel: `${title} ${value}，${targetText}，${verdict}`,
  };
}

/** A labelled figure. */
export interface Figure {
  label: string;
  value: string;
  /** What the figure counts, when the label alone does not say. */
  hint?: string;
  /** Shown in red (超期 above zero). */
  danger?: boolean;
}

/** The page's sections. */
export interface StatsView {
  targets: TargetFigure[];
  population: Figure[];
  hours: { thisMonth: string; thisYear: string; byCategory: Figure[] };
  requests: Figure[];
  /** 下沉党员 and the backbone of volunteering (RULES.md §7). */
  backbone: Figure[];
}

/** The year's hours per category, as the server names and orders them. */
export function categoryFigures(categories: CommunityStats['volunteerHours']['categories']): Figure[] {
  return categories.map((c) => ({ label: c.label, value: hoursText(c.hours) }));
}

/** The page for a community.stats answer. */
export function statsViewOf(s: CommunityStats): StatsView {
  const r = s.requests;
  const o = s.outreach;
  return {
    targets: [
      targetFigure('volunteers', '志愿者占比', s.volunteerRatio, s.volunteerTarget, `注册志愿者 ${s.volunteers} 人`),
      targetFigure(
        'ocParty',
        '业委会党员占比',
        s.ocPartyRatio,
        s.ocPartyTarget,
        `业委会成员 ${s.ocMembers} 人，其中党员 ${s.ocPartyMembers} 人`,
      ),
    ],
    population: [
      { label: '已注册居民', value: `${s.residents} 人` },
      { label: '常住人口', value: `${s.population} 人` },
    ],
    hours: {
      thisMonth: hoursText(s.volunteerHours.thisMonth),
      thisYear: hoursText(s.volunteerHours.thisYear),
      byCategory: categoryFigures(s.volunteerHours.categories),
    },
    requests: [
      { label: '诉求总数', value: `${r.total} 件` },
      { label: '在办', value: `${r.open} 件` },
      { label: '超期', value: `${r.overdue} 件`, danger: r.overdue > 0 },
      { label: '响应率', value: percentText(r.responseRate), hint: '24 小时内受理或答复' },
      { label: '办结率', value: percentText(r.resolutionRate), hint: '已受理诉求中已办结' },
      { label: '满意率', value: percentText(r.satisfactionRate), hint: '评价中 4 分及以上' },
    ],
    backbone: [
      {
        label: '报到党员',
        value: `${o.reportedMembers} 人`,
        hint: o.pendingReports ? `另有 ${o.pendingReports} 人待确认` : '已确认到本社区报到',
      },
      { label: '楼栋党小组长、楼栋长', value: `${o.buildingPosts} 人` },
      ...s.serviceKinds.map((k) => ({ label: k.label, value: `${o.servicesDone[k.value]} 次`, hint: '经社区确认完成' })),
      { label: '志愿服务队', value: `${o.teams} 支`, hint: '各队活动与服务时长见「志愿服务队」' },
      { label: '志愿者中的党员', value: percentText(o.partyShare), hint: `${o.partyVolunteers} 人` },
      { label: '志愿者中的共青团员', value: percentText(o.youthLeagueShare), hint: `${o.youthLeagueVolunteers} 人` },
    ],
  };
}
