/**
 * Product bugs the security tests found and reported to the lead, as switches: while one is true
 * the tests check that the bug is still there (and tolerate nothing else); once the code is fixed
 * they fail, asking for the switch to be turned off, which makes them check the rule itself.
 * (Matrix cells live in authz-matrix.ts REPORTED, leaks in personal-data.test.ts REPORTED_LEAKS.)
 */

/**
 * app/idempotency.ts runOnce stores the result of every call made with a clientToken, refusals
 * included: a call the use case refuses (FORBIDDEN, NOT_FOUND, INVALID_STATE, CONFLICT STALE…)
 * still writes an `idempotency` record, so "a refused call changes nothing" does not hold, and a
 * retry with the same token replays the refusal even after the cause is gone (a seat freed, the
 * account approved, a concurrent change settled). Found by the fuzzer (volunteer.signup, NOT_FOUND).
 */
export const REFUSED_TOKEN_RECORD_REPORTED = false;

/**
 * runtime/gateway.ts answers a client error (e.g. a request that times out) with `socket.end()`
 * and never destroys the socket: a client that never closes its side keeps the connection open
 * indefinitely (Node's default handler destroys it).
 */
export const HALF_OPEN_REPORTED = false;
