/**
 * A firm's id is a key in the oversight counters (`counters.firms.<firmId>`, `requests.firm.<firmId>`,
 * app/admin/counters.ts, community/totals.ts) and in the city's grades (`grades.<firmId>`). A firm
 * registered through admin.registerFirm has a base64url id (app/ids.ts newId): about one in eight
 * holds a hyphen. The stores refused such a path, so assigning that firm, or a resident's request
 * in a compound it serves, answered INTERNAL (seen as a flaky admin-concurrency test).
 */
import type { OverviewView } from '../../cloudfunctions/core/app/admin/overview';
import { recountCommunity } from '../../cloudfunctions/core/app/admin/recount';
import { COMMUNITIES, FIRMS, type CommunityDoc, type FirmDoc } from '../../cloudfunctions/core/app/community/community';
import { makeCreditCode } from '../../cloudfunctions/core/domain/credit-code';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { submitRequest } from '../support/action-samples';
import { flat } from '../support/counters';
import { makeHarness, type Harness } from '../support/harness';

const FIRM_ID = 'f_mwo9v340-T7Kr5Q0';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  // As admin.registerFirm would have stored it, with an id newId drew.
  await h.store.insert<FirmDoc>(FIRMS, {
    _id: FIRM_ID,
    name: '荆州新设物业有限公司',
    creditCode: makeCreditCode('91', '421002', 'MA4C7D8F'),
    contactPhone: '07168210009',
    hasPartyOrg: false,
    createdAt: '2026-11-01T00:00:00.000Z',
  });
});
afterEach(() => h.close());

test('a firm whose id has a hyphen is assigned, counted and listed like any other', async () => {
  const assigned = await h.call('admin', 'assignFirm', { compoundId: DEMO.compound1, firmId: FIRM_ID, from: '2026-11-10' }, 'demo-admin');
  expect(assigned).toMatchObject({ ok: true });
  await submitRequest(h);

  const community = await h.store.get<CommunityDoc>(COMMUNITIES, DEMO.communityId);
  expect(community?.counters?.firms?.[FIRM_ID]).toBe(1);
  expect(community?.counters?.requests?.firm?.[FIRM_ID]?.total).toBe(1);
  const recount = await recountCommunity(h.store, DEMO.communityId);
  expect(flat(community?.counters)).toEqual(flat(recount.counters));

  const overview = await h.call<OverviewView>('admin', 'overview', { level: 'city' }, 'demo-admin');
  if (!overview.ok) throw new Error(overview.error.message);
  expect(overview.data.total.requests.byFirm).toContainEqual(
    expect.objectContaining({ firmId: FIRM_ID, firmName: '荆州新设物业有限公司', total: 1 }),
  );
  expect(h.logger.errors).toEqual([]);
});
