import type { z } from 'zod';
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

/** One action of a cloud function: its input schema, baseline access and use case. */
export interface ActionDef<S extends z.ZodType = z.ZodType, R = unknown, A extends Access = Access> {
  input: S;
  access: A;
  /** Accepts `clientToken`: a repeat with the same token and payload returns the first result. */
  idempotent?: boolean;
  /** One-line description, shown in docs and the authorisation matrix. */
  summary: string;
  run(input: z.output<S>, ctx: ContextFor<A>): Promise<Result<R>>;
}

/** A function's actions by name. */
export type ActionMap = Record<string, ActionDef>;

/** Declares an action with its input type inferred from the schema and its context from its access. */
export function defineAction<S extends z.ZodType, R, A extends Access>(def: ActionDef<S, R, A>): ActionDef {
  return def as unknown as ActionDef;
}
