/**
 * The time budget of one call. Inside `run`, platform work (database, WeChat open API) that is still
 * unfinished at the deadline fails with UnavailableError('TIME_BUDGET_EXCEEDED'), so the call answers
 * before the platform kills the function. adapters/call-budget.ts implements it.
 */
export interface CallBudget {
  /** Runs `fn` with a deadline this budget's length from now. */
  run<R>(fn: () => Promise<R>): Promise<R>;
}
