import type { DocumentOps } from '../ports/store';

/** What a seed step gets: single-document writes inside the seeding transaction. */
export interface SeedContext {
  ops: DocumentOps;
  now: Date;
  /** The user id of a demo openid (same derivation as at runtime). */
  userId(openid: string): string;
}
