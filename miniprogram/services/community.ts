// community: the communities and their figures (API.md §5).
import type { CommunityReason } from '../../cloudfunctions/core/app/community/reasons';
import type { ApiResult, CommunityListItem, CommunityStats } from '../../typings/api';
import { call } from './transport';

/** An answer of the community function. */
export type Result<T> = ApiResult<T, CommunityReason>;

/** 获取社区与小区列表 */
export function list(): Promise<Result<CommunityListItem[]>> {
  return call<CommunityListItem[], CommunityReason>('community', 'list');
}

/** 获取社区统计（志愿者占比、业委会党员占比、诉求指标） */
export function stats(communityId: string): Promise<Result<CommunityStats>> {
  return call<CommunityStats, CommunityReason>('community', 'stats', { communityId });
}
