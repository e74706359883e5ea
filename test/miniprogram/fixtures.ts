// Backend answers shaped like the demo seed (API.md §4), for the page tests.
import type { ApiResult, CommunityListItem, SelfView, WhoAmI } from '../../typings/api';
import { invitableBy, roleLabels } from '../../cloudfunctions/core/app/account/user';
import { FORM_OPTIONS } from '../../cloudfunctions/core/app/account/options';

export const COMMUNITIES: CommunityListItem[] = [
  {
    communityId: 'cm_hongxing',
    name: '红星社区',
    district: '荆州市沙市区胜利街道',
    streetId: 'st_shengli',
    compounds: [
      { compoundId: 'cp_jiangjin', name: '江津花园', firmId: 'f_chuyun', firmName: '荆州楚韵物业服务有限公司' },
      { compoundId: 'cp_wanshou', name: '万寿园小区', firmId: 'f_jinghua', firmName: '荆州荆华物业管理有限公司' },
    ],
  },
  {
    communityId: 'cm_wenhua',
    name: '文化社区',
    district: '荆州市沙市区中山街道',
    streetId: 'st_zhongshan',
    compounds: [{ compoundId: 'cp_taihu', name: '太湖港小区', firmId: 'f_jinghua', firmName: '荆州荆华物业管理有限公司' }],
  },
];

/** A whoami user; its role names and invitable roles are the server's for its roles and status. */
export function user(overrides: Partial<SelfView> = {}): SelfView {
  const base = {
    userId: 'u_resident',
    name: '赵志远',
    phone: '13907160006',
    status: 'active',
    roles: ['resident'],
    communityId: 'cm_hongxing',
    compoundId: 'cp_jiangjin',
    building: '6栋',
    room: '601',
    firmId: null,
    isPartyMember: false,
    grants: [{ role: 'resident', scopeId: 'cp_jiangjin', communityId: 'cm_hongxing', compoundId: 'cp_jiangjin' }],
    ...overrides,
  } satisfies Partial<SelfView>;
  return {
    ...base,
    roleLabels: overrides.roleLabels ?? roleLabels(base.roles),
    invitable: overrides.invitable ?? (base.status === 'active' ? invitableBy(base.roles) : []),
  };
}

export const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });

export const whoamiAs = (u: SelfView | null, openid = 'demo-resident'): ApiResult<WhoAmI> => ok({ openid, user: u, options: FORM_OPTIONS });

export const communityList = ok(COMMUNITIES);

export const STREETS: Array<import('../../typings/api').StreetListItem> = [
  { streetId: 'st_zhongshan', name: '中山街道', district: '荆州市沙市区' },
  { streetId: 'st_shengli', name: '胜利街道', district: '荆州市沙市区' },
];

/**
 * The street step's answers as the server gives them: community.streets, and community.list by
 * `streetId` (that street's communities), `communityId` (that one), `mine` (the demo resident's:
 * 红星社区), or none (every one).
 */
export const streetStep = {
  'community.streets': ok(STREETS),
  'community.list': (data: unknown) => {
    const { streetId, communityId, mine } = (data ?? {}) as { streetId?: string; communityId?: string; mine?: boolean };
    // The demo resident's own: 红星社区.
    if (mine) return ok(COMMUNITIES.slice(0, 1));
    if (streetId !== undefined) return ok(COMMUNITIES.filter((c) => c.streetId === streetId));
    return ok(communityId === undefined ? COMMUNITIES : COMMUNITIES.filter((c) => c.communityId === communityId));
  },
};
