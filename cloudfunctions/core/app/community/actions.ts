import { defineAction, type ActionMap } from '../action';
import { USERS, type UserDoc } from '../account/user';
import { isCommunityStaff } from '../auth';
import { failures, ok } from '../result';
import { isStreetAdminOf } from '../scope';
import { listCommunities, listStreets } from './list';
import { listInput, statsInput, streetsInput } from './schemas';
import { communityStats, loadStats } from './stats';

export type { CommunityListItem, StreetListItem } from './list';
export type { CommunityStats } from './stats';

/** community: the communities and their figures. */
export const communityActions: ActionMap = {
  list: defineAction({
    summary: '社区与小区列表',
    access: 'public',
    input: listInput,
    run: async (input, ctx) => {
      if (!input.mine) return ok(await listCommunities(ctx.store, input));
      // The caller's own community: none before registering.
      const user = ctx.callerId ? await ctx.store.get<UserDoc>(USERS, ctx.callerId) : null;
      return ok(await listCommunities(ctx.store, { communityId: user?.communityId ?? '' }));
    },
  }),

  streets: defineAction({
    summary: '街道列表（选择社区的第一步）',
    access: 'public',
    input: streetsInput,
    run: async (_input, ctx) => ok(await listStreets(ctx.store)),
  }),

  stats: defineAction({
    summary: '社区统计（志愿者占比、业委会党员占比、诉求指标）',
    access: 'active',
    input: statsInput,
    load: (input, { store, now }) => loadStats(store, input.communityId, now),
    run: async (input, ctx) => {
      const { community } = ctx.loaded;
      if (!isCommunityStaff(ctx.user, input.communityId) && !isStreetAdminOf(ctx.user, community?.streetId))
        return failures.forbidden('只能查看本社区的统计');
      if (!community) return failures.notFound('社区');
      return ok(await communityStats(ctx.store, { ...ctx.loaded, community }));
    },
  }),
};
