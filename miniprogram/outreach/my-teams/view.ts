// What 我的团队 shows of a team the caller leads: its figures as the server counts them, and its
// activities (upcoming, then the latest ended) each opening the roster. Plain functions.
import type { ActivitySummary } from '../../services/volunteer';
import type { TeamItem } from '../service';
import { formatHours, formatWindow, phaseTag, seatsText } from '../../pages/volunteer/format';

export interface TeamActivityRow {
  activityId: string;
  title: string;
  when: string;
  seats: string;
  tag: { text: string; theme: string };
}

export interface TeamCard {
  teamId: string;
  communityId: string;
  name: string;
  kind: string;
  figures: string;
  upcoming: TeamActivityRow[];
  past: TeamActivityRow[];
  /** Where 发布活动 goes: the create page with the team chosen. */
  createUrl: string;
}

export function activityRow(a: ActivitySummary): TeamActivityRow {
  return { activityId: a.activityId, title: a.title, when: formatWindow(a.startAt, a.endAt), seats: seatsText(a), tag: phaseTag(a) };
}

export function teamCard(t: TeamItem, upcoming: ActivitySummary[], past: ActivitySummary[]): TeamCard {
  const query = `communityId=${t.communityId}&teamId=${t.teamId}&teamName=${encodeURIComponent(t.name)}`;
  return {
    teamId: t.teamId,
    communityId: t.communityId,
    name: t.name,
    kind: t.kindLabel,
    figures: `已发布活动 ${t.activities} 场 · 服务时长 ${formatHours(t.serviceHours)} 小时`,
    upcoming: upcoming.map(activityRow),
    past: past.map(activityRow),
    createUrl: `/staff/volunteer/create/index?${query}`,
  };
}

/** The roster of one of the team's activities. */
export const rosterUrl = (activityId: string): string => `/staff/volunteer/roster/index?activityId=${activityId}`;
