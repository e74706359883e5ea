import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { FORM_OPTIONS } from '../../cloudfunctions/core/app/account/options';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const registration = {
  name: '林晓',
  phone: '13812345678',
  communityId: DEMO.communityId,
  compoundId: DEMO.compound1,
  building: '3栋',
  room: '1202',
};

describe('account.whoami', () => {
  test('shows the admin to demo-admin', async () => {
    const r = await h.call<{ openid: string; user: { roles: string[]; status: string } }>('account', 'whoami', {}, 'demo-admin');
    expect(r.ok && r.data.openid).toBe('demo-admin');
    expect(r.ok && r.data.user).toMatchObject({ roles: ['admin'], status: 'active' });
  });

  test('answers user null for an unregistered openid', async () => {
    const r = await h.call('account', 'whoami', {}, 'stranger-1');
    expect(r).toEqual({ ok: true, data: { openid: 'stranger-1', user: null, options: FORM_OPTIONS } });
  });

  test('answers UNAUTHENTICATED without a platform identity', async () => {
    const r = await h.call('account', 'whoami', {}, null);
    expect(!r.ok && r.error.code).toBe('UNAUTHENTICATED');
  });

  test('ignores an openid smuggled into the event', async () => {
    const r = await h.callRaw('account', { action: 'whoami', data: {}, openid: 'demo-admin', 'x-openid': 'demo-admin' }, 'stranger-2');
    expect(r).toEqual({ ok: true, data: { openid: 'stranger-2', user: null, options: FORM_OPTIONS } });
  });
});

describe('account.register', () => {
  test('creates a pending user for a new caller', async () => {
    const r = await h.call<{ status: string; roles: string[] }>('account', 'register', registration, 'new-1');
    expect(r.ok && r.data).toMatchObject({ status: 'pending', roles: [], name: '林晓' });
  });

  test('refuses a second registration with CONFLICT and changes nothing', async () => {
    await h.call('account', 'register', registration, 'new-1');
    const before = h.snapshot();
    const r = await h.call('account', 'register', { ...registration, name: '别人' }, 'new-1');
    expect(!r.ok && r.error).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REGISTERED' });
    expect(h.snapshot()).toEqual(before);
  });

  test('lets only one of many concurrent registrations of one caller through', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => h.call('account', 'register', registration, 'new-2')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(19);
  });

  test('rejects a compound of another community with NOT_FOUND', async () => {
    const r = await h.call('account', 'register', { ...registration, communityId: 'cm_other' }, 'new-3');
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });

  test.each([
    ['a 10-digit phone', { phone: '1381234567' }, 'phone'],
    ['a missing name', { name: undefined }, 'name'],
    ['a 21-character name', { name: '林'.repeat(21) }, 'name'],
    ['a blank room', { room: '   ' }, 'room'],
    ['an unknown field', { idCard: '420000199001011234' }, ''],
    ['a numeric building', { building: 3 }, 'building'],
  ])('rejects %s with INVALID_INPUT naming the field, changing nothing', async (_label, patch, field) => {
    const before = h.snapshot();
    const r = await h.call('account', 'register', { ...registration, ...patch }, 'new-4');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    if (!r.ok && field) expect(r.error.issues?.some((i) => i.path[0] === field)).toBe(true);
    expect(h.snapshot()).toEqual(before);
  });
});

describe('account.approve', () => {
  test('lets residents-committee staff approve a pending resident of their community', async () => {
    const r = await h.call<{ status: string; roles: string[] }>('account', 'approve', { userId: h.userId('demo-pending') }, 'demo-rc');
    expect(r.ok && r.data).toMatchObject({ status: 'active', roles: ['resident'] });
    const who = await h.call<{ user: { status: string } }>('account', 'whoami', {}, 'demo-pending');
    expect(who.ok && who.data.user.status).toBe('active');
  });

  test('records the approval in the audit log', async () => {
    await h.call('account', 'approve', { userId: h.userId('demo-pending') }, 'demo-party');
    const entries = await h.store.find('audit', { action: 'account.approve', targetId: h.userId('demo-pending') });
    expect(entries).toHaveLength(1);
  });

  test('forbids a resident from approving', async () => {
    const before = h.snapshot();
    const r = await h.call('account', 'approve', { userId: h.userId('demo-pending') }, 'demo-resident');
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
  });

  test('answers INVALID_STATE for a user who is already active', async () => {
    const r = await h.call('account', 'approve', { userId: h.userId('demo-resident') }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('INVALID_STATE');
  });

  test('forbids a pending user from acting', async () => {
    const r = await h.call('account', 'approve', { userId: h.userId('demo-resident') }, 'demo-pending');
    expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_NOT_ACTIVE' });
  });
});

describe('account.grantRole', () => {
  test('lets residents-committee staff make a resident of their community an owners-committee member', async () => {
    const r = await h.call<{ roles: string[] }>(
      'account',
      'grantRole',
      { userId: h.userId('demo-resident'), role: 'oc_member' },
      'demo-rc',
    );
    expect(r.ok && r.data.roles).toEqual(['resident', 'oc_member']);
  });

  test('forbids residents-committee staff from granting other roles', async () => {
    const r = await h.call('account', 'grantRole', { userId: h.userId('demo-resident'), role: 'rc_staff' }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });

  test('requires a firm for property staff', async () => {
    const r = await h.call('account', 'grantRole', { userId: h.userId('demo-resident'), role: 'property_staff' }, 'demo-admin');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
  });

  test('binds property staff to an existing firm', async () => {
    const missing = await h.call(
      'account',
      'grantRole',
      { userId: h.userId('demo-resident'), role: 'property_staff', firmId: 'f_none' },
      'demo-admin',
    );
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    const r = await h.call<{ firmId: string }>(
      'account',
      'grantRole',
      { userId: h.userId('demo-resident'), role: 'property_staff', firmId: DEMO.firm2 },
      'demo-admin',
    );
    expect(r.ok && r.data.firmId).toBe(DEMO.firm2);
  });

  test('answers CONFLICT for a role the user already holds', async () => {
    const r = await h.call('account', 'grantRole', { userId: h.userId('demo-oc'), role: 'oc_member' }, 'demo-rc');
    expect(!r.ok && r.error.code).toBe('CONFLICT');
  });

  test('rejects an unknown role with INVALID_INPUT', async () => {
    const r = await h.call('account', 'grantRole', { userId: h.userId('demo-resident'), role: 'mayor' }, 'demo-admin');
    expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
  });
});

describe('account.listMembers', () => {
  test('shows staff the members with masked phones', async () => {
    const r = await h.call<{ items: Array<{ name: string; phoneMasked: string }> }>(
      'account',
      'listMembers',
      { communityId: DEMO.communityId },
      'demo-rc',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.items.length).toBeGreaterThan(5);
    for (const m of r.data.items) expect(m.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(JSON.stringify(r.data)).not.toMatch(/1[3-9]\d{9}/);
    expect(JSON.stringify(r.data)).not.toContain('openid');
  });

  test('filters by status and role', async () => {
    const pending = await h.call<{ items: Array<{ name: string }> }>(
      'account',
      'listMembers',
      { communityId: DEMO.communityId, status: 'pending' },
      'demo-rc',
    );
    expect(pending.ok && pending.data.items.map((m) => m.name)).toEqual(['何小燕']);
    const oc = await h.call<{ items: unknown[] }>(
      'account',
      'listMembers',
      { communityId: DEMO.communityId, role: 'oc_member' },
      'demo-party',
    );
    expect(oc.ok && oc.data.items).toHaveLength(3);
  });

  test('pages through members with a cursor', async () => {
    const first = await h.call<{ items: Array<{ userId: string }>; nextCursor: string }>(
      'account',
      'listMembers',
      { communityId: DEMO.communityId, limit: 5 },
      'demo-rc',
    );
    expect(first.ok && first.data.items).toHaveLength(5);
    const second = await h.call<{ items: Array<{ userId: string }> }>(
      'account',
      'listMembers',
      { communityId: DEMO.communityId, limit: 5, cursor: first.ok ? first.data.nextCursor : '' },
      'demo-rc',
    );
    const ids = new Set([...(first.ok ? first.data.items : []), ...(second.ok ? second.data.items : [])].map((m) => m.userId));
    expect(ids.size).toBe(10);
  });

  test('forbids residents and staff of other communities', async () => {
    expect((await h.call('account', 'listMembers', { communityId: DEMO.communityId }, 'demo-resident')).ok).toBe(false);
    const other = await h.call('account', 'listMembers', { communityId: 'cm_other' }, 'demo-rc');
    expect(!other.ok && other.error.code).toBe('FORBIDDEN');
  });
});

describe('staff answers and the review queue', () => {
  test('answers approve and grantRole with the phone masked', async () => {
    const approved = await h.call('account', 'approve', { userId: h.userId('demo-pending') }, 'demo-rc');
    const granted = await h.call('account', 'grantRole', { userId: h.userId('demo-resident'), role: 'oc_member' }, 'demo-rc');
    for (const r of [approved, granted]) {
      expect(r.ok).toBe(true);
      expect(JSON.stringify(r)).not.toMatch(/1[3-9]\d{9}/);
    }
  });

  test('keeps the next page of the pending queue right after applicants on the first page are approved', async () => {
    for (let i = 0; i < 5; i++) {
      h.clock.advance(60_000);
      await h.call('account', 'register', { ...registration, name: `申请人${i}` }, `applicant-${i}`);
    }
    const list = (cursor?: string) =>
      h.call<{ items: Array<{ userId: string; name: string }>; nextCursor: string | null }>(
        'account',
        'listMembers',
        { communityId: DEMO.communityId, status: 'pending', limit: 3, ...(cursor ? { cursor } : {}) },
        'demo-rc',
      );
    const first = await list();
    expect(first.ok && first.data.items.map((m) => m.name)).toEqual(['何小燕', '申请人0', '申请人1']);
    for (const m of first.ok ? first.data.items : []) await h.call('account', 'approve', { userId: m.userId }, 'demo-rc');
    const second = await list(first.ok ? (first.data.nextCursor ?? undefined) : undefined);
    expect(second.ok && second.data.items.map((m) => m.name)).toEqual(['申请人2', '申请人3', '申请人4']);
    expect(second.ok && second.data.nextCursor).toBeNull();
  });

  test('starts from the beginning for a cursor it did not make', async () => {
    const r = await h.call<{ items: unknown[] }>(
      'account',
      'listMembers',
      { communityId: DEMO.communityId, cursor: 'not-a-cursor' },
      'demo-rc',
    );
    expect(r.ok && r.data.items.length).toBeGreaterThan(0);
  });
});
