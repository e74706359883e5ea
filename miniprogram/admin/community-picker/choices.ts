// The communities a person's roles reach, for the community picker: every community of the
// structure the server lets them see (admin.structure: the city for an admin, a street_admin's
// streets, a community staff member's own communities), else their own community.
import type { ApiResult } from '../../../typings/api';
import { structure } from '../service';
import { list as listCommunities } from '../../services/community';
import { me } from '../../services/session';

export interface CommunityChoice {
  communityId: string;
  /** The community's name, with its street when the choices span several streets. */
  label: string;
}

/** Roles whose holders see a structure (the others see their own community only). */
const STRUCTURE_ROLES = ['admin', 'street_admin', 'party_org', 'rc_staff'];

/** The caller's communities and the one to show first (their own when it is among them). */
export async function communityChoices(): Promise<ApiResult<{ choices: CommunityChoice[]; initial: string }>> {
  const who = await me();
  if (!who.ok) return who;
  const user = who.data.user;
  if (!user) return { ok: true, data: { choices: [], initial: '' } };
  let choices: CommunityChoice[] = [];
  if (user.roles.some((r) => STRUCTURE_ROLES.includes(r))) {
    const res = await structure();
    if (!res.ok && res.error.code !== 'FORBIDDEN') return res;
    if (res.ok) {
      const many = res.data.streets.filter((s) => s.communities.length).length > 1;
      choices = res.data.streets.flatMap((s) =>
        s.communities.map((c) => ({ communityId: c.communityId, label: many ? `${s.name} · ${c.name}` : c.name })),
      );
    }
  }
  if (!choices.length && user.communityId) {
    const list = await listCommunities();
    if (!list.ok) return list;
    const own = list.data.find((c) => c.communityId === user.communityId);
    if (own) choices = [{ communityId: own.communityId, label: own.name }];
  }
  const initial = choices.some((c) => c.communityId === user.communityId) ? user.communityId : (choices[0]?.communityId ?? '');
  return { ok: true, data: { choices, initial } };
}
