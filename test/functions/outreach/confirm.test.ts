/**
 * outreach.confirmDone decided on what it loaded with the caller's record (app/outreach/confirm.ts):
 * several completed claims confirmed in one transaction, and confirmations racing each other — the
 * need's done count and status, the community's and its street's service counts, the messages and
 * the audit entries stay those of the claims confirmed, once each.
 */
import { AUDIT } from '../../../cloudfunctions/core/app/audit';
import { COMMUNITIES, STREET_TOTALS, type CommunityDoc, type StreetTotalsDoc } from '../../../cloudfunctions/core/app/community/community';
import { CLAIMS, NEEDS, type ClaimDoc, type NeedDoc } from '../../../cloudfunctions/core/app/outreach/model';
import type { NeedDetail } from '../../../cloudfunctions/core/app/outreach/views';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { must } from '../../support/action-samples';
import { makeHarness, type Harness } from '../../support/harness';
import { confirmedMembers, publish } from './support';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** A need of `n` slots, claimed and completed by `n` confirmed members. */
async function completedNeed(n: number): Promise<{ needId: string; members: string[] }> {
  const members = await confirmedMembers(h, n);
  const needId = await publish(h, { slots: n });
  for (const m of members) {
    await must(h, 'outreach', 'claim', { needId }, m);
    await must(h, 'outreach', 'complete', { needId, note: '已完成' }, m);
  }
  return { needId, members };
}

/** The general services counted on the demo community and on its street. */
async function servicesCounted(): Promise<[number, number]> {
  const [c, s] = await Promise.all([
    h.store.get<CommunityDoc>(COMMUNITIES, DEMO.communityId),
    h.store.get<StreetTotalsDoc>(STREET_TOTALS, DEMO.street1),
  ]);
  return [c?.backbone?.servicesGeneral ?? 0, s?.backbone?.servicesGeneral ?? 0];
}

test('three completed claims are confirmed in one call: each once, with its message and audit entry, and counted once', async () => {
  const { needId, members } = await completedNeed(3);
  const [community, street] = await servicesCounted();
  const done = await must<NeedDetail>(h, 'outreach', 'confirmDone', { needId }, 'demo-rc');
  expect([done.status, done.doneCount, done.claims.map((c) => c.status)]).toEqual(['done', 3, ['confirmed', 'confirmed', 'confirmed']]);
  const need = await h.store.get<NeedDoc>(NEEDS, needId);
  expect([need?.status, need?.doneCount]).toEqual(['done', 3]);
  expect(await servicesCounted()).toEqual([community + 3, street + 3]);
  for (const m of members) expect(await h.store.count('outbox', { userId: h.userId(m), template: 'need_confirmed' })).toBe(1);
  expect(await h.store.count(AUDIT, { action: 'outreach.confirmDone', targetId: needId })).toBe(3);
});

test('two organisers confirming different claims at the same moment leave the need done, each claim confirmed once', async () => {
  const { needId, members } = await completedNeed(2);
  const [community, street] = await servicesCounted();
  const results = await Promise.all([
    h.call<NeedDetail>('outreach', 'confirmDone', { needId, userId: h.userId(members[0]) }, 'demo-rc'),
    h.call<NeedDetail>('outreach', 'confirmDone', { needId, userId: h.userId(members[1]) }, 'demo-party'),
  ]);
  expect(results.map((r) => r.ok)).toEqual([true, true]);
  const need = await h.store.get<NeedDoc>(NEEDS, needId);
  expect([need?.status, need?.doneCount]).toEqual(['done', 2]);
  const claims = await h.store.find<ClaimDoc>(CLAIMS, { needId });
  expect(claims.map((c) => c.status)).toEqual(['confirmed', 'confirmed']);
  expect(await servicesCounted()).toEqual([community + 2, street + 2]);
});

test('two organisers confirming the whole need at the same moment confirm each claim once', async () => {
  const { needId, members } = await completedNeed(2);
  const [community, street] = await servicesCounted();
  const results = await Promise.all([
    h.call('outreach', 'confirmDone', { needId }, 'demo-rc'),
    h.call('outreach', 'confirmDone', { needId }, 'demo-party'),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { reason: 'ALREADY_CONFIRMED' } });
  const need = await h.store.get<NeedDoc>(NEEDS, needId);
  expect([need?.status, need?.doneCount]).toEqual(['done', 2]);
  expect(await servicesCounted()).toEqual([community + 2, street + 2]);
  for (const m of members) expect(await h.store.count('outbox', { userId: h.userId(m), template: 'need_confirmed' })).toBe(1);
  expect(await h.store.count(AUDIT, { action: 'outreach.confirmDone', targetId: needId })).toBe(2);
});
