import type { z } from 'zod';
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

/** One action of a cloud function: its input schema, baseline access and use case. */
export interface ActionDef<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S;
  access: Access;
  /** Accepts `clientToken`: a repeat with the same token and payload returns the first result. */
  idempotent?: boolean;
  /** One-line description, shown in docs and the authorisation matrix. */
  summary: string;
  run(input: z.output<S>, ctx: AppContext): Promise<Result<R>>;
}

/** A function's actions by name. */
export type ActionMap = Record<string, ActionDef>;

/** Declares an action with its input type inferred from the schema. */
export function defineAction<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef {
  return def as unknown as ActionDef;
}
