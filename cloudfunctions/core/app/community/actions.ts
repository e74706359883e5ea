import { rulesFor } from '../../domain/rules-config';
import { defineAction, type ActionMap } from '../action';
import { USERS } from '../account/user';
import { isCommunityStaff } from '../auth';
import { outreachStats, type OutreachStats } from '../outreach/stats';
import { isStreetAdminOfCommunity } from '../scope';
import { requestStats, type RequestStats } from '../requests/stats';
import { failures, ok } from '../result';
import { volunteerStats } from '../volunteer/stats';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from './community';
import { listInput, statsInput } from './schemas';

/** A community with its compounds, as the pickers show them. */
export interface CommunityListItem {
  communityId: string;
  name: string;
  district: string;
  compounds: Array<{ compoundId: string; name: string; firmId: string; firmName: string }>;
}

/** A community's figures against the city's targets (community.stats). */
export interface CommunityStats {
  communityId: string;
  population: number;
  residents: number;
  volunteers: number;
  volunteerRatio: number | null;
  /** What the ratio is divided by: the approved (active) residents registered here. */
  volunteerRatioBase: number;
  volunteerTarget: number;
  ocMembers: number;
  ocPartyMembers: number;
  ocPartyRatio: number | null;
  ocPartyTarget: number;
  volunteerHours: { thisMonth: number; thisYear: number; byCategory: Record<string, number> };
  requests: RequestStats;
  /** Party members in the community and the backbone of volunteering (RULES.md §7). */
  outreach: OutreachStats;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/** community: the communities and their figures. */
export const communityActions: ActionMap = {
  list: defineAction({
    summary: '社区与小区列表',
    access: 'public',
    input: listInput,
    run: async (_input, ctx) => {
      const [communities, compounds] = await Promise.all([
        ctx.store.find<CommunityDoc>(COMMUNITIES, {}, { orderBy: [['name', 'asc']] }),
        ctx.store.find<CompoundDoc>(
          COMPOUNDS,
          {},
          {
            orderBy: [
              ['communityId', 'asc'],
              ['name', 'asc'],
            ],
          },
        ),
      ]);
      const items: CommunityListItem[] = communities.map((c) => ({
        communityId: c._id,
        name: c.name,
        district: `${c.city}${c.district}${c.street}`,
        compounds: compounds
          .filter((k) => k.communityId === c._id)
          .map((k) => ({ compoundId: k._id, name: k.name, firmId: k.firmId, firmName: k.firmName })),
      }));
      return ok(items);
    },
  }),

  stats: defineAction({
    summary: '社区统计（志愿者占比、业委会党员占比、诉求指标）',
    access: 'active',
    input: statsInput,
    run: async (input, ctx) => {
      if (!isCommunityStaff(ctx.user, input.communityId) && !(await isStreetAdminOfCommunity(ctx, ctx.user, input.communityId)))
        return failures.forbidden('只能查看本社区的统计');
      const community = await ctx.store.get<CommunityDoc>(COMMUNITIES, input.communityId);
      if (!community) return failures.notFound('社区');
      const rules = rulesFor(community.rules);
      const active = { communityId: input.communityId, status: 'active' };
      const [residents, ocMembers, ocPartyMembers, volunteer, requests] = await Promise.all([
        ctx.store.count(USERS, { ...active, roles: { $contains: 'resident' } }),
        ctx.store.count(USERS, { ...active, roles: { $contains: 'oc_member' } }),
        ctx.store.count(USERS, { ...active, roles: { $contains: 'oc_member' }, isPartyMember: true }),
        volunteerStats(ctx, input.communityId),
        requestStats(ctx, input.communityId),
      ]);
      // Approved residents only, on both sides of the ratio (RULES.md §1): pending users count in neither.
      const base = residents;
      const stats: CommunityStats = {
        communityId: input.communityId,
        population: community.population,
        residents,
        volunteers: volunteer.volunteers,
        volunteerRatio: ratio(volunteer.volunteers, base),
        volunteerRatioBase: base,
        volunteerTarget: rules.volunteerTarget,
        ocMembers,
        ocPartyMembers,
        ocPartyRatio: ratio(ocPartyMembers, ocMembers),
        ocPartyTarget: rules.ocPartyTarget,
        volunteerHours: { thisMonth: volunteer.hoursThisMonth, thisYear: volunteer.hoursThisYear, byCategory: volunteer.hoursByCategory },
        requests,
        outreach: outreachStats(community),
      };
      return ok(stats);
    },
  }),
};
