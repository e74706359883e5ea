import { maskPhone } from '../../domain/phone';
import { MEMBER_STATUS_LABELS, type Role } from '../../domain/roles';
import { DuplicateKeyError, type Filter, whole } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { approvedMessage } from '../messages/events';
import { audit } from '../audit';
import { updateUserCounted } from '../admin/counters';
import { isAdmin, isCommunityStaff } from '../auth';
import { SCOPE_LEVEL } from '../../domain/role-grants';
import { isStreetAdminOfCommunity, type RoleGrant } from '../scope';
import { grantFor, mayGrantIn, resolveScope } from './granting';
import { listHolders, syncHolders, type HolderView } from './holders';
import { invitationActions } from './invitations';
import { COMPOUNDS, type CompoundDoc } from '../community/community';
import { decodeKeyset, keysetAfter, keysetPage, type Page } from '../schemas';
import { fail, failures, ok, type Result } from '../result';
import { approveInput, grantRoleInput, listMembersInput, registerInput, whoamiInput } from './schemas';
import { MEMBER_ROLE_FILTERS, MEMBER_STATUS_TABS, roleLabels, selfView, USERS, type UserDoc } from './user';
import { FORM_OPTIONS } from './options';

/** A member as staff see them: phone masked, no OPENID. */
export interface MemberView {
  userId: string;
  name: string;
  phoneMasked: string;
  status: UserDoc['status'];
  /** The status in words (待审核 / 已通过 / 已停用). */
  statusLabel: string;
  roles: Role[];
  /** The roles' names, in the order of `roles`. */
  roleLabels: string[];
  compoundId: string;
  building: string;
  room: string;
  isPartyMember: boolean;
  firmId: string | null;
  createdAt: string;
}

/** account.listMembers answer (not `holders`): a page of members and the roles the list may be filtered by. */
export interface MemberPage extends Page<MemberView> {
  roleFilters: ReadonlyArray<{ role: Role; label: string }>;
  /** The two lists the page switches between (待审核, 已通过), named. */
  statusTabs: ReadonlyArray<{ value: 'pending' | 'active'; label: string }>;
}

function memberView(u: UserDoc): MemberView {
  return {
    userId: u._id,
    name: u.name,
    phoneMasked: maskPhone(u.phone),
    status: u.status,
    statusLabel: MEMBER_STATUS_LABELS[u.status],
    roles: u.roles,
    roleLabels: roleLabels(u.roles),
    compoundId: u.compoundId,
    building: u.building,
    room: u.room,
    isPartyMember: u.isPartyMember,
    firmId: u.firmId ?? null,
    createdAt: u.createdAt,
  };
}

/** account: registration, approval, roles and members. */
export const accountActions: ActionMap = {
  whoami: defineAction({
    summary: '当前用户',
    access: 'identified',
    input: whoamiInput,
    run: async (_input, ctx) => ok({ openid: ctx.openid, user: ctx.user ? selfView(ctx.user) : null, options: FORM_OPTIONS }),
  }),

  register: defineAction({
    summary: '居民注册（待审核）',
    access: 'identified',
    input: registerInput,
    run: async (input, ctx) => {
      if (ctx.user) return fail('CONFLICT', '您已注册，无需重复注册', 'ALREADY_REGISTERED');
      const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, input.compoundId);
      if (!compound || compound.communityId !== input.communityId) return failures.notFound('小区');
      const now = ctx.clock.now().toISOString();
      const user: UserDoc = {
        _id: ctx.callerId,
        openid: ctx.openid,
        name: input.name,
        phone: input.phone,
        communityId: input.communityId,
        compoundId: input.compoundId,
        building: input.building,
        room: input.room,
        status: 'pending',
        roles: [],
        isPartyMember: input.isPartyMember ?? false,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await ctx.store.insert(USERS, user);
      } catch (err) {
        if (err instanceof DuplicateKeyError) return fail('CONFLICT', '您已注册，无需重复注册', 'ALREADY_REGISTERED');
        throw err;
      }
      await audit({ ...ctx, user }, 'account.register', 'user', user._id);
      return ok(selfView(user));
    },
  }),

  approve: defineAction({
    summary: '审核通过居民注册',
    access: 'active',
    input: approveInput,
    run: async (input, ctx) => {
      const target = await ctx.store.get<UserDoc>(USERS, input.userId);
      if (!target) return failures.notFound('用户');
      if (!isCommunityStaff(ctx.user, target.communityId)) return failures.forbidden('只能审核本社区的居民');
      if (target.status !== 'pending') return fail('INVALID_STATE', '该用户不在待审核状态', 'NOT_PENDING');
      const roles: Role[] = target.roles.includes('resident') ? target.roles : [...target.roles, 'resident'];
      // The approval and the applicant's message are one transaction: both or neither.
      const updated = await ctx.store.transaction(async (tx) => {
        const done = await updateUserCounted(
          tx,
          target,
          { ...target, status: 'active', roles },
          { $set: { status: 'active', roles, updatedAt: ctx.clock.now().toISOString() } },
          { status: 'pending' },
        );
        // Its audit entry too: a crash after the commit cannot lose it.
        if (done)
          await Promise.all([
            ctx.notifier.sendIn(tx, approvedMessage(target._id)),
            audit({ ...ctx, store: tx }, 'account.approve', 'user', target._id),
          ]);
        return done;
      });
      if (!updated) return fail('INVALID_STATE', '该用户不在待审核状态', 'NOT_PENDING');
      return ok(memberView({ ...target, status: 'active', roles }));
    },
  }),

  grantRole: defineAction({
    summary: '授予角色',
    access: 'active',
    input: grantRoleInput,
    run: async (input, ctx) => {
      const target = await ctx.store.get<UserDoc>(USERS, input.userId);
      if (!target) return failures.notFound('用户');
      // The role's scope is the target's own community, compound or (for property staff) the firm named.
      const level = SCOPE_LEVEL[input.role];
      const scopeId =
        level === 'community' ? target.communityId : level === 'compound' ? target.compoundId : level === 'firm' ? input.firmId : null;
      const scope = scopeId ? await resolveScope(ctx, input.role, scopeId) : null;
      if (!isAdmin(ctx.user) && !(scope && (await mayGrantIn(ctx, ctx.user, input.role, scope)))) {
        return failures.forbidden(level === 'compound' ? '只能为本社区居民授予该角色' : '没有授予该角色的权限');
      }
      if (target.status !== 'active') return fail('INVALID_STATE', '该用户尚未通过审核', 'ACCOUNT_NOT_ACTIVE');
      if (level === 'firm' && !scope) return failures.notFound('物业企业');
      if (target.roles.includes(input.role) && (input.role !== 'property_staff' || target.firmId === input.firmId)) {
        return fail('CONFLICT', '该用户已拥有此角色', 'ROLE_ALREADY_GRANTED');
      }
      const roles: Role[] = target.roles.includes(input.role) ? target.roles : [...target.roles, input.role];
      const set: Record<string, unknown> = { roles, updatedAt: ctx.clock.now().toISOString() };
      if (input.firmId) set.firmId = input.firmId;
      if (scope && target.grants) {
        const grant = grantFor(input.role, scope);
        const others = target.grants.filter((g: RoleGrant) => !(g.role === grant.role && g.scopeId === grant.scopeId));
        set.grants = [...others, grant];
      }
      // Conditional on the roles we read, so two concurrent grants cannot drop each other's role.
      const next = { ...target, ...set } as UserDoc;
      const updated = await ctx.store.transaction(async (tx) => {
        const done = await updateUserCounted(tx, target, next, { $set: set }, { updatedAt: target.updatedAt });
        if (done)
          await Promise.all([
            syncHolders(tx, target, next, set.updatedAt as string, scope ? { scope } : {}),
            audit({ ...ctx, store: tx }, 'account.grantRole', 'user', target._id, { role: input.role, firmId: input.firmId ?? null }),
          ]);
        return done;
      });
      if (!updated) return fail('CONFLICT', '该用户信息刚被修改，请刷新后重试', 'STALE');
      return ok(memberView({ ...target, roles, firmId: input.firmId ?? target.firmId }));
    },
  }),

  listMembers: defineAction({
    summary: '社区成员列表（手机号脱敏）；holders：某街道、社区或小区的角色持有人（姓名、手机号脱敏）',
    access: 'active',
    input: listMembersInput,
    run: async (input, ctx): Promise<Result<MemberPage | Page<HolderView>>> => {
      if (input.holders) return listHolders(ctx, input);
      if (!input.communityId) return failures.notFound('社区');
      if (!isCommunityStaff(ctx.user, input.communityId) && !(await isStreetAdminOfCommunity(ctx, ctx.user, input.communityId)))
        return failures.forbidden('只能查看本社区的成员');
      const filter: Filter = { communityId: input.communityId };
      if (input.status) filter.status = input.status;
      if (input.role) filter.roles = { $contains: input.role };
      // The review queue is first come, first served; other lists show the newest first.
      const direction = input.status === 'pending' ? 'asc' : 'desc';
      const limit = input.limit ?? 20;
      const after = decodeKeyset(input.cursor);
      const rows = await ctx.store.find<UserDoc>(USERS, after ? { $and: [filter, keysetAfter('createdAt', after, direction)] } : filter, {
        orderBy: [
          ['createdAt', direction],
          ['_id', direction],
        ],
        limit: whole(limit + 1),
      });
      return ok({ ...keysetPage(rows, limit, 'createdAt', memberView), roleFilters: MEMBER_ROLE_FILTERS, statusTabs: MEMBER_STATUS_TABS });
    },
  }),

  ...invitationActions,
};
