// How a message of the message centre is shown.
import type { MessageItem } from '../../../typings/api';

export interface MessageRow {
  messageId: string;
  title: string;
  /** The body's lines. */
  lines: string[];
  link: string | null;
  read: boolean;
  /** When it came, in China time: 今天 14:05 / 11月20日 09:00 / 2025年12月1日. */
  when: string;
}

const CHINA_OFFSET = 8 * 3_600_000;

/** A message's time as a person reads it, relative to `now` (both in China time). */
export function whenOf(iso: string, now: number): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET);
  const n = new Date(now + CHINA_OFFSET);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const sameDay = d.toISOString().slice(0, 10) === n.toISOString().slice(0, 10);
  if (sameDay) return `今天 ${hm}`;
  if (d.getUTCFullYear() === n.getUTCFullYear()) return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}`;
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export function rowOf(m: MessageItem, now: number): MessageRow {
  return {
    messageId: m.messageId,
    title: m.title,
    lines: m.body ? m.body.split('\n') : [],
    link: m.link,
    read: m.read,
    when: whenOf(m.createdAt, now),
  };
}
