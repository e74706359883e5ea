/**
 * The backbone figures of a community (RULES.md §7) for community.stats — and for the street and
 * city overviews, which sum them: confirmed reported members, building roles held, services
 * confirmed by kind, teams, and the shares of party members and 共青团员 among its volunteers.
 *
 * They are counters on the community document (`backbone.*`), moved by `bumpBackbone` inside the
 * transaction of the change they count, so reading them costs nothing beyond the community itself
 * (which every overview reads anyway). `recountBackbone` derives them from the records: the seed
 * sets them with it, and a test checks the counters equal it after every kind of change.
 */
import { shareOf } from '../../domain/outreach-report';
import type { DocumentOps, Store } from '../../ports/store';
import { type CommunityDoc } from '../community/community';
import { incCommunity } from '../community/totals';
import { ACTIVITIES, SIGNUPS, VOLUNTEERS, type ActivityDoc, type SignupDoc } from '../volunteer/model';
import { BUILDING_POSTS, CLAIMS, REPORTS, TEAMS } from './model';
import { whole } from '../../ports/store';

/** What the community document counts. */
export interface BackboneCounters {
  /** Party members reported in and confirmed here (下沉党员). */
  reportedMembers: number;
  /** Reports waiting for the party organisation. */
  pendingReports: number;
  /** 楼栋党小组长 and 楼栋长 posts held. */
  buildingPosts: number;
  /** Services confirmed done here, by kind. */
  servicesGeneral: number;
  servicesProfessional: number;
  teams: number;
  /** Volunteer profiles registered here (reported members who do not live here included, RULES.md §7). */
  volunteerProfiles: number;
  /** Of them, party members / 共青团员. */
  partyVolunteers: number;
  youthLeagueVolunteers: number;
}

export const BACKBONE_COUNTERS = [
  'reportedMembers',
  'pendingReports',
  'buildingPosts',
  'servicesGeneral',
  'servicesProfessional',
  'teams',
  'volunteerProfiles',
  'partyVolunteers',
  'youthLeagueVolunteers',
] as const satisfies ReadonlyArray<keyof BackboneCounters>;

export interface OutreachStats {
  reportedMembers: number;
  pendingReports: number;
  buildingPosts: number;
  servicesDone: { general: number; professional: number };
  teams: number;
  volunteerProfiles: number;
  partyVolunteers: number;
  youthLeagueVolunteers: number;
  /** Shares of party members and 共青团员 among the volunteer profiles. */
  partyShare: number | null;
  youthLeagueShare: number | null;
}

/**
 * Moves the community's counters by `by`, and its street's totals (community/totals.ts; `streetId`
 * when the caller has read the community), inside the caller's transaction.
 */
export async function bumpBackbone(
  tx: DocumentOps,
  communityId: string,
  by: Partial<BackboneCounters>,
  streetId?: string | null,
): Promise<void> {
  const inc: Record<string, number> = {};
  for (const [k, n] of Object.entries(by)) if (n) inc[`backbone.${k}`] = n;
  await incCommunity(tx, communityId, inc, streetId);
}

/** The backbone figures of a community from its document. */
export function outreachStats(community: Pick<CommunityDoc, 'backbone'>): OutreachStats {
  const b = community.backbone ?? {};
  const n = (k: keyof BackboneCounters): number => b[k] ?? 0;
  return {
    reportedMembers: n('reportedMembers'),
    pendingReports: n('pendingReports'),
    buildingPosts: n('buildingPosts'),
    servicesDone: { general: n('servicesGeneral'), professional: n('servicesProfessional') },
    teams: n('teams'),
    volunteerProfiles: n('volunteerProfiles'),
    partyVolunteers: n('partyVolunteers'),
    youthLeagueVolunteers: n('youthLeagueVolunteers'),
    partyShare: shareOf(n('partyVolunteers'), n('volunteerProfiles')),
    youthLeagueShare: shareOf(n('youthLeagueVolunteers'), n('volunteerProfiles')),
  };
}

/**
 * The backbone figures of several communities summed (a street's, the city's): counters add up,
 * the shares are taken over the summed volunteers, not averaged. For the street and city overviews.
 */
export function sumOutreachStats(communities: ReadonlyArray<Pick<CommunityDoc, 'backbone'>>): OutreachStats {
  const total: Partial<BackboneCounters> = {};
  for (const c of communities) for (const k of BACKBONE_COUNTERS) total[k] = (total[k] ?? 0) + (c.backbone?.[k] ?? 0);
  return outreachStats({ backbone: total });
}

/** The counters as the records give them (the seed's values; the check of the counters). */
export async function recountBackbone(store: Pick<Store, 'count'>, communityId: string): Promise<BackboneCounters> {
  const c = (collection: string, filter: Record<string, string | boolean>) => store.count(collection, { communityId, ...filter });
  const [
    reportedMembers,
    pendingReports,
    buildingPosts,
    servicesGeneral,
    servicesProfessional,
    teams,
    volunteerProfiles,
    partyVolunteers,
    youthLeagueVolunteers,
  ] = await Promise.all([
    c(REPORTS, { status: 'confirmed' }),
    c(REPORTS, { status: 'pending' }),
    c(BUILDING_POSTS, {}),
    c(CLAIMS, { status: 'confirmed', kind: 'general' }),
    c(CLAIMS, { status: 'confirmed', kind: 'professional' }),
    c(TEAMS, {}),
    c(VOLUNTEERS, {}),
    c(VOLUNTEERS, { isPartyMember: true }),
    c(VOLUNTEERS, { isYouthLeagueMember: true }),
  ]);
  return {
    reportedMembers,
    pendingReports,
    buildingPosts,
    servicesGeneral,
    servicesProfessional,
    teams,
    volunteerProfiles,
    partyVolunteers,
    youthLeagueVolunteers,
  };
}

/** A team's figures (RULES.md §7: the stats show the team). */
export interface TeamCounters {
  /** Activities published for the team (cancelled ones included: they were published). */
  activityCount: number;
  /** Service hours credited in its activities. */
  serviceHours: number;
}

/** Moves a team's figures by `by`, inside the caller's transaction (no write for no change). */
export async function bumpTeam(tx: DocumentOps, teamId: string, by: Partial<TeamCounters>): Promise<void> {
  const inc: Record<string, number> = {};
  for (const [k, n] of Object.entries(by)) if (n) inc[k] = n;
  if (Object.keys(inc).length > 0) await tx.update(TEAMS, teamId, { $inc: inc });
}

/** A team's figures as the records give them (the check of the counters). */
export async function recountTeam(store: Pick<Store, 'find'>, teamId: string): Promise<TeamCounters> {
  const PAGE = 500;
  let activityCount = 0;
  let serviceHours = 0;
  for (let skip = 0; ; skip += PAGE) {
    const acts = await store.find<ActivityDoc>(
      ACTIVITIES,
      { teamId },
      { orderBy: [['startAt', 'asc']], limit: whole(PAGE), skip: whole(skip) },
    );
    activityCount += acts.length;
    for (const a of acts)
      for (let at = 0; ; at += PAGE) {
        const rows = await store.find<SignupDoc>(
          SIGNUPS,
          { activityId: a._id },
          { orderBy: [['seq', 'asc']], limit: whole(PAGE), skip: whole(at) },
        );
        for (const r of rows) serviceHours += r.hours;
        if (rows.length < PAGE) break;
      }
    if (acts.length < PAGE) return { activityCount, serviceHours };
  }
}
