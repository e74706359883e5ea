import type { ActivityDoc, SignupDoc } from '../../cloudfunctions/core/app/volunteer/model';
import { userIdFor } from '../../cloudfunctions/core/app/ids';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { volunteerDocs } from '../support/builders';
import { startTestGateway, type TestGateway } from '../support/gateway';

jest.setTimeout(120_000);

let g: TestGateway;
beforeAll(async () => {
  g = await startTestGateway();
});
afterAll(() => g.close());

/** Adds active residents with volunteer profiles straight to the store; returns their openids. */
async function addVolunteers(n: number, prefix: string): Promise<string[]> {
  const openids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  await g.deps.store.transaction(async (tx) => {
    for (const [i, openid] of openids.entries()) {
      const { user, volunteer } = volunteerDocs(userIdFor(openid, g.deps.userIdSalt), openid, i, { prefix: `G${prefix}` });
      await tx.insert('users', user);
      await tx.insert('volunteers', volunteer);
    }
  });
  return openids;
}

async function createActivity(capacity: number, title: string): Promise<string> {
  const r = await g.post<{ activityId: string }>(
    'volunteer',
    'createActivity',
    {
      communityId: DEMO.communityId,
      title,
      category: 'civility',
      description: '并发报名测试',
      location: '胜利街',
      startAt: '2026-11-26T09:00:00+08:00',
      endAt: '2026-11-26T11:00:00+08:00',
      capacity,
    },
    'demo-rc',
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data.activityId;
}

test('500 concurrent signups by 500 volunteers for 20 seats: exactly 20 confirmed, 480 waitlisted at positions 1…480, no duplicate', async () => {
  const vols = await addVolunteers(500, 'g500');
  const activityId = await createActivity(20, '五百人并发报名');
  const results = await Promise.all(
    vols.map((v) => g.post<{ status: string; position?: number }>('volunteer', 'signup', { activityId }, v)),
  );
  expect(results.filter((r) => !r.ok)).toEqual([]);
  const data = results.flatMap((r) => (r.ok ? [r.data] : []));
  expect(data.filter((d) => d.status === 'confirmed')).toHaveLength(20);
  const positions = data.filter((d) => d.status === 'waitlisted').map((d) => d.position as number);
  expect(positions).toHaveLength(480);
  expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 480 }, (_, i) => i + 1));

  const rows = await g.deps.store.find<SignupDoc>('signups', { activityId });
  expect(rows).toHaveLength(500);
  expect(new Set(rows.map((s) => s.userId)).size).toBe(500);
  const a = (await g.deps.store.get<ActivityDoc>('activities', activityId)) as ActivityDoc;
  expect(a).toMatchObject({ confirmedCount: 20, waitlistCount: 480 });
  expect(new Set(a.waitlist).size).toBe(480);
  // Each volunteer's reported position is their place in the stored queue.
  for (const [i, d] of data.entries()) {
    if (d.status === 'waitlisted') expect(a.waitlist[(d.position as number) - 1]).toBe(userIdFor(vols[i], g.deps.userIdSalt));
  }
});

test('a volunteer calling organiser actions over HTTP gets FORBIDDEN', async () => {
  const activityId = await createActivity(5, '权限测试');
  for (const [action, data] of [
    ['roster', { activityId }],
    ['cancelActivity', { activityId, reason: '试试' }],
    ['checkIn', { activityId, userId: 'u_someone' }],
  ] as const) {
    const r = await g.post('volunteer', action, data, 'demo-volunteer');
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  }
});
