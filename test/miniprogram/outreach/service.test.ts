// The outreach service is typed as the other services are: every answer's failure carries the
// outreach function's reasons (OutreachReason), not every function's. The type check below fails to
// compile (npm run typecheck) when one of its functions answers another union; the test reads a
// refusal through the service as a page would.
import type { OutreachReason } from '../../../cloudfunctions/core/app/outreach/reasons';
import type { TransportReason } from '../../../typings/api';
import * as outreach from '../../../miniprogram/outreach/service';
import { mockBackend } from '../harness';
import { installWx } from '../wx-mock';

type Services = typeof outreach;
type ReasonsOf<F> = F extends (...args: never[]) => Promise<infer A>
  ? A extends { ok: false; error: { reason?: infer R } }
    ? R
    : never
  : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The service functions whose failures are not typed with exactly OutreachReason (and the transport's). */
type Untyped = {
  [K in keyof Services]: Services[K] extends (...args: never[]) => Promise<unknown>
    ? Same<NonNullable<ReasonsOf<Services[K]>>, OutreachReason | TransportReason> extends true
      ? never
      : K
    : never;
}[keyof Services];
const untyped: [Untyped] extends [never] ? 'every function answers OutreachReason' : Untyped = 'every function answers OutreachReason';

beforeEach(() => installWx());

test('every outreach service answers with the outreach function’s reasons', () => {
  expect(untyped).toBe('every function answers OutreachReason');
});

test('a refusal reaches the page with its reason, one the page can compare against OutreachReason', async () => {
  mockBackend({ 'outreach.claim': { ok: false, error: { code: 'CONFLICT', message: '名额已满', reason: 'NEED_FULL' } } });
  const r = await outreach.claim('need_demo_elder');
  const full: OutreachReason = 'NEED_FULL';
  expect(!r.ok && r.error.reason === full).toBe(true);
});
