// The communities the picker offers. By default those a person's roles reach, for the staff pages:
// every community of the structure the server lets them see (admin.structure: a street_admin's
// streets, a community staff member's own communities), else their own community; the admin picks
// a street first (admin.structure answers the admin the city's streets only) and then one of its
// communities (admin.structure with the street), so no answer grows with the city. With reach
// `city`, every community of the city (community.list), for what anyone may look at, such as
// another community's 红黑榜.
import type { StructureView } from '../../../typings/admin';
import type { ApiResult } from '../../../typings/api';
import { list as listCommunities } from '../../services/community';
import { me } from '../../services/session';
import { call } from '../../services/transport';

export interface CommunityChoice {
  communityId: string;
  /** The community's name, with its street (or district) where the name alone would not tell. */
  label: string;
}

/** A street the admin picks first, as a picker option. */
export interface StreetChoice {
  label: string;
  value: string;
}

/** Which communities to offer: those the caller's roles reach, or every one of the city. */
export type Reach = 'roles' | 'city';

/** Roles whose holders see a structure (the others see their own community only). */
const STRUCTURE_ROLES = ['admin', 'street_admin', 'party_org', 'rc_staff'];

/** Every community of the city, a name shared by two named with its district and street. */
async function cityChoices(): Promise<ApiResult<CommunityChoice[]>> {
  const list = await listCommunities();
  if (!list.ok) return list;
  const named = new Map<string, number>();
  for (const c of list.data) named.set(c.name, (named.get(c.name) ?? 0) + 1);
  return {
    ok: true,
    data: list.data.map((c) => ({
      communityId: c.communityId,
      label: (named.get(c.name) ?? 0) > 1 ? `${c.name}（${c.district}）` : c.name,
    })),
  };
}

/**
 * The communities of the structure the caller's roles reach, or of the street named (none when the
 * server refuses); for the admin without a street, the streets and the first with communities.
 */
export async function structureChoices(
  streetId = '',
): Promise<ApiResult<{ choices: CommunityChoice[]; streets: StreetChoice[]; first: string }>> {
  const res = await call<StructureView>('admin', 'structure', streetId ? { streetId } : {});
  if (!res.ok) return res.error.code === 'FORBIDDEN' ? { ok: true, data: { choices: [], streets: [], first: '' } } : res;
  const all = res.data.streets;
  const streets = res.data.isAdmin && !streetId ? all.map((s) => ({ label: s.name, value: s.streetId })) : [];
  const many = all.filter((s) => s.communities.length).length > 1;
  const choices = all.flatMap((s) =>
    s.communities.map((c) => ({ communityId: c.communityId, label: many ? `${s.name} · ${c.name}` : c.name })),
  );
  return { ok: true, data: { choices, streets, first: (all.find((s) => s.communityCount) ?? all[0])?.streetId ?? '' } };
}

/** What the picker starts with: the choices, the one shown first and, for the admin, the streets and the one picked. */
export interface PickerStart {
  choices: CommunityChoice[];
  initial: string;
  /** The admin's streets (empty for everyone else: their choices are the communities themselves). */
  streets: StreetChoice[];
  streetId: string;
}

/**
 * The choices and the one to show first: the caller's own community when it is among them; the
 * admin starts at the first street with communities, and its first community.
 */
export async function communityChoices(reach: Reach = 'roles'): Promise<ApiResult<PickerStart>> {
  const who = await me();
  if (!who.ok && reach !== 'city') return who;
  const user = who.ok ? who.data.user : null;
  let choices: CommunityChoice[] = [];
  let streets: StreetChoice[] = [];
  let streetId = '';
  if (reach === 'city') {
    const city = await cityChoices();
    if (!city.ok) return city;
    choices = city.data;
  } else if (user?.roles.some((r) => STRUCTURE_ROLES.includes(r))) {
    let res = await structureChoices();
    if (res.ok && res.data.streets.length) {
      ({ streets, first: streetId } = res.data);
      res = await structureChoices(streetId);
    }
    if (!res.ok) return res;
    choices = res.data.choices;
  }
  if (!choices.length && !streets.length && user?.communityId) {
    const city = await cityChoices();
    if (!city.ok) return city;
    choices = city.data.filter((c) => c.communityId === user.communityId);
  }
  const own = user?.communityId ?? '';
  const initial = choices.some((c) => c.communityId === own) ? own : reach === 'city' ? '' : (choices[0]?.communityId ?? '');
  return { ok: true, data: { choices, initial, streets, streetId } };
}
