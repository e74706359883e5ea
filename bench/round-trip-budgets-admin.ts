/** Round-trip budgets of the `admin` function (see round-trip-budgets.ts). */
import { makeCreditCode } from '../cloudfunctions/core/domain/credit-code';
import { DEMO } from '../cloudfunctions/core/seed/demo-ids';
import type { Budget } from './round-trip-budgets';

export const ADMIN_BUDGETS: Record<string, Budget> = {
  exportLedger: {
    reads: 4,
    why: 'the caller, the community (scope check), then the requests of the ledger with their count beside (the export limit, same round); the file is stored outside the database and the export audited',
    call: () => ({ openid: 'demo-rc', data: { ledger: 'requests', communityId: DEMO.communityId } }),
  },
  createStreet: { reads: 1, call: () => ({ openid: 'demo-admin', data: { name: '朝阳街道', district: '沙市区' } }) },
  createCommunity: {
    reads: 2,
    why: 'the caller and the street (its name and district are copied to the community)',
    call: () => ({ openid: 'demo-street', data: { streetId: DEMO.street1, name: '新华社区' } }),
  },
  createCompound: {
    reads: 2,
    writes: 4,
    why: "the caller and the community (its street decides who may add to it); writes: the compound, the community's count of compounds and its street's (app/community/totals.ts), and the audit entry",
    call: () => ({ openid: 'demo-street', data: { communityId: DEMO.communityId, name: '新华小区', buildings: ['1栋'] } }),
  },
  registerFirm: {
    reads: 1,
    call: () => ({
      openid: 'demo-admin',
      data: { name: '荆州江汉物业有限公司', creditCode: makeCreditCode('91', '421002', 'MA4C7D8E'), hasPartyOrg: true },
    }),
  },
  assignFirm: {
    reads: 4,
    writes: 6,
    why: "caller, compound, firm and the service history; the compound, the closing of the last row, the new row, the community's firms served (oversight counters) and its street's (app/community/totals.ts), and the audit entry are written",
    call: () => ({ openid: 'demo-street', data: { compoundId: DEMO.compound1, firmId: DEMO.firm2, from: '2026-07-01' } }),
  },
  importStructure: {
    reads: 4,
    writes: 8,
    why: "the caller and the existing streets, communities and compounds (names are reused); a street (and its totals document), community and compound are new here, the community's count of compounds (oversight counters), the street's counts of compounds and of communities (app/community/totals.ts), plus the audit entry",
    call: () => ({
      openid: 'demo-admin',
      data: { rows: [{ district: '荆州区', street: '西城街道', community: '荆南社区', compound: '荆南小区', building: '1栋' }] },
    }),
  },
  structure: {
    reads: 5,
    why: "the caller and the city's streets (about 30) in parallel; then the communities and compounds (with their count) of the streets it reaches, in parallel. The admin's list of the city is the streets alone (2 reads), a street named in the input is read beside the caller",
    call: () => ({ openid: 'demo-street', data: {} }),
  },
  compound: {
    reads: 4,
    why: 'the caller, the compound, its community (the name shown) and its service history',
    call: () => ({ openid: 'demo-street', data: { compoundId: DEMO.compound1 } }),
  },
  rules: {
    reads: 2,
    why: 'the caller and the community (its street decides who may read its rules)',
    call: () => ({ openid: 'demo-street', data: { communityId: DEMO.communityId } }),
  },
  overview: {
    reads: 7,
    why: 'with the caller, in parallel: the streets and their totals (kept on write with their communities’ counters, each with its street’s busiest firms: app/community/totals.ts; a street’s overview reads its communities), the city’s busiest firms and how many firms have requests (a query of ten small documents and a count of the firms’ city-wide counts) and the latest city-wide grades (one document, kept with the results: app/ratings/city-grades.ts); then the firms the rows list, by id (names): depth 2, whatever the city’s size',
    call: () => ({ openid: 'demo-admin', data: { level: 'city' } }),
  },
  setRules: {
    reads: 2,
    why: 'the caller and the community (its rules are merged with the change)',
    call: () => ({ openid: 'demo-street', data: { communityId: DEMO.communityId, rules: { volunteerTarget: 0.2 } } }),
  },
  firms: {
    reads: 2,
    why: 'the caller and one page of the firms by name (read beside the caller, shown to the admin and street_admins only)',
    call: () => ({ openid: 'demo-admin', data: { limit: 20 } }),
  },
};
