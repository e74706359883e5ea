/** Round-trip budgets of the `owners` function (see round-trip-budgets.ts). */
import { DEMO, DEMO_MOTIONS } from '../cloudfunctions/core/seed/demo-ids';
import type { Budget, BudgetContext } from './round-trip-budgets';

const DAY = 24 * 3_600_000;

/** An owners' motion drafted 20 days ahead (the notice period is 15 days). */
const draftOf = (b: BudgetContext) => ({
  compoundId: DEMO.compound1,
  matter: 'manager',
  title: '续聘物业服务企业',
  text: '是否续聘楚韵物业三年',
  opensAt: new Date(b.now.getTime() + 20 * DAY).toISOString(),
  closesAt: new Date(b.now.getTime() + 27 * DAY).toISOString(),
});

export const OWNERS_BUDGETS: Record<string, Budget> = {
  importRegister: {
    reads: 4,
    writes: 4,
    why: 'the caller, the compound, its residents (to link) and the links so far; one write per unit and link, with the register and its audit entry, all in one transaction (the change and its audit entry are one transaction (RULES.md §5: the audit must not lose a change))',
    call: () => ({
      openid: 'demo-oc',
      data: {
        compoundId: DEMO.compound1,
        rows: [
          { building: '5栋', room: '502', area: '118.36', ownerName: '张志强', ownerPhone: '13907160004' },
          { building: '1栋', room: '101', area: '102.40', ownerName: '钱文华', ownerPhone: '13871600101' },
        ],
      },
    }),
  },
  register: {
    reads: 5,
    why: 'the caller, the compound, the register in force, a page of its units and the unlinked count',
    call: () => ({ openid: 'demo-oc', data: { compoundId: DEMO.compound1 } }),
  },
  residents: {
    reads: 4,
    why: 'the caller, the compound, its owner links and its residents',
    call: () => ({ openid: 'demo-oc', data: { compoundId: DEMO.compound1 } }),
  },
  linkUnit: {
    reads: 7,
    writes: 4,
    why: 'the caller, the compound, the resident, their link so far (inserted or replaced as read), the register, the unit named and the owner’s units; link, unit flag, the register’s unlinked count and audit in one transaction (the change and its audit entry are one transaction (RULES.md §5: the audit must not lose a change))',
    call: (b) => ({
      openid: 'demo-oc',
      data: { compoundId: DEMO.compound1, userId: b.userId('demo-oc2'), building: '8栋', room: '801' },
    }),
  },
  draft: {
    reads: 2,
    writes: 2,
    why: 'the caller and the compound; the motion and its audit entry',
    call: (b) => ({ openid: 'demo-oc', data: draftOf(b) }),
  },
  announce: {
    reads: 6,
    writes: 8,
    why: 'caller, motion, community rules, register, owners and staff to tell; in one transaction the status and one message per person told (the demo: 3 owners, the compound and community party organisations, the residents’ committee), then the audit entry',
    call: async (b) => ({
      openid: 'demo-oc',
      data: { motionId: (await b.prepare<{ motionId: string }>('owners', 'draft', draftOf(b), 'demo-oc')).motionId },
    }),
  },
  list: { reads: 3, why: 'the caller, the compound and the page of motions', call: () => ({ openid: 'demo-resident', data: {} }) },
  get: {
    reads: 4,
    why: 'the caller, the motion, the caller’s links and ballot',
    call: () => ({ openid: 'demo-resident', data: { motionId: DEMO_MOTIONS.open } }),
  },
  vote: {
    reads: 6,
    writes: 4,
    why: 'caller, motion, the caller’s links, the owner’s units; in the transaction the motion and the ballot id; writes: the idempotency claim (clientToken), then in the transaction the ballot, the motion and the stored result',
    call: () => ({ openid: 'demo-resident', data: { motionId: DEMO_MOTIONS.open, choice: 'agree' } }),
  },
  recordPaper: {
    reads: 6,
    writes: 5,
    why: 'caller, motion, the unit, the owner’s units; in the transaction the motion and the ballot id; writes: the idempotency claim (clientToken), then in the transaction the ballot, the motion, its audit entry and the stored result',
    call: () => ({
      openid: 'demo-oc',
      data: {
        motionId: DEMO_MOTIONS.open,
        building: '2栋',
        room: '202',
        choice: 'agree',
        photoFileId: 'local://uploads/paper-ballot-01.jpg',
      },
    }),
  },
  result: {
    reads: 3,
    why: 'the caller, the motion and the frozen result',
    call: () => ({ openid: 'demo-resident', data: { motionId: DEMO_MOTIONS.closed } }),
  },
  exportBallots: {
    reads: 4,
    why: 'the caller, the motion, the frozen result and the ballots',
    call: () => ({ openid: 'demo-oc', data: { motionId: DEMO_MOTIONS.closed } }),
  },
};
