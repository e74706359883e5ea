// community: the communities and their figures (API.md §5).
import type { CommunityReason } from '../../cloudfunctions/core/app/community/reasons';
import type { ApiResult, CommunityListItem, CommunityStats, ListCommunitiesInput as ListInput, StreetListItem } from '../../typings/api';
import { functionCaller } from './transport';

/** An answer of the community function. */
export type Result<T> = ApiResult<T, CommunityReason>;

const communityCall = functionCaller<CommunityReason>('community');

/**
 * 获取社区与小区列表: the caller's own community (`{ mine: true }`, none before registering), one
 * community (`{ communityId }`), the communities of a street (`{ streetId }`, a picker's second
 * step), or every community of the city.
 */
export function list(which: ListInput = {}): Promise<Result<CommunityListItem[]>> {
  return communityCall('list', which);
}

/** 获取街道列表: the first step of choosing a community (街道 → 社区 → 小区). */
export function streets(): Promise<Result<StreetListItem[]>> {
  return communityCall('streets', {});
}

/** 获取社区统计（志愿者占比、业委会党员占比、诉求指标） */
export function stats(communityId: string): Promise<Result<CommunityStats>> {
  return communityCall('stats', { communityId });
}
