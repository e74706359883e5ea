import type { Clock } from '../ports/clock';
import type { Notification, Notifier } from '../ports/notifier';
import { DuplicateKeyError, type Store } from '../ports/store';

export const OUTBOX = 'outbox';

/** A queued message; its `_id` is the notification key, so each is stored (and sent) once. */
export interface OutboxEntry {
  _id: string;
  userId: string;
  template: string;
  data: Record<string, string>;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  createdAt: string;
}

/**
 * The Notifier on an outbox collection. Locally the outbox is what users "receive" (and tests
 * read); in production a sender delivers queued entries as subscribe messages.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    protected readonly store: Store,
    protected readonly clock: Clock,
  ) {}

  async send(n: Notification): Promise<boolean> {
    const entry: OutboxEntry = {
      _id: n.key,
      userId: n.userId,
      template: n.template,
      data: n.data,
      state: 'queued',
      createdAt: this.clock.now().toISOString(),
    };
    try {
      await this.store.insert(OUTBOX, entry);
      return true;
    } catch (err) {
      if (err instanceof DuplicateKeyError) return false;
      throw err;
    }
  }
}
