// What 我的 shows for a whoami answer: one of a few states, each with the text it needs.
import type { CommunityListItem, SelfView, WhoAmI } from '../../../typings/api';

/** The pending-review message, shared with the registration page. */
export const PENDING_MESSAGE = '注册信息审核中，请耐心等待社区审核';

export type Profile =
  | { state: 'unregistered' }
  | { state: 'pending'; name: string; place: string }
  | { state: 'disabled'; name: string }
  | { state: 'active'; name: string; roles: string[]; place: string; isPartyMember: boolean };

/** "社区 · 小区 · 楼栋 房号", from the community list when it loaded, else the bare address. */
export function placeOf(user: SelfView, communities: readonly CommunityListItem[] | null): string {
  const community = communities?.find((c) => c.communityId === user.communityId);
  const compound = community?.compounds.find((k) => k.compoundId === user.compoundId);
  const address = `${user.building} ${user.room}`.trim();
  return [community?.name, compound?.name, address].filter(Boolean).join(' · ');
}

/** The profile state for a whoami answer. */
export function profileOf(me: WhoAmI, communities: readonly CommunityListItem[] | null): Profile {
  const user = me.user;
  if (!user) return { state: 'unregistered' };
  if (user.status === 'pending') return { state: 'pending', name: user.name, place: placeOf(user, communities) };
  if (user.status === 'disabled') return { state: 'disabled', name: user.name };
  return {
    state: 'active',
    name: user.name,
    roles: user.roleLabels,
    place: placeOf(user, communities),
    isPartyMember: user.isPartyMember,
  };
}
