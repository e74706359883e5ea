import { type ChainedBallot } from '../../domain/owners-ballot';
import { resultOf, type PublishedResult } from '../../domain/owners-result';
import { OUTCOME_LABELS } from '../../domain/owners-count';
import type { Deps } from '../context';
import { sha256 } from './crypto';
import { BALLOTS, MOTION_RESULTS, MOTIONS, type BallotDoc, type MotionDoc, type ResultDoc } from './model';
import { changeAndTell } from './notices';
import { currentRegister } from './register';
import { whole } from '../../ports/store';
import { limiter } from '../pool';

/**
 * Opens voting: freezes the register in force and its totals, and tells the owners in the same
 * transaction. Returns the motion after, or null if it was not announced.
 */
export async function openMotion(deps: Pick<Deps, 'store' | 'clock' | 'notifier'>, m: MotionDoc): Promise<MotionDoc | null> {
  const reg = await currentRegister(deps, m.compoundId);
  if (!reg) return null;
  const openedAt = deps.clock.now().toISOString();
  const set = { status: 'voting' as const, registerId: reg._id, totals: reg.totals, openedAt };
  const after = { ...m, ...set };
  const opened = await changeAndTell(
    deps,
    after,
    'opened',
    async (tx) => (await tx.update(MOTIONS, m._id, { $set: set }, { status: 'announced' })) === 1,
  );
  return opened ? after : null;
}

const BALLOT_PAGE = 1000;

/** The ballots of a motion numbered after `after`, up to a page of them, in sequence order. */
export const ballotPage = (deps: Pick<Deps, 'store'>, motionId: string, after: number) =>
  deps.store.find<BallotDoc>(
    BALLOTS,
    { motionId, seq: { $gt: after, $lte: after + BALLOT_PAGE } },
    { orderBy: [['seq', 'asc']], limit: whole(BALLOT_PAGE) },
  );

/**
 * Every ballot of a motion in sequence order. With `count`, the number a closed motion holds (its
 * sequence numbers run 1 to `count`), the pages are ranges of sequence numbers read a few at a
 * time together (`first`, the first page when already read, is not read again); without it, one
 * page after another.
 */
export async function ballotsOf(deps: Pick<Deps, 'store'>, motionId: string, count?: number, first?: BallotDoc[]): Promise<BallotDoc[]> {
  if (count !== undefined) {
    const gate = limiter(8);
    const starts = Array.from({ length: Math.ceil(count / BALLOT_PAGE) }, (_, i) => i * BALLOT_PAGE);
    const pages = starts.map((after) => (after === 0 && first ? first : gate(() => ballotPage(deps, motionId, after))));
    return (await Promise.all(pages)).flat();
  }
  const out: BallotDoc[] = [];
  for (;;) {
    const page = await ballotPage(deps, motionId, out.length);
    out.push(...page);
    if (page.length < BALLOT_PAGE) return out;
  }
}

export const chained = (b: BallotDoc): ChainedBallot =>
  b.choice
    ? { seq: b.seq, receipt: b.receipt, area: b.area, choice: b.choice }
    : { seq: b.seq, receipt: b.receipt, area: b.area, candidates: b.candidates ?? [] };

/** The basis of the count: what was frozen when voting opened. */
export const basisOf = (m: MotionDoc) => ({
  motionId: m._id,
  matter: m.matter,
  ...(m.candidates ? { candidates: m.candidates, seats: m.seats ?? 1 } : {}),
  totals: m.totals ?? { units: 0, number: 0, area: 0 },
});

/**
 * Computes and stores the frozen result of a closed motion (once: the result's `_id` is the
 * motion's), records the outcome on the motion and tells the owners — all in one transaction.
 */
export async function publishResult(deps: Pick<Deps, 'store' | 'clock' | 'notifier'>, m: MotionDoc): Promise<ResultDoc> {
  const existing = await deps.store.get<ResultDoc>(MOTION_RESULTS, m._id);
  if (existing) return existing;
  const ballots = await ballotsOf(deps, m._id);
  const result: PublishedResult = resultOf(basisOf(m), ballots.map(chained), sha256);
  const doc: ResultDoc = { _id: m._id, motionId: m._id, ...result, publishedAt: deps.clock.now().toISOString() };
  const closed = { ...m, closedAt: m.closedAt ?? doc.publishedAt };
  await changeAndTell(
    deps,
    closed,
    'result',
    async (tx) => {
      const moved = await tx.update(MOTIONS, m._id, { $set: { outcome: doc.outcome } }, { status: 'closed', outcome: { $exists: false } });
      if (!moved || (await tx.get(MOTION_RESULTS, m._id))) return false;
      await tx.insert(MOTION_RESULTS, doc);
      return true;
    },
    { note: `表决结果：${OUTCOME_LABELS[doc.outcome]}` },
  );
  // A concurrent publisher may have won: its result (computed from the same frozen ballots) stands.
  return (await deps.store.get<ResultDoc>(MOTION_RESULTS, m._id)) ?? doc;
}

/** Closes voting (no ballot is accepted after this write), then publishes the result. */
export async function closeMotion(deps: Pick<Deps, 'store' | 'clock' | 'notifier'>, m: MotionDoc): Promise<ResultDoc | null> {
  const closedAt = deps.clock.now().toISOString();
  if (!(await deps.store.update(MOTIONS, m._id, { $set: { status: 'closed', closedAt } }, { status: 'voting' }))) return null;
  return publishResult(deps, { ...m, status: 'closed', closedAt });
}
