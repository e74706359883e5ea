/** Calling an action that a sample needs first. */
import type { FunctionName } from '../../cloudfunctions/core/app/functions';
import type { Harness } from './harness';

export type Payload = Record<string, unknown>;
export type SampleBuilder = (h: Harness) => Promise<Payload>;

/** Calls an action that must succeed (a prerequisite of a sample) and returns its data. */
export async function must<T = Record<string, unknown>>(
  h: Harness,
  fn: FunctionName,
  action: string,
  data: Payload,
  openid: string,
): Promise<T> {
  const r = await h.call<T>(fn, action, data, openid);
  if (!r.ok) throw new Error(`sample prerequisite ${fn}.${action} as ${openid} failed: ${JSON.stringify(r.error)}`);
  return r.data;
}
