import { COLLECTIONS } from '../app/collections';
import type { Deps } from '../app/context';
import { systemClock } from '../adapters/clocks';
import { consoleLogger } from '../adapters/console-logger';
import { DiskFileStore, MemoryFileStore } from '../adapters/local-files';
import { OutboxNotifier } from '../adapters/outbox-notifier';
import { SqliteStore } from '../adapters/sqlite-store';
import { WordListContentCheck } from '../adapters/word-list-check';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';

export const LOCAL_USER_ID_SALT = 'local-dev-salt';

export interface LocalDepsOptions {
  /** SQLite file, or ':memory:'. */
  filename: string;
  clock?: Clock;
  logger?: Logger;
  blockedWords?: string[];
  userIdSalt?: string;
  /** Days a message stays in the message centre (MESSAGE_DAYS). */
  messageDays?: number;
  /** Subscribe-message template ids per message kind (SUBSCRIBE_TEMPLATES), so the mini-program asks locally too. */
  templateIds?: Record<string, string>;
  /** The data folder files go under (`uploads/`, `files/`); in memory when absent. */
  dataDir?: string;
}

/** The embedded runtime's ports: SQLite store, word-list check, outbox notifier. */
export function createLocalDeps(options: LocalDepsOptions): Deps & { store: SqliteStore } {
  const clock = options.clock ?? systemClock;
  const store = new SqliteStore({ filename: options.filename, collections: COLLECTIONS });
  return {
    store,
    clock,
    contentCheck: new WordListContentCheck(options.blockedWords),
    notifier: new OutboxNotifier(store, clock, options.messageDays, options.templateIds),
    logger: options.logger ?? consoleLogger,
    userIdSalt: options.userIdSalt ?? LOCAL_USER_ID_SALT,
    files: options.dataDir ? new DiskFileStore(options.dataDir) : new MemoryFileStore(),
  };
}
