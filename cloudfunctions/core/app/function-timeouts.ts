/**
 * Each cloud function's timeout, in seconds, as cloudbaserc.json deploys it — that file is the
 * truth, and test/runtime/function-timeouts.test.ts fails when the two differ. The literal types
 * carry the figures to the mini-program (`import type`), whose client-side timeouts must name the
 * same ones (miniprogram/services/timeouts.ts).
 */
export const FUNCTION_TIMEOUT_S = {
  account: 10,
  community: 10,
  volunteer: 10,
  requests: 10,
  owners: 20,
  ratings: 10,
  messages: 10,
  admin: 60,
  outreach: 10,
  scheduler: 60,
} as const;

export type FunctionTimeouts = typeof FUNCTION_TIMEOUT_S;
export type DeployedFunction = keyof FunctionTimeouts;

export function isDeployedFunction(name: string): name is DeployedFunction {
  return Object.prototype.hasOwnProperty.call(FUNCTION_TIMEOUT_S, name);
}

/**
 * What a call keeps between its budget's deadline and the platform's timeout, to answer: the
 * code that runs after the last database request (a cut-short request is given up at the
 * deadline, but the work between requests, building a spreadsheet and uploading it — Files is not
 * budgeted — still runs), the envelope's serialisation and its way back through the platform.
 * At least 3 s (a 10 s function keeps a 7 s budget), and a fifth of a longer timeout: the
 * functions with long timeouts are the ones that import and export, whose work after the
 * database (a workbook of thousands of rows, its upload) grows with the data.
 */
export function answerMarginMs(timeoutS: number): number {
  return Math.max(3000, timeoutS * 200);
}

/** The database and content-check budget of one call of `fn`, in ms: its timeout minus the margin. */
export function callBudgetMs(fn: DeployedFunction): number {
  const timeoutMs = FUNCTION_TIMEOUT_S[fn] * 1000;
  return timeoutMs - answerMarginMs(FUNCTION_TIMEOUT_S[fn]);
}
