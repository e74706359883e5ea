import { createCloudEntry, createSchedulerEntry, platformContextFor, platformOpenid } from '../../cloudfunctions/core/runtime/cloud-entry';
import { accountActions } from '../../cloudfunctions/core/app/account/actions';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

describe('production entry', () => {
  test('reads the OPENID the platform injected into the context', () => {
    expect(platformOpenid(platformContextFor('o-123'))).toBe('o-123');
  });

  test('finds no identity in a missing or unparsable context', () => {
    expect(platformOpenid(undefined)).toBeNull();
    expect(platformOpenid({})).toBeNull();
    expect(platformOpenid({ environment: '{not json' })).toBeNull();
  });

  test('ignores x-openid and openid fields in the event', async () => {
    const main = createCloudEntry('account', accountActions, h.deps);
    const r = await main(
      { action: 'whoami', 'x-openid': 'demo-admin', openid: 'demo-admin', userInfo: { openId: 'demo-admin' } },
      platformContextFor(null),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('the scheduler refuses a call made by a user', async () => {
    const main = createSchedulerEntry(h.deps);
    expect(await main({ Type: 'Timer' }, platformContextFor('demo-admin'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await main({ action: 'tick' }, platformContextFor(null))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('the scheduler runs its tick for the timer trigger', async () => {
    const main = createSchedulerEntry(h.deps);
    const r = await main({ Type: 'Timer', TriggerName: 'every10min', Time: '2026-11-20T01:00:00Z' }, platformContextFor(null));
    expect(r.ok).toBe(true);
    expect(r.ok && Object.keys(r.data as object).sort()).toEqual(['notifications', 'ratings', 'requests', 'volunteer']);
  });
});
