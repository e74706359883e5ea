import type { Party } from '../../domain/roles';
import type { UserDoc } from '../account/user';
import { type InboxRole, type RequestDoc } from './request';

/** The inboxes of the handling parties and how a request stands in each. */
export type InboxQueue = 'residents_committee' | 'owners_committee' | 'property' | 'party_org';
export const QUEUE_FIELD: Record<InboxQueue, 'rcQueue' | 'ocQueue' | 'pfQueue' | 'poQueue'> = {
  residents_committee: 'rcQueue',
  owners_committee: 'ocQueue',
  property: 'pfQueue',
  party_org: 'poQueue',
};

/** The inboxes a user has, with the value their queue field holds. */
export function inboxesOf(user: UserDoc): Array<{ queue: InboxQueue; value: string }> {
  if (user.status !== 'active') return [];
  const out: Array<{ queue: InboxQueue; value: string }> = [];
  if (user.roles.includes('rc_staff')) out.push({ queue: 'residents_committee', value: user.communityId });
  if (user.roles.includes('oc_member')) out.push({ queue: 'owners_committee', value: user.compoundId });
  if (user.roles.includes('property_staff') && user.firmId) out.push({ queue: 'property', value: user.firmId });
  if (user.roles.includes('party_org')) out.push({ queue: 'party_org', value: user.communityId });
  return out;
}

export function inboxRole(r: RequestDoc, queue: InboxQueue): InboxRole {
  if (queue === 'party_org') return 'supervision';
  if (r.leadParty === queue) return 'lead';
  if (r.coHandlers.includes(queue as Party)) return 'co_handler';
  if (queue === 'residents_committee' && r.status === 'submitted') return 'acceptance';
  return 'deliberation';
}
