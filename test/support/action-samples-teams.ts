/**
 * The samples of the volunteer actions on a team's activity (RULES.md §7: the team's leader
 * organises it): the leader's own team, another team's activity, and a former leader's. Listed
 * with the others in action-samples.ts; their rows are in test/security/authz-matrix-teams.ts.
 */
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { DEMO_OUTREACH } from '../../cloudfunctions/core/seed/outreach';
import type { Harness } from './harness';
import { must, type Payload, type SampleBuilder } from './sample-call';

/** demo-volunteer leads the red team; demo-resident3 leads the dance team (the seed). */
const LEADER = 'demo-volunteer';
const OTHER_LEADER = 'demo-resident3';
/** A seeded volunteer free during SOON (demo-volunteer is confirmed for the seed's activity then). */
const SIGNED = 'demo-resident2';

const ACTIVITY = {
  communityId: DEMO.communityId,
  title: '红星志愿服务队 楼道清洁',
  category: 'environment',
  description: '清理楼道杂物，张贴消防通道提示。',
  location: '江津花园 6栋',
} as const;
/** Half an hour after the harness clock, so check-in is open. */
const SOON = { startAt: '2026-11-20T09:30:00+08:00', endAt: '2026-11-20T11:30:00+08:00', capacity: 5 } as const;

type Which = 'own' | 'other' | 'former';

/**
 * A team's activity starting soon with demo-resident2 confirmed (checked in for `checkedIn`),
 * published by the team's leader: demo-volunteer's team (`own`), demo-resident3's (`other`), or
 * demo-volunteer's team once demo-resident3 has replaced him as its leader (`former`).
 */
async function teamActivity(h: Harness, which: Which, checkedIn = false): Promise<{ activityId: string; userId: string }> {
  const team = which === 'other' ? DEMO_OUTREACH.massTeam : DEMO_OUTREACH.volunteerTeam;
  const publisher = which === 'other' ? OTHER_LEADER : LEADER;
  const a = await must<{ activityId: string }>(h, 'volunteer', 'createActivity', { ...ACTIVITY, ...SOON, teamId: team }, publisher);
  await must(h, 'volunteer', 'signup', { activityId: a.activityId }, SIGNED);
  const userId = h.userId(SIGNED);
  if (checkedIn) await must(h, 'volunteer', 'checkIn', { activityId: a.activityId, userId }, publisher);
  if (which === 'former') await must(h, 'outreach', 'setTeamLeader', { teamId: team, leaderUserId: h.userId(OTHER_LEADER) }, 'demo-party');
  return { activityId: a.activityId, userId };
}

const variants: Record<Which, string> = { own: 'team', other: 'otherTeam', former: 'formerLeader' };

const builders = (which: Which): Record<string, SampleBuilder> => ({
  checkIn: (h) => teamActivity(h, which),
  checkOut: async (h) => {
    const p = await teamActivity(h, which, true);
    h.clock.set(SOON.endAt);
    return p;
  },
  roster: async (h): Promise<Payload> => ({ activityId: (await teamActivity(h, which)).activityId }),
  revealPhone: (h) => teamActivity(h, which),
  cancelActivity: async (h): Promise<Payload> => ({ activityId: (await teamActivity(h, which)).activityId, reason: '天气原因，活动改期' }),
});

/** `checkIn#team`, `roster#otherTeam`, `cancelActivity#formerLeader`, … */
export const TEAM_VOLUNTEER_SAMPLES: Record<string, SampleBuilder> = Object.fromEntries(
  (Object.keys(variants) as Which[]).flatMap((which) =>
    Object.entries(builders(which)).map(([action, build]) => [`${action}#${variants[which]}`, build]),
  ),
);
