import type { UserDoc } from '../account/user';
import { isAdmin, hasCommunityRole } from '../auth';
import { COMMUNITIES, type CommunityDoc } from '../community/community';
import type { AppContext } from '../context';
import { findAll } from '../find-all';
import { failures, type Failure } from '../result';
import { isStreetAdminOf, streetsOf } from '../scope';
import type { Role } from '../../domain/roles';
import type { Filter } from '../../ports/store';

/** What an export covers: the communities (null: the whole city) and a label for the file name. */
export interface ExportScope {
  communityIds: string[] | null;
  label: string;
}

/** The ids of the streets' communities. */
const streetCommunities = async (store: Pick<AppContext['store'], 'find'>, streetIds: string[]) =>
  (await findAll<CommunityDoc>(store, COMMUNITIES, { streetId: { $in: streetIds } })).map((c) => c._id);

/** What an export's scope reads that the input names (a community, or a street's communities). */
export interface ScopeReads {
  community?: CommunityDoc | null;
  streetCommunityIds?: string[];
}

/**
 * Reads what the input names, for `exportScope`: nothing of the caller's, so an action issues it
 * beside the caller's record (ActionDef.load) and the scope check comes after.
 */
export async function readExportScope(
  store: Pick<AppContext['store'], 'get' | 'find'>,
  input: { communityId?: string; streetId?: string },
): Promise<ScopeReads> {
  if (input.communityId) return { community: await store.get<CommunityDoc>(COMMUNITIES, input.communityId) };
  if (input.streetId) return { streetCommunityIds: await streetCommunities(store, [input.streetId]) };
  return {};
}

/**
 * The communities an export covers and whether the caller may have them (RULES.md §1, §9): a
 * community's staff (`staffRoles` of it) their community; a street_admin their street's
 * communities; the admin any, or the city. A named community or street outside the caller's scope
 * is FORBIDDEN, an unknown one NOT_FOUND. `read`: what readExportScope read already, if it did.
 */
export async function exportScope(
  ctx: Pick<AppContext, 'store'>,
  user: UserDoc,
  input: { communityId?: string; streetId?: string },
  staffRoles: readonly Role[],
  read?: ScopeReads,
): Promise<ExportScope | Failure> {
  const admin = isAdmin(user);
  if (input.communityId) {
    const community = read?.community !== undefined ? read.community : await ctx.store.get<CommunityDoc>(COMMUNITIES, input.communityId);
    if (!community) return failures.notFound('社区');
    const staff = staffRoles.some((r) => hasCommunityRole(user, r, community._id));
    if (!admin && !staff && !isStreetAdminOf(user, community.streetId)) return failures.forbidden('只能导出本人管辖范围内的台账');
    return { communityIds: [community._id], label: community.name };
  }
  if (input.streetId) {
    if (!admin && !isStreetAdminOf(user, input.streetId)) return failures.forbidden('只能导出本人管辖街道的台账');
    return { communityIds: read?.streetCommunityIds ?? (await streetCommunities(ctx.store, [input.streetId])), label: '街道' };
  }
  if (admin) return { communityIds: null, label: '全市' };
  const streets = streetsOf(user);
  if (streets.length > 0) return { communityIds: await streetCommunities(ctx.store, streets), label: '街道' };
  if (staffRoles.some((r) => hasCommunityRole(user, r, user.communityId))) return { communityIds: [user.communityId], label: '本社区' };
  return failures.forbidden('只有社区、街道工作人员和平台管理员可以导出');
}

/** The store filter of an export's communities. */
export const communityFilter = (scope: ExportScope): Filter => (scope.communityIds ? { communityId: { $in: scope.communityIds } } : {});
