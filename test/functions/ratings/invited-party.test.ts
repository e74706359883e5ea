/**
 * A compound party organisation formed by invitation (RULES.md §4 raters, §9 roles by invitation):
 * a compound_party member who lives in another compound still gives the compound a party
 * organisation, which displaces the community party organisation as its rater.
 */
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { useRatingsHarness } from './support';

const x = useRatingsHarness();
const { sheet, errorOf } = x;
const other = { ...sheet, compoundId: DEMO.compound2 };

async function invite(openid: string): Promise<string> {
  const r = await x.h.call<{ code: string }>('account', 'invite', { role: 'compound_party', scopeId: DEMO.compound2 }, 'demo-party');
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const redeemed = await x.h.call('account', 'redeem', { code: r.data.code }, openid);
  if (!redeemed.ok) throw new Error(JSON.stringify(redeemed.error));
  return r.data.code;
}

test('the community party organisation rates the second compound until someone holds its compound_party role', async () => {
  // demo-resident lives in the first compound: the invitation is their only tie to the second.
  const resident = await x.h.store.get<{ _id: string; compoundId: string }>('users', x.h.userId('demo-resident'));
  expect(resident?.compoundId).not.toBe(DEMO.compound2);
  const before = await x.h.call<{ raterRole: string }>('ratings', 'submit', other, 'demo-party');
  expect(before.ok && before.data.raterRole).toBe('party_org');

  await invite('demo-resident');
  // Their sheets page lists the compound they were invited to.
  const page = await x.h.call<{ items: Array<{ compoundId: string; raterRole: string }> }>(
    'ratings',
    'mySheets',
    { period: '2026-H2' },
    'demo-resident',
  );
  expect(page.ok && page.data.items).toEqual([expect.objectContaining({ compoundId: DEMO.compound2, raterRole: 'compound_party' })]);
  const mine = await x.h.call<{ raterRole: string }>('ratings', 'submit', other, 'demo-resident');
  expect(mine.ok && mine.data.raterRole).toBe('compound_party');
  expect(errorOf(await x.h.call('ratings', 'submit', other, 'demo-party'))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_A_RATER' });

  // Revoked, the invitation no longer counts: the community party organisation rates again.
  const revoked = await x.h.call(
    'account',
    'revokeRole',
    { userId: x.h.userId('demo-resident'), role: 'compound_party', scopeId: DEMO.compound2 },
    'demo-party',
  );
  expect(revoked.ok).toBe(true);
  const after = await x.h.call<{ raterRole: string }>('ratings', 'submit', other, 'demo-party');
  expect(after.ok && after.data.raterRole).toBe('party_org');
});

test("the period's overview lists an invited member who lives in another community among the compound's raters", async () => {
  // demo-resident4 lives in the second street's community: the invitation is their only tie here.
  await invite('demo-resident4');
  type Period = { compounds: Array<{ compoundId: string; raters: Array<{ userId: string; role: string; rated: boolean }> }> };
  const r = await x.h.call<Period>('ratings', 'period', { period: '2026-H2' }, 'demo-party');
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const raters = r.data.compounds.find((c) => c.compoundId === DEMO.compound2)?.raters ?? [];
  expect(raters).toContainEqual(expect.objectContaining({ userId: x.h.userId('demo-resident4'), role: 'compound_party', rated: false }));
  // The compound now has a party organisation: the community's no longer rates it.
  expect(raters.map((p) => p.role)).not.toContain('party_org');
});
