import type { CallBudget } from '../ports/budget';
import type { Clock } from '../ports/clock';
import type { ContentCheck } from '../ports/content-check';
import type { FileStore } from '../ports/files';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { DocumentOps, Store } from '../ports/store';
import type { UserDoc } from './account/user';
import type { Result } from './result';

/** Everything a use case may use besides its input: the ports, wired once per runtime. */
export interface Deps {
  store: Store;
  clock: Clock;
  contentCheck: ContentCheck;
  notifier: Notifier;
  logger: Logger;
  /** Salt of the deterministic user ids; fixed for the life of a deployment. */
  userIdSalt: string;
  /** The time budget each call runs in (cloud functions); none locally. */
  budget?: CallBudget;
  /** Spreadsheets in (imports) and out (exports); absent where the runtime has no file storage. */
  files?: FileStore;
}

/** One call's context: the ports plus who is calling (from the platform, never the payload). */
export interface AppContext extends Deps {
  /** The platform-provided OPENID, or null when the platform gave none. */
  openid: string | null;
  /** The caller's user id, derived from the OPENID (ids.ts), whether registered or not. */
  callerId: string | null;
  /** The caller's user record, loaded once per call (not for public actions); null when unregistered. */
  user: UserDoc | null;
  /**
   * Present when the call runs under a clientToken (an idempotent action): writes the call's
   * answer inside `tx`, the transaction of its change, so a retry gets it even when the process
   * dies right after the commit, and no round is spent storing it after (app/idempotency.ts).
   */
  storeResultIn?: (tx: DocumentOps, result: Result<unknown>) => Promise<void>;
}
