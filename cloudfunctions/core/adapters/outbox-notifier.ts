import { DEFAULT_MESSAGE_DAYS } from '../domain/messages';
import type { Clock } from '../ports/clock';
import type { Notification, Notifier } from '../ports/notifier';
import { DuplicateKeyError, type DocumentOps, type Store } from '../ports/store';
import { newMessage, OUTBOX, type OutboxEntry } from '../app/messages/message';

export { OUTBOX, type OutboxEntry };

/**
 * The Notifier on the outbox collection: each notification is one message document whose `_id`
 * is its deterministic key — writing it *is* the message, so a retry or a re-run after a crash
 * finds it already there and neither loses nor doubles it. Locally nothing else is needed; in
 * production WeChatSubscribeNotifier also delivers queued entries as subscribe messages.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    protected readonly store: Store,
    protected readonly clock: Clock,
    protected readonly retentionDays: number = DEFAULT_MESSAGE_DAYS,
    protected readonly ids: Record<string, string> = {},
  ) {}

  /** The stored message of a notification, written now. */
  protected entryOf(n: Notification): OutboxEntry {
    return newMessage(n, this.clock.now(), this.retentionDays);
  }

  async send(n: Notification): Promise<boolean> {
    try {
      await this.store.insert(OUTBOX, this.entryOf(n));
      return true;
    } catch (err) {
      if (err instanceof DuplicateKeyError) return false;
      throw err;
    }
  }

  async sendIn(tx: DocumentOps, n: Notification): Promise<boolean> {
    // Callers write a message with the change that makes its key new (a new request version, a
    // first approval), so a duplicate here means a bug; on CloudBase it aborts the transaction.
    try {
      await tx.insert(OUTBOX, this.entryOf(n));
      return true;
    } catch (err) {
      if (err instanceof DuplicateKeyError) return false;
      throw err;
    }
  }

  templateIds(): Record<string, string> {
    return { ...this.ids };
  }
}
