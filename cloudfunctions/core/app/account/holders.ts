/**
 * Who holds a role where (RULES.md §9): one `role_holders` document per role a person holds with
 * its scope, written in the transaction of the change to the person (grantRole, redeem,
 * revokeRole). It lets the level above find every holder in a street, community or compound by an
 * index — a street_admin or an invited staff member has no membership there to find them by.
 */
import { GRANTED_BY, SCOPE_LEVEL, type InvitableRole, type ScopeLevel } from '../../domain/role-grants';
import { maskName, maskPhone } from '../../domain/phone';
import { ROLE_LABELS, type Role } from '../../domain/roles';
import { DuplicateKeyError, type DocumentOps, type Doc, type Filter, whole } from '../../ports/store';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from '../community/community';
import type { AppContext } from '../context';
import { fail, failures, ok, type Result } from '../result';
import { decodeKeyset, keysetAfter, keysetPage, type Page } from '../schemas';
import { grantsOf, type RoleGrant } from '../scope';
import { resolveScope, revocableIn, type ResolvedScope } from './granting';
import { USERS, type UserDoc } from './user';

export const ROLE_HOLDERS = 'role_holders';

/** One role held in one scope; `_id` is `<userId>:<role>:<scopeId>`. */
export interface HolderDoc extends Doc {
  userId: string;
  role: Role;
  scopeId: string;
  level: ScopeLevel;
  scopeName: string;
  streetId?: string;
  communityId?: string;
  compoundId?: string;
  firmId?: string;
  grantedAt: string;
}

const holderId = (userId: string, g: RoleGrant) => `${userId}:${g.role}:${g.scopeId}`;

/** The user's grants someone may revoke (every role but admin and resident). */
function revocableGrants(user: UserDoc | null): RoleGrant[] {
  return grantsOf(user).filter((g) => GRANTED_BY[g.role].length > 0);
}

/** A holder document for `grant`, its scope `known` or read through `tx`; null when the scope is gone. */
async function holderDoc(
  tx: Pick<DocumentOps, 'get'>,
  userId: string,
  grant: RoleGrant,
  at: string,
  known?: ResolvedScope,
): Promise<HolderDoc | null> {
  const scope =
    known && known.scopeId === grant.scopeId && known.level === SCOPE_LEVEL[grant.role]
      ? known
      : await resolveScope({ store: tx }, grant.role, grant.scopeId);
  if (!scope) return null;
  const doc: HolderDoc = {
    _id: holderId(userId, grant),
    userId,
    role: grant.role,
    scopeId: grant.scopeId,
    level: scope.level,
    scopeName: scope.name,
    grantedAt: at,
  };
  if (scope.streetId) doc.streetId = scope.streetId;
  if (scope.communityId) doc.communityId = scope.communityId;
  if (scope.compoundId) doc.compoundId = scope.compoundId;
  if (scope.firmId) doc.firmId = scope.firmId;
  return doc;
}

/**
 * Brings the holder documents of a person from `before` to `after` (null before: a new person),
 * inside the caller's transaction: a role no longer held is removed, a new one written with `at`.
 * `scope`: the scope of the grant being made, already read; `backfill`: holders may exist already.
 */
export async function syncHolders(
  tx: DocumentOps,
  before: UserDoc | null,
  after: UserDoc,
  at: string,
  options: { scope?: ResolvedScope; backfill?: boolean } = {},
): Promise<void> {
  const had = new Set(revocableGrants(before).map((g) => holderId(after._id, g)));
  const has = new Map(revocableGrants(after).map((g) => [holderId(after._id, g), g]));
  const gone = [...had].filter((id) => !has.has(id));
  const added = [...has].filter(([id]) => !had.has(id));
  await Promise.all([
    ...gone.map((id) => tx.remove(ROLE_HOLDERS, id)),
    ...added.map(async ([id, g]) => {
      const doc = await holderDoc(tx, after._id, g, at, options.scope);
      if (!doc || (options.backfill && (await tx.get(ROLE_HOLDERS, id)))) return;
      try {
        await tx.insert(ROLE_HOLDERS, doc);
      } catch (err) {
        // Already kept (a grant the backfill wrote meanwhile): the record stands as it is.
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    }),
  ]);
}

/** A holder as the granting level sees them: name and phone masked (RULES.md §5). */
export interface HolderView {
  userId: string;
  nameMasked: string;
  phoneMasked: string;
  role: Role;
  roleLabel: string;
  scopeId: string;
  scopeLevel: ScopeLevel;
  scopeName: string;
  grantedAt: string;
}

/** The place a holders list is about: exactly one of a street, community or compound. */
export interface PlaceInput {
  streetId?: string;
  communityId?: string;
  compoundId?: string;
  role?: Role;
  cursor?: string;
  limit?: number;
}

/** The place named by the input, resolved with the levels above it, or null. */
export async function placeOf(ctx: Pick<AppContext, 'store'>, input: PlaceInput): Promise<ResolvedScope | null> {
  if (input.streetId) return resolveScope(ctx, 'street_admin', input.streetId);
  if (input.communityId) return resolveScope(ctx, 'party_org', input.communityId);
  return input.compoundId ? resolveScope(ctx, 'oc_member', input.compoundId) : null;
}

/** The firms serving a compound of the place (their staff are held in the firm, not the place). */
async function firmsIn(ctx: Pick<AppContext, 'store'>, place: ResolvedScope): Promise<string[]> {
  let compounds: CompoundDoc[];
  if (place.level === 'compound') {
    const k = await ctx.store.get<CompoundDoc>(COMPOUNDS, place.scopeId);
    compounds = k ? [k] : [];
  } else {
    const communityIds =
      place.level === 'community'
        ? [place.scopeId]
        : (await ctx.store.find<CommunityDoc>(COMMUNITIES, { streetId: place.scopeId }, { orderBy: [['name', 'asc']] })).map((c) => c._id);
    compounds = communityIds.length ? await ctx.store.find<CompoundDoc>(COMPOUNDS, { communityId: { $in: communityIds } }) : [];
  }
  return [...new Set(compounds.flatMap((k) => (k.firmId ? [k.firmId] : [])))];
}

/**
 * account.listMembers with `holders: true`: every holder of a role the caller may revoke within
 * the place (`placeOf` the input, read in the caller's round), newest grant first, a page at a time
 * by the place's index.
 */
export async function listHolders(ctx: AppContext, input: PlaceInput, place: ResolvedScope | null): Promise<Result<Page<HolderView>>> {
  if (!place) return failures.notFound(input.streetId ? '街道' : input.communityId ? '社区' : '小区');
  let roles: InvitableRole[] = revocableIn(ctx.user, place);
  if (input.role) roles = roles.filter((r) => r === input.role);
  if (roles.length === 0) return fail('FORBIDDEN', '只能查看您有权撤销的角色');
  const field = place.level === 'street' ? 'streetId' : place.level === 'community' ? 'communityId' : 'compoundId';
  const within = roles.filter((r) => r !== 'property_staff');
  const parts: Filter[] = within.length ? [{ [field]: place.scopeId, role: { $in: within } }] : [];
  if (roles.includes('property_staff')) {
    const firms = await firmsIn(ctx, place);
    if (firms.length) parts.push({ firmId: { $in: firms }, role: 'property_staff' });
  }
  if (parts.length === 0) return ok({ items: [], nextCursor: null });
  const filter: Filter = parts.length === 1 ? parts[0] : { $or: parts };
  const limit = input.limit ?? 20;
  const after = decodeKeyset(input.cursor);
  const rows = await ctx.store.find<HolderDoc>(ROLE_HOLDERS, after ? { $and: [filter, keysetAfter('grantedAt', after, 'desc')] } : filter, {
    orderBy: [
      ['grantedAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: whole(limit + 1),
  });
  const ids = [...new Set(rows.slice(0, limit).map((r) => r.userId))];
  const users = ids.length ? await ctx.store.find<UserDoc>(USERS, { _id: { $in: ids } }) : [];
  const byId = new Map(users.map((u) => [u._id, u]));
  return ok(
    keysetPage(rows, limit, 'grantedAt', (h) => {
      const u = byId.get(h.userId);
      return {
        userId: h.userId,
        nameMasked: maskName(u?.name ?? ''),
        phoneMasked: maskPhone(u?.phone ?? ''),
        role: h.role,
        roleLabel: ROLE_LABELS[h.role],
        scopeId: h.scopeId,
        scopeLevel: h.level,
        scopeName: h.scopeName,
        grantedAt: h.grantedAt,
      };
    }),
  );
}
