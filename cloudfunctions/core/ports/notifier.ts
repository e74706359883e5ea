import type { MessageKind } from '../domain/message-kinds';
import type { DocumentOps } from './store';

/**
 * A message to one user: it lands in their message centre (消息) and, when they subscribed to its
 * template, goes out as a WeChat subscribe message too (RULES.md §8).
 */
export interface Notification {
  /** Deterministic key: the same key is stored (and delivered) once, whatever retries happen. */
  key: string;
  userId: string;
  /** What kind of message (a key of app/messages/templates.ts): its title, link and subscribe template. */
  template: MessageKind;
  /** Short Chinese text fields shown to the user. */
  data: Record<string, string>;
  /** The mini-program page the message opens, e.g. `/pages/requests/detail/index?requestId=…`. */
  link?: string;
}

/** The Notifier port. Returns false when a message with the same key was already queued. */
export interface Notifier {
  send(notification: Notification): Promise<boolean>;
  /**
   * Writes the message inside the caller's transaction, so it exists exactly when the change that
   * caused it does. False when it was already there.
   */
  sendIn(tx: DocumentOps, notification: Notification): Promise<boolean>;
  /**
   * Delivers queued messages where the runtime has a channel (subscribe messages in production);
   * returns how many it delivered. Locally there is none: the message centre is all there is.
   */
  flush?(): Promise<number>;
  /** The WeChat template id configured for each message kind (empty where none is). */
  templateIds?(): Record<string, string>;
}
