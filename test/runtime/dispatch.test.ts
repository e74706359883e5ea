import { z } from 'zod';
import { defineAction, type ActionMap } from '../../cloudfunctions/core/app/action';
import { dispatch } from '../../cloudfunctions/core/app/dispatch';
import { fail, ok } from '../../cloudfunctions/core/app/result';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
let runs: number;
beforeEach(async () => {
  h = await makeHarness();
  runs = 0;
});
afterEach(() => h.close());

const actions: ActionMap = {
  echo: defineAction({
    summary: 'echo',
    access: 'public',
    input: z.strictObject({ text: z.string().max(5) }),
    run: async (input) => ok({ text: input.text }),
  }),
  boom: defineAction({
    summary: 'throws',
    access: 'public',
    input: z.strictObject({}),
    run: async () => {
      throw new Error('SQLITE_BUSY: secret detail at /srv/app.js:12');
    },
  }),
  counted: defineAction({
    summary: 'writes once per real run',
    access: 'identified',
    idempotent: true,
    input: z.strictObject({ n: z.number(), clientToken: z.string().optional() }),
    run: async (input, ctx) => {
      if (input.n < 0) return fail('INVALID_STATE', 'negative');
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      await ctx.store.insert('audit', {
        _id: `run-${runs}`,
        at: 'x',
        actorId: null,
        action: 'test',
        targetType: 't',
        targetId: String(input.n),
      });
      return ok({ run: runs, n: input.n });
    },
  }),
  refusing: defineAction({
    summary: 'fails as a value',
    access: 'active',
    input: z.strictObject({}),
    run: async () => fail('INVALID_STATE', 'no', 'STALE'),
  }),
};

const call = (event: unknown, openid: string | null = 'demo-resident') => dispatch('test', actions, event, h.deps, openid);

describe('dispatch', () => {
  test('answers UNKNOWN_ACTION for an action the function does not have', async () => {
    expect(await call({ action: 'nope' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('does not dispatch to inherited property %s', async (name) => {
    expect(await call({ action: name })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  test.each([
    ['a null event', null],
    ['a string event', 'string'],
    ['an array event', [1, 2]],
    ['an event without an action', { data: {} }],
    ['an event whose action is a number', { action: 42 }],
  ])('answers INVALID_INPUT for %s', async (_name, event) => {
    expect(await call(event)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test('lists the offending fields with INVALID_INPUT', async () => {
    const r = await call({ action: 'echo', data: { text: 'too long', extra: 1 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.issues?.map((i) => i.path.join('.') || '(root)').sort()).toEqual(['(root)', 'text']);
  });

  test('turns a thrown error into INTERNAL without leaking its text, and logs it', async () => {
    const r = await call({ action: 'boom' });
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(JSON.stringify(r)).not.toMatch(/SQLITE|secret|srv/);
    expect(h.logger.errors).toHaveLength(1);
  });

  test('keeps a failure value with its reason', async () => {
    expect(await call({ action: 'refusing' })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'no', reason: 'STALE' },
    });
  });

  test('refuses active-only actions to unregistered and pending callers', async () => {
    expect(await call({ action: 'refusing' }, 'stranger')).toMatchObject({ error: { code: 'FORBIDDEN', reason: 'NOT_REGISTERED' } });
    expect(await call({ action: 'refusing' }, 'demo-pending')).toMatchObject({
      error: { code: 'FORBIDDEN', reason: 'ACCOUNT_NOT_ACTIVE' },
    });
    expect(await call({ action: 'refusing' }, null)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  test('lets public actions run without identity', async () => {
    expect(await call({ action: 'echo', data: { text: 'hi' } }, null)).toEqual({ ok: true, data: { text: 'hi' } });
  });
});

describe('idempotency', () => {
  test('returns the first result for a repeat of the same clientToken and payload', async () => {
    const first = await call({ action: 'counted', data: { n: 1, clientToken: 'tok-00000001' } });
    const again = await call({ action: 'counted', data: { n: 1, clientToken: 'tok-00000001' } });
    expect(again).toEqual(first);
    expect(runs).toBe(1);
  });

  test('answers CONFLICT for the same token with another payload, running nothing', async () => {
    await call({ action: 'counted', data: { n: 1, clientToken: 'tok-00000002' } });
    const r = await call({ action: 'counted', data: { n: 2, clientToken: 'tok-00000002' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'CLIENT_TOKEN_REUSED' } });
    expect(runs).toBe(1);
  });

  test('runs once for five concurrent retries with one token, all getting the same answer', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call({ action: 'counted', data: { n: 7, clientToken: 'tok-00000003' } })),
    );
    expect(runs).toBe(1);
    for (const r of results) expect(r).toEqual(results[0]);
    expect(await h.store.count('audit', { action: 'test' })).toBe(1);
  });

  test('keeps tokens of different callers apart', async () => {
    await call({ action: 'counted', data: { n: 1, clientToken: 'tok-00000004' } }, 'demo-resident');
    await call({ action: 'counted', data: { n: 1, clientToken: 'tok-00000004' } }, 'demo-volunteer');
    expect(runs).toBe(2);
  });

  test('does not remember a refusal: it stores nothing, and a retry with the same token is decided afresh', async () => {
    const before = h.snapshot();
    const refused = await call({ action: 'counted', data: { n: -1, clientToken: 'tok-00000005' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(h.snapshot()).toEqual(before);
    const retried = await call({ action: 'counted', data: { n: 1, clientToken: 'tok-00000005' } });
    expect(retried.ok).toBe(true);
  });

  test('runs normally without a token', async () => {
    await call({ action: 'counted', data: { n: 1 } });
    await call({ action: 'counted', data: { n: 1 } });
    expect(runs).toBe(2);
  });
});

describe('the context an action runs with follows its access', () => {
  const typed: ActionMap = {
    me: defineAction({
      summary: 'the caller, as an active action sees it',
      access: 'active',
      input: z.strictObject({}),
      // No cast and no null check: dispatch has established both.
      run: async (_input, ctx) => ok({ name: ctx.user.name, id: ctx.callerId.slice(0, 2) }),
    }),
    anyone: defineAction({
      summary: 'a public action may have no caller',
      access: 'public',
      input: z.strictObject({}),
      run: async (_input, ctx) => {
        // @ts-expect-error a public action's caller may be unknown, so its record is nullable
        const name: string = ctx.user.name;
        return ok({ name });
      },
    }),
  };

  test('an active action reads its caller without a check, and an unregistered caller never reaches it', async () => {
    const seen = await dispatch('typed', typed, { action: 'me' }, h.deps, 'demo-resident');
    expect(seen).toEqual({ ok: true, data: { name: expect.any(String), id: 'u_' } });
    const stranger = await dispatch('typed', typed, { action: 'me' }, h.deps, 'nobody-registered');
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'NOT_REGISTERED' } });
  });

  test('a public action without a caller gets a null user (the type says so too)', async () => {
    const r = await dispatch('typed', typed, { action: 'anyone' }, h.deps, null);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
