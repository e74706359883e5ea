// community: the communities and their figures (API.md §5).
import type { ApiResult, CommunityListItem, CommunityStats } from '../../typings/api';
import { call } from './transport';

/** 获取社区与小区列表 */
export function list(): Promise<ApiResult<CommunityListItem[]>> {
  return call<CommunityListItem[]>('community', 'list');
}

/** 获取社区统计（志愿者占比、业委会党员占比、诉求指标） */
export function stats(communityId: string): Promise<ApiResult<CommunityStats>> {
  return call<CommunityStats>('community', 'stats', { communityId });
}
