// The communities the picker offers. By default those a person's roles reach, for the staff pages:
// every community of the structure the server lets them see (admin.structure: the city for an
// admin, a street_admin's streets, a community staff member's own communities), else their own
// community. With reach `city`, every community of the city (community.list), for what anyone may
// look at, such as another community's 红黑榜.
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

/** The communities of the structure the caller's roles reach (none when the server refuses). */
async function structureChoices(): Promise<ApiResult<CommunityChoice[]>> {
  const res = await call<StructureView>('admin', 'structure', {});
  if (!res.ok) return res.error.code === 'FORBIDDEN' ? { ok: true, data: [] } : res;
  const many = res.data.streets.filter((s) => s.communities.length).length > 1;
  return {
    ok: true,
    data: res.data.streets.flatMap((s) =>
      s.communities.map((c) => ({ communityId: c.communityId, label: many ? `${s.name} · ${c.name}` : c.name })),
    ),
  };
}

/** The choices and the one to show first (the caller's own community when it is among them). */
export async function communityChoices(reach: Reach = 'roles'): Promise<ApiResult<{ choices: CommunityChoice[]; initial: string }>> {
  const who = await me();
  if (!who.ok && reach !== 'city') return who;
  const user = who.ok ? who.data.user : null;
  let choices: CommunityChoice[] = [];
  if (reach === 'city') {
    const city = await cityChoices();
    if (!city.ok) return city;
    choices = city.data;
  } else if (user?.roles.some((r) => STRUCTURE_ROLES.includes(r))) {
    const res = await structureChoices();
    if (!res.ok) return res;
    choices = res.data;
  }
  if (!choices.length && user?.communityId) {
    const city = await cityChoices();
    if (!city.ok) return city;
    choices = city.data.filter((c) => c.communityId === user.communityId);
  }
  const own = user?.communityId ?? '';
  const initial = choices.some((c) => c.communityId === own) ? own : reach === 'city' ? '' : (choices[0]?.communityId ?? '');
  return { ok: true, data: { choices, initial } };
}
