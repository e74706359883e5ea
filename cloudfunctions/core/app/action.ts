import type * as z from 'zod/mini';
import type { Store } from '../ports/store';
import type { UserDoc } from './account/user';
import type { AppContext } from './context';
import type { Result } from './result';

/**
 * Who may reach an action at all; finer role and scope checks live in the use case.
 * - public: anyone, even without identity;
 * - identified: a platform identity (registered or not);
 * - registered: a user record in any status;
 * - active: an approved (active) account.
 */
export type Access = 'public' | 'identified' | 'registered' | 'active';

/**
 * The context an action of access `A` runs with: dispatch has already established what the
 * access level promises, so an `active` or `registered` action gets its caller's record and id
 * without a check or a cast.
 */
export type ContextFor<A extends Access> = A extends 'registered' | 'active'
  ? AppContext & { openid: string; callerId: string; user: UserDoc }
  : A extends 'identified'
    ? AppContext & { openid: string; callerId: string }
    : AppContext;

/** What an action's `load` may use: issued before the caller's record is known. */
export interface LoadContext {
  store: Store;
  /** The caller's user id, derived from the OPENID (null without one). */
  callerId: string | null;
  /** The call's time (the clock's). */
  now: Date;
}

/** One action of a cloud function: its input schema, baseline access and use case. */
export interface ActionDef<S extends z.ZodMiniType = z.ZodMiniType, R = unknown, A extends Access = Access, L = undefined> {
  input: S;
  access: A;
  /** Accepts `clientToken`: a repeat with the same token and payload returns the first result. */
  idempotent?: boolean;
  /** One-line description, shown in docs and the authorisation matrix. */
  summary: string;
  /**
   * The reads the action needs that do not depend on the caller's record: dispatch issues them in
   * the same round as that record (a round trip each in production; in parallel, they cost one).
   * Their result reaches `run` as `ctx.loaded`, whatever the caller turns out to be: `run` checks
   * access before it answers with anything loaded.
   */
  load?(input: z.output<S>, ctx: LoadContext): Promise<L>;
  run(input: z.output<S>, ctx: ContextFor<A> & { loaded: L }): Promise<Result<R>>;
}

/** A function's actions by name. */
export type ActionMap = Record<string, ActionDef<z.ZodMiniType, unknown, Access, unknown>>;

/** Declares an action with its input type inferred from the schema and its context from its access. */
export function defineAction<S extends z.ZodMiniType, R, A extends Access, L = undefined>(def: ActionDef<S, R, A, L>): ActionMap[string] {
  return def as unknown as ActionMap[string];
}
