// How long the mini-program waits for each cloud function before it gives up (cloud mode): longer
// than the function's own timeout, so the function's answer — TIME_BUDGET_EXCEEDED included — or
// the platform's timeout error always arrives first, and CLIENT_TIMEOUT means only that the answer
// was lost on the way.
import type { FunctionTimeouts } from '../../cloudfunctions/core/app/function-timeouts';

/** The cloud functions (API.md §5). */
export type FunctionName = 'account' | 'community' | 'volunteer' | 'requests' | 'ratings' | 'messages' | 'owners' | 'admin' | 'outreach';

/**
 * Each function's timeout in seconds, as cloudbaserc.json deploys it. Typed by the server's table
 * (app/function-timeouts.ts, whose test holds it to cloudbaserc.json): a figure that differs
 * does not compile.
 */
const FUNCTION_TIMEOUT_S: Pick<FunctionTimeouts, FunctionName> = {
  account: 10,
  community: 10,
  volunteer: 10,
  requests: 10,
  owners: 20,
  ratings: 10,
  messages: 10,
  admin: 60,
  outreach: 10,
};

/**
 * How much longer than its function the client waits: a cold start (the container and the bundle's
 * load, 1–2 s, come before the function's clock starts) and the way back to the phone; the
 * platform's own timeout error (-504003) comes after the function's timeout too.
 */
export const CLIENT_MARGIN_MS = 5000;

/** The client-side timeout of a call to `fn`, in ms. */
export function cloudTimeoutMs(fn: FunctionName): number {
  return FUNCTION_TIMEOUT_S[fn] * 1000 + CLIENT_MARGIN_MS;
}
