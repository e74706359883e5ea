import { maskPhone } from '../../domain/phone';
import { MEMBER_STATUS_LABELS, type Role } from '../../domain/roles';
import { DuplicateKeyError, type DocumentOps, type Filter, type Store, whole } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { approvedMessage } from '../messages/events';
import { audit, auditedChange } from '../audit';
import { isAdmin, isCommunityStaff, isFailure } from '../auth';
import { SCOPE_LEVEL } from '../../domain/role-grants';
import { isStreetAdminOfCommunity, type RoleGrant } from '../scope';
import { grantFor, mayGrantIn, resolveScope, type ResolvedScope } from './granting';
import { listHolders, placeOf, type HolderView } from './holders';
import { invitationActions } from './invitations';
import { COMPOUNDS, type CompoundDoc } from '../community/community';
import { decodeKeyset, keysetAfter, keysetPage, type Page } from '../schemas';
import { fail, failures, ok, type Failure, type Result } from '../result';
import { Writes } from '../volunteer/seat-writes';
import { changed, decidedChange, issueUserChange, stale } from './user-change';
import { approveInput, grantRoleInput, listMembersInput, registerInput, whoamiInput, type ListMembersInput } from './schemas';
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

/** A page of a community's members as the input filters them (read before the caller's access is known). */
async function membersPage(store: Store, input: ListMembersInput): Promise<Page<MemberView>> {
  const filter: Filter = { communityId: input.communityId ?? '' };
  if (input.status) filter.status = input.status;
  if (input.role) filter.roles = { $contains: input.role };
  // The review queue is first come, first served; other lists show the newest first.
  const direction = input.status === 'pending' ? 'asc' : 'desc';
  const limit = input.limit ?? 20;
  const after = decodeKeyset(input.cursor);
  const rows = await store.find<UserDoc>(USERS, after ? { $and: [filter, keysetAfter('createdAt', after, direction)] } : filter, {
    orderBy: [
      ['createdAt', direction],
      ['_id', direction],
    ],
    limit: whole(limit + 1),
  });
  return keysetPage(rows, limit, 'createdAt', memberView);
}

const notPending = (): Failure => fail('INVALID_STATE', '该用户不在待审核状态', 'NOT_PENDING');

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
    // The compound (from the input) in the caller's round: the address is checked on it.
    load: (input, { store }) => store.get<CompoundDoc>(COMPOUNDS, input.compoundId),
    run: async (input, ctx) => {
      if (ctx.user) return fail('CONFLICT', '您已注册，无需重复注册', 'ALREADY_REGISTERED');
      const compound = ctx.loaded;
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
      // The registration and its audit entry (by the newcomer), in one write: a second one rolls both back.
      try {
        await auditedChange({ ...ctx, user }, { action: 'account.register', targetType: 'user', targetId: user._id }, (tx) => [
          tx.insert(USERS, user),
        ]);
      } catch (err) {
        if (err instanceof DuplicateKeyError) return fail('CONFLICT', '您已注册，无需重复注册', 'ALREADY_REGISTERED');
        throw err;
      }
      return ok(selfView(user));
    },
  }),

  approve: defineAction({
    summary: '审核通过居民注册',
    access: 'active',
    input: approveInput,
    // The applicant (from the input) in the caller's round: the approval is decided on it.
    load: (input, { store }) => store.get<UserDoc>(USERS, input.userId),
    run: async (input, ctx) => {
      // The approval, the applicant's message, the counters and the audit entry: one transaction, all or none.
      const approval = async (tx: DocumentOps, target: UserDoc | null): Promise<MemberView | Failure> => {
        if (!target) return failures.notFound('用户');
        if (!isCommunityStaff(ctx.user, target.communityId)) return failures.forbidden('只能审核本社区的居民');
        if (target.status !== 'pending') return notPending();
        const roles: Role[] = target.roles.includes('resident') ? target.roles : [...target.roles, 'resident'];
        const at = ctx.clock.now().toISOString();
        const set: Partial<UserDoc> = { status: 'active', roles, updatedAt: at };
        const after = changed(target, set);
        const writes = new Writes();
        issueUserChange(tx, writes, { before: target, set, after, where: { status: 'pending' }, at });
        writes.add(
          ctx.notifier.sendIn(tx, approvedMessage(target._id)),
          audit({ ...ctx, store: tx }, 'account.approve', 'user', target._id),
        );
        await writes.settle();
        return memberView(after);
      };
      const r = await decidedChange(ctx.store, ctx.loaded, (tx) => tx.get<UserDoc>(USERS, input.userId), approval, notPending);
      return isFailure(r) ? r : ok(r);
    },
  }),

  grantRole: defineAction({
    summary: '授予角色',
    access: 'active',
    input: grantRoleInput,
    // The user and, for property staff, the firm named (ids from the input), in the caller's round;
    // the store's own call first, so one failing at once leaves no read unhandled (resolveScope is async).
    load: (input, { store }) =>
      Promise.all([store.get<UserDoc>(USERS, input.userId), input.firmId ? resolveScope({ store }, input.role, input.firmId) : null]),
    run: async (input, ctx) => {
      const [target, firm] = ctx.loaded;
      if (!target) return failures.notFound('用户');
      // The role's scope is the target's own community, compound or (for property staff) the firm named.
      const level = SCOPE_LEVEL[input.role];
      const scopeIdOf = (u: UserDoc) =>
        level === 'community' ? u.communityId : level === 'compound' ? u.compoundId : level === 'firm' ? input.firmId : null;
      const scopeId = scopeIdOf(target);
      const scope = level === 'firm' ? firm : scopeId ? await resolveScope(ctx, input.role, scopeId) : null;
      if (!isAdmin(ctx.user) && !(scope && (await mayGrantIn(ctx, ctx.user, input.role, scope)))) {
        return failures.forbidden(level === 'compound' ? '只能为本社区居民授予该角色' : '没有授予该角色的权限');
      }
      if (level === 'firm' && !scope) return failures.notFound('物业企业');
      const streets = scope?.communityId && scope.streetId ? { [scope.communityId]: scope.streetId } : {};
      const granting = async (tx: DocumentOps, current: UserDoc | null): Promise<MemberView | Failure> => {
        if (!current) return failures.notFound('用户');
        if (scopeIdOf(current) !== scopeId) return stale();
        if (current.status !== 'active') return fail('INVALID_STATE', '该用户尚未通过审核', 'ACCOUNT_NOT_ACTIVE');
        if (current.roles.includes(input.role) && (input.role !== 'property_staff' || current.firmId === input.firmId)) {
          return fail('CONFLICT', '该用户已拥有此角色', 'ROLE_ALREADY_GRANTED');
        }
        const at = ctx.clock.now().toISOString();
        const roles: Role[] = current.roles.includes(input.role) ? current.roles : [...current.roles, input.role];
        const set: Partial<UserDoc> = { roles, updatedAt: at };
        if (input.firmId) set.firmId = input.firmId;
        if (scope && current.grants) {
          const grant = grantFor(input.role, scope);
          set.grants = [...current.grants.filter((g: RoleGrant) => !(g.role === grant.role && g.scopeId === grant.scopeId)), grant];
        }
        const after = changed(current, set);
        const writes = new Writes();
        issueUserChange(tx, writes, { before: current, set, after, at, ...(scope ? { scope } : {}), streets });
        writes.add(
          audit({ ...ctx, store: tx }, 'account.grantRole', 'user', current._id, { role: input.role, firmId: input.firmId ?? null }),
        );
        await writes.settle();
        return memberView(after);
      };
      // Guarded by the record it was decided on, so two grants at once cannot drop each other's role.
      const r = await decidedChange(ctx.store, target, (tx) => tx.get<UserDoc>(USERS, input.userId), granting);
      return isFailure(r) ? r : ok(r);
    },
  }),

  listMembers: defineAction({
    summary: '社区成员列表（手机号脱敏）；holders：某街道、社区或小区的角色持有人（姓名、手机号脱敏）',
    access: 'active',
    input: listMembersInput,
    // The page (its filter comes from the input) or the holders' place, in the caller's round;
    // nothing of it is answered before the caller's access is checked.
    load: (input, { store }): Promise<{ place: ResolvedScope | null } | Page<MemberView>> =>
      input.holders ? placeOf({ store }, input).then((place) => ({ place })) : membersPage(store, input),
    run: async (input, ctx): Promise<Result<MemberPage | Page<HolderView>>> => {
      const loaded = ctx.loaded;
      if ('place' in loaded) return listHolders(ctx, input, loaded.place);
      if (!input.communityId) return failures.notFound('社区');
      if (!isCommunityStaff(ctx.user, input.communityId) && !(await isStreetAdminOfCommunity(ctx, ctx.user, input.communityId)))
        return failures.forbidden('只能查看本社区的成员');
      return ok({ ...loaded, roleFilters: MEMBER_ROLE_FILTERS, statusTabs: MEMBER_STATUS_TABS });
    },
  }),

  ...invitationActions,
};
