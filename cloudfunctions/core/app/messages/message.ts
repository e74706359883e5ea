import { chinaTime } from '../../domain/activity';
import { expiryOf } from '../../domain/messages';
import type { Notification } from '../../ports/notifier';
import { MESSAGE_TEMPLATES, isTemplateKey } from './templates';

/** The collection of messages: each user's message centre and the subscribe-message queue. */
export const OUTBOX = 'outbox';

/** Delivery of the subscribe message (the in-app message exists whatever this says). */
export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';

/** A message; its `_id` is the notification key, so each is stored (and sent) once. */
export interface OutboxEntry {
  _id: string;
  userId: string;
  template: string;
  data: Record<string, string>;
  link: string | null;
  /** Read in the message centre. */
  read: boolean;
  state: DeliveryState;
  /** Subscribe-message sends tried so far. */
  attempts: number;
  /** Not sent before this time (back-off after a failed send). */
  nextAttemptAt: string;
  /** Why it was not delivered: `no_template`, `not_subscribed`, `errcode 43101`, … */
  error?: string;
  createdAt: string;
  /** After this the message centre no longer shows it and the scheduler deletes it. */
  expiresAt: string;
}

/** One message as the message centre shows it (API.md §6 `messages.list`). */
export interface MessageView {
  messageId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

/** The view of a stored message: the kind's title, then its fields as `label：value` lines. */
export function messageView(m: OutboxEntry): MessageView {
  const lines: string[] = [];
  let title: string = m.data.title ?? '消息';
  if (isTemplateKey(m.template)) {
    const t = MESSAGE_TEMPLATES[m.template];
    title = t.title;
    for (const [key, field] of Object.entries(t.fields)) {
      const value = m.data[key];
      // Times are stored as ISO instants; people read them in China time.
      const shown = field.type === 'time' && /^\d{4}-\d{2}-\d{2}T/.test(value ?? '') ? chinaTime(value) : value;
      if (shown) lines.push(`${field.label}：${shown}`);
    }
  } else {
    for (const value of Object.values(m.data)) if (value) lines.push(value);
  }
  return {
    messageId: m._id,
    kind: m.template,
    title,
    body: lines.join('\n'),
    link: m.link ?? null,
    createdAt: m.createdAt,
    read: m.read === true,
  };
}

/** The stored message of a notification written at `now`, kept `days` days. */
export function newMessage(n: Notification, now: Date, days: number): OutboxEntry {
  return {
    _id: n.key,
    userId: n.userId,
    template: n.template,
    data: n.data,
    link: n.link ?? null,
    read: false,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    createdAt: now.toISOString(),
    expiresAt: expiryOf(now, days),
  };
}
