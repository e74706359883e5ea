/** Roles a user can hold (API.md §2). */
export type Role = 'resident' | 'rc_staff' | 'oc_member' | 'property_staff' | 'party_org' | 'admin' | 'street_admin' | 'compound_party';
export const ROLES = [
  'resident',
  'rc_staff',
  'oc_member',
  'property_staff',
  'party_org',
  'admin',
  'street_admin',
  'compound_party',
] as const satisfies readonly Role[];

/** The three parties of the tripartite mechanism (三方联动). */
export type Party = 'residents_committee' | 'owners_committee' | 'property';
export const PARTIES = ['residents_committee', 'owners_committee', 'property'] as const satisfies readonly Party[];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  rc_staff: '居委会工作人员',
  oc_member: '业委会成员',
  property_staff: '物业工作人员',
  party_org: '社区党组织',
  admin: '平台管理员',
  street_admin: '街道工作人员',
  compound_party: '小区党组织成员',
};

export const PARTY_LABELS: Record<Party, string> = {
  residents_committee: '居委会',
  owners_committee: '业委会',
  property: '物业服务企业',
};

/** Account states. */
export type UserStatus = 'pending' | 'active' | 'disabled';
export const USER_STATUSES = ['pending', 'active', 'disabled'] as const satisfies readonly UserStatus[];

/** A member's account state as staff read it in the review list (待审核 / 已通过 match its tabs). */
export const MEMBER_STATUS_LABELS: Record<UserStatus, string> = { pending: '待审核', active: '已通过', disabled: '已停用' };
