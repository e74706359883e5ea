/** A few messages in the demo people's message centres, so the 消息 page and the badge show something. */
import { DEFAULT_MESSAGE_DAYS } from '../domain/messages';
import { approvedMessage, LINKS } from '../app/messages/events';
import { newMessage, OUTBOX } from '../app/messages/message';
import type { Notification } from '../ports/notifier';
import { DEMO_ACTIVITIES } from './volunteer';
import type { SeedContext } from './seed-context';

const HOUR = 3_600_000;

export async function seedMessages(s: SeedContext): Promise<void> {
  const resident = s.userId('demo-resident');
  const ago = (hours: number) => new Date(s.now.getTime() - hours * HOUR);
  const rows: Array<[Notification, Date, boolean]> = [
    [approvedMessage(resident), ago(24 * 30), true],
    [
      {
        key: 'demo-msg-1',
        userId: resident,
        template: 'request_status',
        data: { title: '地下车库入口积水', status: '已办结', note: '排水沟已疏通，请评价', time: ago(20).toISOString() },
        link: LINKS.request('rq_demo_garage'),
      },
      ago(20),
      false,
    ],
    [
      {
        key: 'demo-msg-2',
        userId: resident,
        template: 'request_status',
        data: { title: '东门垃圾清运不及时', status: '办理中', note: '已受理', time: ago(3).toISOString() },
        link: LINKS.request('rq_demo_garbage'),
      },
      ago(3),
      false,
    ],
    [
      {
        key: 'demo-msg-3',
        userId: s.userId('demo-volunteer'),
        template: 'activity_reminder',
        data: { title: '江津花园楼道清洁日', location: '江津花园 1–8 栋', note: '您已报名，请准时参加' },
        link: LINKS.activity(DEMO_ACTIVITIES.cleanup),
      },
      ago(1),
      false,
    ],
  ];
  for (const [n, at, read] of rows) {
    await s.ops.insert(OUTBOX, { ...newMessage(n, at, DEFAULT_MESSAGE_DAYS), read, state: 'skipped', error: 'demo' });
  }
}
