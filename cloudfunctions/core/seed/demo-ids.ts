/** Fixed ids of the demo data (API.md §4), shared by the seed, tests and docs. */
export const DEMO = {
  communityId: 'cm_hongxing',
  compound1: 'cp_jiangjin',
  compound2: 'cp_wanshou',
  firm1: 'f_chuyun',
  firm2: 'f_jinghua',
  street1: 'st_shengli',
  /** The second street, with a second community whose compound firm2 also serves. */
  street2: 'st_zhongshan',
  community2: 'cm_wenhua',
  compound3: 'cp_taihu',
} as const;

/** The demo owners' motions of the first compound: one open for voting, one closed with its result. */
export const DEMO_MOTIONS = { open: 'mo_demo_pipes', closed: 'mo_demo_covenant' } as const;

/** The demo accounts: openid → who. */
export const DEMO_ACCOUNTS = [
  { openid: 'demo-admin', who: 'admin 平台管理员' },
  { openid: 'demo-party', who: 'party_org 社区党组织' },
  { openid: 'demo-rc', who: 'rc_staff 居委会工作人员' },
  { openid: 'demo-oc', who: 'oc_member 业委会成员（江津花园，党员）' },
  { openid: 'demo-property', who: 'property_staff 物业工作人员（楚韵物业，服务江津花园）' },
  { openid: 'demo-resident', who: 'resident 居民（江津花园）' },
  { openid: 'demo-volunteer', who: 'resident 居民（江津花园）+ 志愿者' },
  { openid: 'demo-street', who: 'street_admin 街道工作人员（胜利街道）' },
  { openid: 'demo-cparty', who: 'compound_party 小区党组织成员（江津花园）' },
  { openid: 'demo-cadre', who: '下沉党员（市住建局，已到红星社区报到）' },
] as const;
