import { STATUS_LABELS } from '../../domain/request-state';
import type { Party } from '../../domain/roles';
import type { Notification } from '../../ports/notifier';
import type { Filter } from '../../ports/store';
import { USERS, type UserDoc } from '../account/user';
import type { Deps } from '../context';
import { LINKS } from '../messages/events';
import type { RequestDoc } from './request';
import { whole } from '../../ports/store';

/** Who to tell: one of the three parties, or the community party organisation. */
export type Audience = Party | 'party_org';

/**
 * The active members of the given parties for a request: staff of its community (residents'
 * committee, party organisation), owners'-committee members of its compound, staff of its firm.
 * Two indexed reads at most, in parallel.
 */
export async function membersOf(deps: Pick<Deps, 'store'>, req: RequestDoc, audiences: readonly Audience[]): Promise<UserDoc[]> {
  const roles: string[] = [];
  if (audiences.includes('residents_committee')) roles.push('rc_staff');
  if (audiences.includes('owners_committee')) roles.push('oc_member');
  if (audiences.includes('party_org')) roles.push('party_org');
  const community: Filter = { communityId: req.communityId, status: 'active', $or: roles.map((r) => ({ roles: { $contains: r } })) };
  const [local, firm] = await Promise.all([
    roles.length ? deps.store.find<UserDoc>(USERS, community, { limit: whole(200) }) : Promise.resolve([]),
    // Firm staff may be registered in another community than the compound they serve.
    audiences.includes('property')
      ? deps.store.find<UserDoc>(USERS, { firmId: req.firmId, status: 'active' }, { limit: whole(200) })
      : Promise.resolve([]),
  ]);
  const wanted = (u: UserDoc): boolean =>
    (audiences.includes('residents_committee') && u.roles.includes('rc_staff')) ||
    (audiences.includes('party_org') && u.roles.includes('party_org')) ||
    (audiences.includes('owners_committee') && u.roles.includes('oc_member') && u.compoundId === req.compoundId) ||
    (audiences.includes('property') && u.roles.includes('property_staff') && u.firmId === req.firmId);
  const seen = new Set<string>();
  return [...local, ...firm].filter((u) => wanted(u) && !seen.has(u._id) && seen.add(u._id));
}

/** Messages about a request to some users; the key makes each (request version, template, user) one message. */
export function requestMessages(
  req: RequestDoc,
  userIds: readonly string[],
  template: Notification['template'],
  data: Record<string, string>,
  round: string | number = req.version,
): Notification[] {
  const base = { title: req.title.slice(0, 20), status: STATUS_LABELS[req.status] };
  return [...new Set(userIds)].map((userId) => ({
    key: `rq:${req._id}:${round}:${template}:${userId}`,
    userId,
    template,
    data: { ...base, ...data },
    link: LINKS.request(req._id),
  }));
}

/** The submitter's message that their request changed state. */
export function submitterMessages(req: RequestDoc, note: string | null): Notification[] {
  return requestMessages(req, [req.submitterId], 'request_status', { note: (note ?? '').slice(0, 20), time: req.updatedAt });
}
