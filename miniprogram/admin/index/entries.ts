// The entries of 城市管理, each for the roles that may use it.
import type { Role } from '../../../typings/api';
import { GRANTER_ROLES, OVERSEER_ROLES } from '../shared';

export interface AdminEntry {
  title: string;
  description: string;
  url: string;
  roles: readonly Role[];
}

export const ADMIN_ENTRIES: AdminEntry[] = [
  {
    title: '工作概览',
    description: '志愿者占比、业委会党员占比、小区党组织覆盖、诉求与物业',
    url: '/admin/overview/index',
    roles: OVERSEER_ROLES,
  },
  { title: '街道、社区与小区', description: '新建或导入表格', url: '/admin/structure/index', roles: OVERSEER_ROLES },
  { title: '物业服务企业', description: '登记企业，为小区指定物业', url: '/admin/firms/index', roles: OVERSEER_ROLES },
  { title: '社区规则', description: '办理时限、评价权重、目标比例等', url: '/admin/rules/index', roles: OVERSEER_ROLES },
  { title: '邀请授权', description: '生成邀请码，分享给对方', url: '/admin/invite/index', roles: GRANTER_ROLES },
  { title: '撤销角色', description: '撤销下级人员的角色', url: '/admin/revoke/index', roles: GRANTER_ROLES },
];

/** The entries someone with these roles may use. */
export function adminEntriesFor(roles: readonly Role[]): AdminEntry[] {
  return ADMIN_ENTRIES.filter((e) => e.roles.some((r) => roles.includes(r)));
}
