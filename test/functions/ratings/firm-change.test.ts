/**
 * A compound that changes firm mid-period (RULES.md §4, §9: a period's ratings belong to the firm
 * that served then; the rule in domain/firm-service.ts): each sheet counts for the firm serving on
 * the day it was submitted, read from the service history at publication.
 */
import type { FirmResultDoc } from '../../../cloudfunctions/core/app/ratings/rating';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { useRatingsHarness } from './support';

const x = useRatingsHarness();
const { all, sheet } = x;

async function ok(fn: Parameters<typeof x.h.call>[0], action: string, data: unknown, openid: string, at: string): Promise<void> {
  x.h.clock.set(at);
  const r = await x.h.call(fn, action, data, openid);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}

/** The compound's entries in each firm's published result of 2026-H2 in the demo community. */
async function compoundResults(compoundId: string) {
  const rows = await x.h.store.find<FirmResultDoc>('rating_firm_results', { communityId: DEMO.communityId, period: '2026-H2' });
  return new Map(rows.flatMap((r) => r.compounds.filter((c) => c.compoundId === compoundId).map((c) => [r.firmId, c] as const)));
}

/** The compound's sheets of 2026-H2, counted straight from the database, before and from the change day. */
async function sheetsAround(compoundId: string, changeAt: string) {
  const sheets = await x.h.store.find<{ _id: string; submittedAt: string }>('rating_sheets', { compoundId, period: '2026-H2' });
  const before = sheets.filter((s) => Date.parse(s.submittedAt) < Date.parse(changeAt)).length;
  return { before, after: sheets.length - before };
}

test('a sheet filled before the change counts for the old firm, one after it for the new one', async () => {
  await ok('ratings', 'submit', { ...sheet, scores: all(5) }, 'demo-cparty', '2026-08-15T10:00:00+08:00');
  await ok(
    'admin',
    'assignFirm',
    { compoundId: DEMO.compound1, firmId: DEMO.firm2, from: '2026-10-01' },
    'demo-admin',
    '2026-10-05T10:00:00+08:00',
  );
  await ok('ratings', 'submit', { ...sheet, scores: all(1) }, 'demo-oc', '2026-10-10T10:00:00+08:00');
  await ok('ratings', 'publish', { period: '2026-H2' }, 'demo-party', '2026-11-20T09:00:00+08:00');

  const results = await compoundResults(DEMO.compound1);
  const expected = await sheetsAround(DEMO.compound1, '2026-10-01T00:00:00+08:00');
  expect(expected.before).toBeGreaterThan(0);
  expect(expected.after).toBeGreaterThan(0);
  // The old firm keeps the compound party's sheet (all 5s: 100); the new firm has the rest.
  expect(results.get(DEMO.firm1)).toMatchObject({ sheetCount: expected.before, components: { partyOrg: 100 } });
  expect(results.get(DEMO.firm2)?.sheetCount).toBe(expected.after);
  expect(results.get(DEMO.firm2)?.components.partyOrg).toBeNull();
  // Both firms' city-wide results count the compound.
  const city = await x.h.store.find<{ _id: string; firmId: string }>('rating_city_results', { period: '2026-H2' });
  expect(city.map((c) => c.firmId).sort()).toEqual(expect.arrayContaining([DEMO.firm1, DEMO.firm2]));
});

test('an assignment back-dated before a sheet moves the sheet to the new firm', async () => {
  await ok('ratings', 'submit', { ...sheet, scores: all(5) }, 'demo-cparty', '2026-10-10T10:00:00+08:00');
  await ok(
    'admin',
    'assignFirm',
    { compoundId: DEMO.compound1, firmId: DEMO.firm2, from: '2026-10-01' },
    'demo-admin',
    '2026-10-20T10:00:00+08:00',
  );
  await ok('ratings', 'publish', { period: '2026-H2' }, 'demo-party', '2026-11-20T09:00:00+08:00');

  const results = await compoundResults(DEMO.compound1);
  const expected = await sheetsAround(DEMO.compound1, '2026-10-01T00:00:00+08:00');
  expect(expected.before).toBe(0);
  expect(results.get(DEMO.firm2)).toMatchObject({ sheetCount: expected.after, components: { partyOrg: 100 } });
  // The old firm served part of the period but has no sheet there: it is not evaluated for the compound.
  expect(results.has(DEMO.firm1)).toBe(false);
});
