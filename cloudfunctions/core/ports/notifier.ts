/** A message to one user (a WeChat subscribe message in production). */
export interface Notification {
  /** Deterministic key: the same key is delivered once, whatever retries happen. */
  key: string;
  userId: string;
  /** What kind of message: selects the subscribe-message template. */
  template: string;
  /** Short Chinese text fields shown to the user. */
  data: Record<string, string>;
}

/** The Notifier port. Returns false when a message with the same key was already queued. */
export interface Notifier {
  send(notification: Notification): Promise<boolean>;
  /**
   * Delivers queued messages where the runtime has a channel (subscribe messages in production);
   * returns how many it delivered. Locally there is none: the outbox is the user's inbox.
   */
  flush?(): Promise<number>;
}
