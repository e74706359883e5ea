import { randomInt } from 'node:crypto';
import * as z from 'zod/mini';
import { INVITABLE_ROLES, INVITATION_DAYS } from '../../domain/role-grants';
import { ROLE_LABELS, ROLES, type Role } from '../../domain/roles';
import type { Doc, DocumentOps } from '../../ports/store';
import { defineAction } from '../action';
import { audit, auditedChange } from '../audit';
import { isFailure } from '../auth';
import { checkTexts } from '../content';
import { fail, failures, ok, type Failure } from '../result';
import { grantsOf, type RoleGrant } from '../scope';
import { id, line, strict } from '../schemas';
import { grantFor, mayGrantIn, resolveScope, type ResolvedScope } from './granting';
import { guardedChange } from '../guarded-change';
import { Writes, mustInsert, mustUpdate } from '../volunteer/seat-writes';
import { changed, decidedChange, issueUserChange, stale } from './user-change';
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

const used = (): Failure => fail('CONFLICT', '该邀请码已被使用', 'INVITATION_USED');

/** The invitation, if it may still be redeemed at `now`. */
function usable(inv: InvitationDoc | null, now: Date): InvitationDoc | Failure {
  if (!inv) return fail('NOT_FOUND', '邀请码不存在', 'INVITATION_NOT_FOUND');
  if (inv.redeemedBy) return used();
  if (now.getTime() >= Date.parse(inv.expiresAt)) return fail('INVALID_STATE', '该邀请码已过期，请联系对方重新生成', 'INVITATION_EXPIRED');
  return inv;
}

/** What a redemption is decided on: the invitation and the caller's record. */
type RedeemState = [InvitationDoc | null, UserDoc | null];

/** The account an invitation makes for someone who has none: active, with the role only. */
function newcomer(ctx: { callerId: string; openid: string }, inv: InvitationDoc, name: string | undefined, at: string): UserDoc {
  const fresh: UserDoc = {
    _id: ctx.callerId,
    openid: ctx.openid,
    name: name ?? ROLE_LABELS[inv.role],
    phone: '',
    communityId: inv.scope.communityId ?? '',
    compoundId: inv.scope.compoundId ?? '',
    building: '',
    room: '',
    status: 'active',
    roles: [inv.role],
    grants: [grantFor(inv.role, inv.scope)],
    isPartyMember: inv.role === 'compound_party' || inv.role === 'party_org',
    createdAt: at,
    updatedAt: at,
  };
  if (inv.scope.firmId) fresh.firmId = inv.scope.firmId;
  return fresh;
}

/** account: roles by one-time invitation, and their revocation (RULES.md §9). */
export const invitationActions = {
  invite: defineAction({
    summary: '生成角色邀请码（一次有效，7 天内）',
    access: 'active',
    input: inviteInput,
    // The scope (from the input) in the caller's round.
    load: (input, { store }) => resolveScope({ store }, input.role, input.scopeId),
    run: async (input, ctx) => {
      const scope = ctx.loaded;
      if (!scope) return failures.notFound('授权范围');
      if (!(await mayGrantIn(ctx, ctx.user, input.role, scope))) return failures.forbidden('只能由上一级为其管辖范围授予该角色');
      const now = ctx.clock.now();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
      // A fresh code at each attempt: one already taken (its insert guarded by the unique id) is drawn again.
      return guardedChange({
        first: null,
        attempts: 5,
        busy: () => failures.internal(),
        attempt: async () => {
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
          // The invitation and its audit entry, in one write: a code taken already rolls both back.
          const entry = {
            action: 'account.invite',
            targetType: 'invitation',
            targetId: doc._id,
            detail: { role: doc.role, scopeId: scope.scopeId },
          };
          await auditedChange(ctx, entry, (tx) => [mustInsert(tx.insert(INVITATIONS, doc), INVITATIONS)]);
          return ok({
            code: doc._id,
            role: doc.role,
            roleLabel: ROLE_LABELS[doc.role],
            scopeId: scope.scopeId,
            scopeName: scope.name,
            expiresAt,
          });
        },
      });
    },
  }),

  redeem: defineAction({
    summary: '使用邀请码获得角色（无需居民注册）',
    access: 'identified',
    input: redeemInput,
    // The invitation (the code is the input) in the caller's round: the redemption is decided on
    // it and on the caller's record, so the transaction only writes.
    load: (input, { store }) => store.get<InvitationDoc>(INVITATIONS, input.code),
    run: async (input, ctx) => {
      const now = ctx.clock.now();
      const at = now.toISOString();
      const early = usable(ctx.loaded, now);
      if (isFailure(early)) return early;
      const refused = await checkTexts(ctx, [input.name]);
      if (refused) return refused;
      const redeeming = async (tx: DocumentOps, [found, current]: RedeemState) => {
        const inv = usable(found, now);
        if (isFailure(inv)) return inv;
        const grant = grantFor(inv.role, inv.scope);
        if (current && grantsOf(current).some((g) => sameGrant(g, grant)))
          return fail('CONFLICT', '您已拥有该角色', 'ROLE_ALREADY_GRANTED');
        if (current && inv.role === 'property_staff' && current.firmId && current.firmId !== inv.scope.firmId)
          return fail('CONFLICT', '您已是另一家物业企业的工作人员', 'OTHER_FIRM');
        const writes = new Writes();
        // Single use, by the database: only the first conditional update finds it unredeemed. The
        // audit entry, the person and what they move are issued beside it: all land, or none.
        writes.add(
          mustUpdate(
            tx.update(INVITATIONS, inv._id, { $set: { redeemedBy: ctx.callerId, redeemedAt: at } }, { redeemedBy: null }),
            INVITATIONS,
          ),
          audit({ clock: ctx.clock, user: { _id: ctx.callerId }, store: tx }, 'account.redeem', 'user', ctx.callerId, {
            code: inv._id,
            role: inv.role,
            scopeId: inv.scope.scopeId,
            issuedBy: inv.issuedBy,
          }),
        );
        // The scope names its community's street: no read for its totals.
        const { communityId, streetId } = inv.scope;
        const change = { at, scope: inv.scope, streets: communityId && streetId ? { [communityId]: streetId } : {} };
        let user: UserDoc;
        if (current) {
          const set: Partial<UserDoc> = {
            roles: current.roles.includes(inv.role) ? current.roles : [...current.roles, inv.role],
            grants: [...grantsOf(current), grant],
            updatedAt: at,
          };
          if (inv.scope.firmId) set.firmId = inv.scope.firmId;
          user = changed(current, set);
          issueUserChange(tx, writes, { ...change, before: current, set, after: user });
        } else {
          user = newcomer(ctx, inv, input.name, at);
          issueUserChange(tx, writes, { ...change, before: null, set: user, after: user });
        }
        await writes.settle();
        return { inv, user };
      };
      const read = (tx: DocumentOps) => Promise.all([tx.get<InvitationDoc>(INVITATIONS, input.code), tx.get<UserDoc>(USERS, ctx.callerId)]);
      const r = await decidedChange<RedeemState, { inv: InvitationDoc; user: UserDoc }>(
        ctx.store,
        [ctx.loaded, ctx.user],
        read,
        redeeming,
        (what) => (what === INVITATIONS ? used() : stale()),
      );
      if (isFailure(r)) return r;
      return ok({
        role: r.inv.role,
        roleLabel: ROLE_LABELS[r.inv.role],
        scopeId: r.inv.scope.scopeId,
        scopeName: r.inv.scope.name,
        user: selfView(r.user),
      });
    },
  }),

  revokeRole: defineAction({
    summary: '撤销角色',
    access: 'active',
    input: revokeRoleInput,
    // The user and the scope (ids from the input) in the caller's round. The store's call first: a
    // store failing at once throws there, before the (async) scope's read is made and left unhandled.
    load: (input, { store }) => Promise.all([store.get<UserDoc>(USERS, input.userId), resolveScope({ store }, input.role, input.scopeId)]),
    run: async (input, ctx) => {
      const [target, scope] = ctx.loaded;
      if (!scope) return failures.notFound('授权范围');
      if (!(await mayGrantIn(ctx, ctx.user, input.role, scope))) return failures.forbidden('只能由上一级撤销其管辖范围内的角色');
      const at = ctx.clock.now().toISOString();
      const revoking = async (tx: DocumentOps, current: UserDoc | null) => {
        const held = current ? grantsOf(current) : [];
        const revoked = held.find((g) => g.role === input.role && g.scopeId === input.scopeId);
        if (!current || !revoked) return fail('NOT_FOUND', '该用户在此范围内没有该角色', 'ROLE_NOT_HELD');
        const grants = held.filter((g) => !sameGrant(g, revoked));
        const roles = grants.some((g) => g.role === input.role) ? current.roles : current.roles.filter((r) => r !== input.role);
        const set = { roles, grants, updatedAt: at };
        const streets = scope.communityId && scope.streetId ? { [scope.communityId]: scope.streetId } : {};
        const writes = new Writes();
        // Guarded by the record as read, so a grant at the same time is not lost.
        issueUserChange(tx, writes, { before: current, set, after: changed(current, set), at, streets });
        writes.add(audit({ ...ctx, store: tx }, 'account.revokeRole', 'user', current._id, { role: input.role, scopeId: input.scopeId }));
        await writes.settle();
        return { userId: current._id, roles, grants };
      };
      const r = await decidedChange(ctx.store, target, (tx) => tx.get<UserDoc>(USERS, input.userId), revoking);
      return isFailure(r) ? r : ok(r);
    },
  }),
};
