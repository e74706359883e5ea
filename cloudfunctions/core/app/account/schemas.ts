import * as z from 'zod/mini';
import { ROLES, USER_STATUSES } from '../../domain/roles';
import { id, line, paging, phone, strict } from '../fields';

export const registerInput = strict({
  name: line(20),
  phone,
  communityId: id,
  compoundId: id,
  building: line(20),
  room: line(20),
  isPartyMember: z.optional(z.boolean()),
});

export const approveInput = strict({ userId: id });

export const grantRoleInput = strict({
  userId: id,
  role: z.enum(ROLES),
  firmId: z.optional(id),
}).check(
  z.superRefine((v, issue) => {
    // A property-staff member belongs to one firm; no other role has one.
    if (v.role === 'property_staff' && !v.firmId)
      issue.addIssue({ code: 'custom', path: ['firmId'], message: '物业工作人员需指定所属物业企业' });
    if (v.role !== 'property_staff' && v.firmId)
      issue.addIssue({ code: 'custom', path: ['firmId'], message: '只有物业工作人员需要指定物业企业' });
    // A street has no user to read it from: street staff are invited for a named street (account.invite).
    if (v.role === 'street_admin') issue.addIssue({ code: 'custom', path: ['role'], message: '街道工作人员须通过邀请码授予' });
  }),
);

export const listMembersInput = strict({
  communityId: z.optional(id),
  /** With `holders`: the street (or community, compound) whose role holders to list. */
  streetId: z.optional(id),
  compoundId: z.optional(id),
  /** Every holder of a role the caller may revoke in the place, member there or not (RULES.md §9). */
  holders: z.optional(z.boolean()),
  status: z.optional(z.enum(USER_STATUSES)),
  role: z.optional(z.enum(ROLES)),
  ...paging,
}).check(
  z.superRefine((v, issue) => {
    const places = [v.streetId, v.communityId, v.compoundId].filter((p) => p !== undefined).length;
    if (v.holders) {
      if (places !== 1) issue.addIssue({ code: 'custom', path: ['streetId'], message: '请指定一个街道、社区或小区' });
      if (v.status) issue.addIssue({ code: 'custom', path: ['status'], message: '角色持有人列表不按状态筛选' });
      return;
    }
    if (!v.communityId) issue.addIssue({ code: 'custom', path: ['communityId'], message: '请指定社区' });
    if (v.streetId || v.compoundId)
      issue.addIssue({ code: 'custom', path: [v.streetId ? 'streetId' : 'compoundId'], message: '成员列表按社区查看' });
  }),
);

export const whoamiInput = strict({});

export type RegisterInput = z.infer<typeof registerInput>;
export type GrantRoleInput = z.infer<typeof grantRoleInput>;
export type ListMembersInput = z.infer<typeof listMembersInput>;
