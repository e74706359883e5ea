import { randomInt } from 'node:crypto';
import * as z from 'zod/mini';
import { INVITABLE_ROLES, INVITATION_DAYS } from '../../domain/role-grants';
import { ROLE_LABELS, ROLES, type Role } from '../../domain/roles';
import { DuplicateKeyError, type Doc } from '../../ports/store';
import { defineAction } from '../action';
import { audit } from '../audit';
import { bumpForUser, updateUserCounted, userFacts } from '../admin/counters';
import { checkTexts } from '../content';
import { fail, failures, ok, type Failure } from '../result';
import { grantsOf, type RoleGrant } from '../scope';
import { id, line, strict } from '../schemas';
import { grantFor, mayGrantIn, resolveScope, type ResolvedScope } from './granting';
import { syncHolders } from './holders';
import { selfView, USERS, type UserDoc } from './user';

export const INVITATIONS = 'invitations';

/** A one-time invitation code (`_id`) for a role in a scope, valid INVITATION_DAYS days. */
export interface InvitationDoc extends Doc {
  role: Role;
  scope: ResolvedScope;
  issuedBy: string;
  createdAt: string;
  expiresAt: string;
  redeemedBy: string | null;
  redeemedAt: string | null;
}

/** Letters and digits that cannot be misread (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE = /^[A-HJKMNP-Z2-9]{8}$/;

function newCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export const inviteInput = strict({ role: z.enum(INVITABLE_ROLES), scopeId: id });
export const redeemInput = strict({
  code: z.string().check(z.trim(), z.toUpperCase(), z.regex(CODE, '邀请码为 8 位字母和数字')),
  /** The name to show when the account is new; an existing account keeps its own. */
  name: z.optional(line(20)),
});
export const revokeRoleInput = strict({ userId: id, role: z.enum(ROLES), scopeId: id });

const sameGrant = (a: RoleGrant, b: RoleGrant) => a.role === b.role && a.scopeId === b.scopeId;

/** Thrown inside a transaction to roll it back with an expected failure. */
class Abort extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
  }
}

/** account: roles by one-time invitation, and their revocation (RULES.md §9). */
export const invitationActions = {
  invite: defineAction({
    summary: '生成角色邀请码（一次有效，7 天内）',
    access: 'active',
    input: inviteInput,
    run: async (input, ctx) => {
      const scope = await resolveScope(ctx, input.role, input.scopeId);
      if (!scope) return failures.notFound('授权范围');
      if (!(await mayGrantIn(ctx, ctx.user, input.role, scope))) return failures.forbidden('只能由上一级为其管辖范围授予该角色');
      const now = ctx.clock.now();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
      for (let attempt = 0; attempt < 5; attempt++) {
        const doc: InvitationDoc = {
          _id: newCode(),
          role: input.role,
          scope,
          issuedBy: ctx.user._id,
          createdAt: now.toISOString(),
          expiresAt,
          redeemedBy: null,
          redeemedAt: null,
        };
        try {
          await ctx.store.insert(INVITATIONS, doc);
        } catch (err) {
          if (err instanceof DuplicateKeyError) continue;
          throw err;
        }
        await audit(ctx, 'account.invite', 'invitation', doc._id, { role: doc.role, scopeId: scope.scopeId });
        return ok({
          code: doc._id,
          role: doc.role,
          roleLabel: ROLE_LABELS[doc.role],
          scopeId: scope.scopeId,
          scopeName: scope.name,
          expiresAt,
        });
      }
      return failures.internal();
    },
  }),

  redeem: defineAction({
    summary: '使用邀请码获得角色（无需居民注册）',
    access: 'identified',
    input: redeemInput,
    run: async (input, ctx) => {
      const inv = await ctx.store.get<InvitationDoc>(INVITATIONS, input.code);
      if (!inv) return fail('NOT_FOUND', '邀请码不存在', 'INVITATION_NOT_FOUND');
      const now = ctx.clock.now();
      const at = now.toISOString();
      if (inv.redeemedBy) return fail('CONFLICT', '该邀请码已被使用', 'INVITATION_USED');
      if (now.getTime() >= Date.parse(inv.expiresAt))
        return fail('INVALID_STATE', '该邀请码已过期，请联系对方重新生成', 'INVITATION_EXPIRED');
      const refused = await checkTexts(ctx, [input.name]);
      if (refused) return refused;
      const grant = grantFor(inv.role, inv.scope);
      const userId = ctx.callerId;
      try {
        const user = await ctx.store.transaction(async (tx) => {
          const current = await tx.get<UserDoc>(USERS, userId);
          if (current && grantsOf(current).some((g) => sameGrant(g, grant)))
            throw new Abort(fail('CONFLICT', '您已拥有该角色', 'ROLE_ALREADY_GRANTED'));
          if (current && inv.role === 'property_staff' && current.firmId && current.firmId !== inv.scope.firmId)
            throw new Abort(fail('CONFLICT', '您已是另一家物业企业的工作人员', 'OTHER_FIRM'));
          // Single use, by the database: only the first conditional update finds it unredeemed.
          // The audit entry is written beside it, in the transaction: an aborted redemption leaves none.
          const [redeemed] = await Promise.all([
            tx.update(INVITATIONS, inv._id, { $set: { redeemedBy: userId, redeemedAt: at } }, { redeemedBy: null }),
            audit({ clock: ctx.clock, user: { _id: userId }, store: tx }, 'account.redeem', 'user', userId, {
              code: inv._id,
              role: inv.role,
              scopeId: inv.scope.scopeId,
              issuedBy: inv.issuedBy,
            }),
          ]);
          if (!redeemed) throw new Abort(fail('CONFLICT', '该邀请码已被使用', 'INVITATION_USED'));
          if (current) {
            const set: Partial<UserDoc> = {
              roles: current.roles.includes(inv.role) ? current.roles : [...current.roles, inv.role],
              grants: [...grantsOf(current), grant],
              updatedAt: at,
            };
            if (inv.scope.firmId) set.firmId = inv.scope.firmId;
            const next = { ...current, ...set } as UserDoc;
            await updateUserCounted(tx, current, next, { $set: set });
            await syncHolders(tx, current, next, at, { scope: inv.scope });
            return next;
          }
          const fresh: UserDoc = {
            _id: userId,
            openid: ctx.openid,
            name: input.name ?? ROLE_LABELS[inv.role],
            phone: '',
            communityId: inv.scope.communityId ?? '',
            compoundId: inv.scope.compoundId ?? '',
            building: '',
            room: '',
            status: 'active',
            roles: [inv.role],
            grants: [grant],
            isPartyMember: inv.role === 'compound_party' || inv.role === 'party_org',
            createdAt: at,
            updatedAt: at,
          };
          if (inv.scope.firmId) fresh.firmId = inv.scope.firmId;
          await tx.insert(USERS, fresh);
          // The scope names the community's street: no read for its totals.
          const { communityId, streetId } = inv.scope;
          await bumpForUser(tx, null, userFacts(fresh, null), { streets: communityId && streetId ? { [communityId]: streetId } : {} });
          await syncHolders(tx, null, fresh, at, { scope: inv.scope });
          return fresh;
        });
        return ok({
          role: inv.role,
          roleLabel: ROLE_LABELS[inv.role],
          scopeId: inv.scope.scopeId,
          scopeName: inv.scope.name,
          user: selfView(user),
        });
      } catch (err) {
        if (err instanceof Abort) return err.failure;
        throw err;
      }
    },
  }),

  revokeRole: defineAction({
    summary: '撤销角色',
    access: 'active',
    input: revokeRoleInput,
    run: async (input, ctx) => {
      const scope = await resolveScope(ctx, input.role, input.scopeId);
      if (!scope) return failures.notFound('授权范围');
      if (!(await mayGrantIn(ctx, ctx.user, input.role, scope))) return failures.forbidden('只能由上一级撤销其管辖范围内的角色');
      const target = await ctx.store.get<UserDoc>(USERS, input.userId);
      const held = target ? grantsOf(target) : [];
      const revoked = held.find((g) => g.role === input.role && g.scopeId === input.scopeId);
      if (!target || !revoked) return fail('NOT_FOUND', '该用户在此范围内没有该角色', 'ROLE_NOT_HELD');
      const grants = held.filter((g) => !sameGrant(g, revoked));
      const roles = grants.some((g) => g.role === input.role) ? target.roles : target.roles.filter((r) => r !== input.role);
      const at = ctx.clock.now().toISOString();
      // Conditional on the record as read, so a concurrent grant is not lost.
      const set = { roles, grants, updatedAt: at };
      const written = await ctx.store.transaction(async (tx) => {
        const done = await updateUserCounted(tx, target, { ...target, ...set }, { $set: set }, { updatedAt: target.updatedAt });
        if (done)
          await Promise.all([
            syncHolders(tx, target, { ...target, ...set }, at),
            audit({ ...ctx, store: tx }, 'account.revokeRole', 'user', target._id, { role: input.role, scopeId: input.scopeId }),
          ]);
        return done;
      });
      if (!written) return fail('CONFLICT', '该用户信息刚被修改，请刷新后重试', 'STALE');
      return ok({ userId: target._id, roles, grants });
    },
  }),
};
