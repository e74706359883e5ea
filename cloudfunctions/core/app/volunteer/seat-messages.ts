/**
 * The messages a seat change causes (RULES.md §8): promotion from the waitlist, a waitlisted
 * signup dropped for a time conflict, a signup released because its activity was cancelled. Each
 * is written inside the seat transaction that makes the change (Notifier.sendIn), under a key the
 * change makes new (signup and round), so a crash or a retry can neither lose nor double one.
 */
import { chinaTime } from '../../domain/activity';
import type { Notification, Notifier } from '../../ports/notifier';
import type { DocumentOps } from '../../ports/store';
import { LINKS } from '../messages/events';
import type { ActivityDoc } from './model';

export type ActivityFacts = Pick<ActivityDoc, '_id' | 'title' | 'startAt' | 'location'>;

/** Whose signup (and which round of it) a message is about. */
export interface SeatOf {
  userId: string;
  signupId: string;
  round: number;
}

export const activityFacts = (a: ActivityFacts) => ({ title: a.title, time: chinaTime(a.startAt), location: a.location });

/** A message about one signup of an activity; its key is the kind, the signup and the round. */
function seatMessage(kind: string, template: Notification['template'], a: ActivityFacts, m: SeatOf, note: string): Notification {
  return {
    key: `vol-${kind}:${m.signupId}:${m.round}`,
    userId: m.userId,
    link: LINKS.activity(a._id),
    template,
    data: { ...activityFacts(a), note },
  };
}

export const promotedMessage = (a: ActivityFacts, m: SeatOf): Notification =>
  seatMessage('promoted', 'volunteer_promoted', a, m, '候补成功，您已获得名额，请准时参加');

export const droppedMessage = (a: ActivityFacts, m: SeatOf): Notification =>
  seatMessage('dropped', 'volunteer_dropped', a, m, '有名额空出，但您已确认参加同一时段的其他活动，候补已取消');

export const activityCancelledMessage = (a: ActivityFacts & Pick<ActivityDoc, 'cancelReason'>, m: SeatOf): Notification =>
  seatMessage('act-cancelled', 'activity_cancelled', a, m, `活动已取消：${a.cancelReason ?? ''}`.slice(0, 40));

/** Writes the messages inside `tx`, all issued together. */
export async function writeIn(notifier: Pick<Notifier, 'sendIn'>, tx: DocumentOps, messages: Notification[]): Promise<void> {
  await Promise.all(messages.map((m) => notifier.sendIn(tx, m)));
}
