// 我带领的服务队 (outreach.myTeams): in the main package, so 我的 can show its entry to a team's
// leader; the outreach pages use it too.
import type { ApiResult } from '../../typings/api';
import type { OutreachReason } from '../../cloudfunctions/core/app/outreach/reasons';
import type { TeamItem } from '../../cloudfunctions/core/app/outreach/views';
import { call } from './transport';

/** The teams the caller leads now (empty for most people). */
export function myTeams(): Promise<ApiResult<TeamItem[], OutreachReason>> {
  return call<TeamItem[], OutreachReason>('outreach', 'myTeams');
}
