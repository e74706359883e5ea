import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { ballotMarks, chainOf, formatReceipt, receiptInput, RECEIPT_PATTERN } from '../../cloudfunctions/core/domain/owners-ballot';
import { CHOICES, type Choice } from '../../cloudfunctions/core/domain/owners-count';
import { checkAnnounce, checkShape, checkVoteWindow, dueStep } from '../../cloudfunctions/core/domain/owners-motion';
import { resultOf, verifyExport, type BallotExport, type MotionBasis } from '../../cloudfunctions/core/domain/owners-result';

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const receipt = (owner: string, marks: string) =>
  formatReceipt(
    createHmac('sha256', 'secret')
      .update(receiptInput('m1', owner, 'T', marks))
      .digest('hex'),
  );

const ballotArb = fc.record({
  area: fc.integer({ min: 1, max: 50_000 }),
  choice: fc.constantFrom<Choice>(...CHOICES),
});

/** An export as the server would make it: ballots chained in order with their receipts. */
function exportOf(motion: MotionBasis, raw: Array<{ area: number; choice: Choice }>): BallotExport {
  const ballots = raw.map((b, i) => ({ seq: i + 1, area: b.area, choice: b.choice, receipt: receipt(`o${i}`, ballotMarks(b)) }));
  const { hashes } = chainOf(motion.motionId, ballots, sha256);
  const genesis = sha256(`genesis|${motion.motionId}`);
  return {
    format: 'owners-ballots/1',
    motion,
    result: resultOf(motion, ballots, sha256),
    ballots: ballots.map((b, i) => ({ ...b, prevHash: i ? hashes[i - 1] : genesis, hash: hashes[i] })),
  };
}

describe('published result (property-based)', () => {
  test('the tally equals a plain recount and every receipt is listed', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 60 }), fc.integer({ min: 0, max: 40 }), (raw, extraOwners) => {
        const area = raw.reduce((s, b) => s + b.area, 0);
        const motion: MotionBasis = {
          motionId: 'm1',
          matter: 'manager',
          totals: { units: raw.length + extraOwners, number: raw.length + extraOwners, area: area + extraOwners * 100 },
        };
        const x = exportOf(motion, raw);
        for (const choice of CHOICES) {
          const mine = raw.filter((b) => b.choice === choice);
          expect(x.result[choice]).toEqual({ number: mine.length, area: mine.reduce((s, b) => s + b.area, 0) });
        }
        expect(x.result.participating).toEqual({ number: raw.length, area });
        for (const b of x.ballots) expect(x.result.receipts).toContain(b.receipt);
        expect(x.result.receipts).toHaveLength(raw.length);
        expect(verifyExport(x, sha256)).toEqual([]);
      }),
    );
  });

  test('changing any one ballot is caught', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (raw, pick, kind) => {
        const motion: MotionBasis = { motionId: 'm1', matter: 'fund_raise', totals: { units: 40, number: 40, area: 2_000_000 } };
        const x = exportOf(motion, raw);
        const b = x.ballots[pick % x.ballots.length];
        if (kind % 3 === 0) b.choice = b.choice === 'agree' ? 'object' : 'agree';
        else if (kind % 3 === 1) b.area += 1;
        else x.ballots.splice(pick % x.ballots.length, 1);
        expect(verifyExport(x, sha256).length).toBeGreaterThan(0);
      }),
    );
  });

  test('a published figure that differs from the recount is named', () => {
    const x = exportOf({ motionId: 'm1', matter: 'manager', totals: { units: 3, number: 3, area: 300 } }, [
      { area: 100, choice: 'agree' },
      { area: 100, choice: 'agree' },
    ]);
    expect(x.result.outcome).toBe('passed');
    x.result.outcome = 'rejected';
    expect(verifyExport(x, sha256)).toEqual([expect.stringMatching(/^outcome: published "rejected", recount "passed"/)]);
  });

  test('receipts look like XXXX-XXXX-XXXX-XXXX and differ between owners with the same vote', () => {
    const a = receipt('o1', 'choice:agree');
    expect(a).toMatch(RECEIPT_PATTERN);
    expect(receipt('o2', 'choice:agree')).not.toBe(a);
  });
});

describe('motion lifecycle', () => {
  const now = new Date('2026-11-20T01:00:00Z');
  const day = 24 * 3600 * 1000;
  test('announcing needs noticeDays before opening: exactly 15 days passes, a minute less does not', () => {
    expect(checkAnnounce('draft', new Date(now.getTime() + 15 * day), now, 15)).toBeNull();
    expect(checkAnnounce('draft', new Date(now.getTime() + 15 * day - 60_000), now, 15)).toBe('NOTICE_TOO_SHORT');
    expect(checkAnnounce('draft', new Date(now.getTime() + 3 * day), now, 3)).toBeNull();
    expect(checkAnnounce('announced', new Date(now.getTime() + 30 * day), now, 15)).toBe('NOT_DRAFT');
  });

  test('the vote window is [opensAt, closesAt)', () => {
    const opens = new Date(now.getTime() + day);
    const closes = new Date(now.getTime() + 2 * day);
    expect(checkVoteWindow('announced', opens, closes, now)).toBe('NOT_OPEN_YET');
    expect(checkVoteWindow('announced', opens, closes, opens)).toBeNull();
    expect(checkVoteWindow('voting', opens, closes, new Date(closes.getTime() - 1))).toBeNull();
    expect(checkVoteWindow('voting', opens, closes, closes)).toBe('CLOSED');
    expect(checkVoteWindow('closed', opens, closes, opens)).toBe('CLOSED');
    expect(checkVoteWindow('draft', opens, closes, opens)).toBe('NOT_OPEN_YET');
  });

  test('the scheduler opens at opensAt and closes at closesAt', () => {
    const opens = new Date(now.getTime() + day);
    const closes = new Date(now.getTime() + 2 * day);
    expect(dueStep('announced', opens, closes, now)).toBeNull();
    expect(dueStep('announced', opens, closes, opens)).toBe('open');
    expect(dueStep('voting', opens, closes, opens)).toBeNull();
    expect(dueStep('voting', opens, closes, closes)).toBe('close');
    expect(dueStep('draft', opens, closes, closes)).toBeNull();
  });

  test('shapes: elections need candidates and seats, other matters none', () => {
    const opensAt = new Date(now.getTime() + 20 * day);
    const closesAt = new Date(now.getTime() + 27 * day);
    expect(checkShape({ matter: 'manager', opensAt, closesAt })).toBeNull();
    expect(checkShape({ matter: 'manager', opensAt: closesAt, closesAt: opensAt })?.field).toBe('closesAt');
    expect(checkShape({ matter: 'manager', opensAt, closesAt, candidates: ['甲'] })?.field).toBe('candidates');
    expect(checkShape({ matter: 'committee_election', opensAt, closesAt })?.field).toBe('candidates');
    expect(checkShape({ matter: 'committee_election', opensAt, closesAt, candidates: ['甲', '乙'], seats: 3 })?.field).toBe('seats');
    expect(checkShape({ matter: 'committee_election', opensAt, closesAt, candidates: ['甲', '乙'], seats: 1 })).toBeNull();
  });
});
