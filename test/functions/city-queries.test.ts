/**
 * Queries of first calls that would scan a whole city's collection without their index (issue #16
 * §3, measured in bench/results.md): each uses the index declared for it in app/collections.ts,
 * which SQLite creates and `npm run db:indexes` exports for CloudBase.
 */
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

describe('indexes of city-scale queries', () => {
  test.each([
    [
      "a compound's party members (ratings.mySheets, ratings.submit: hasCompoundParty)",
      'users',
      { status: 'active', roles: { $contains: 'compound_party' }, compoundId: 'cp' },
      undefined,
      'users__compound_status',
    ],
    [
      "the latest period's city-wide grades (admin.overview)",
      'rating_city_results',
      {},
      [
        ['period', 'desc'],
        ['firmId', 'asc'],
      ],
      'rating_city_results__period_firm',
    ],
  ] as const)('%s', (_name, collection, filter, orderBy, index) => {
    const plan = h.store.explain(collection, filter as never, orderBy ? { orderBy: orderBy as never } : {});
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/SCAN (users|rating_city_results)(?! USING)/);
  });
});
