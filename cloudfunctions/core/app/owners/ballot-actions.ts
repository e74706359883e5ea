import { ballotMarks, formatReceipt, linkInput, receiptInput } from '../../domain/owners-ballot';
import { OUTCOME_LABELS, type Choice } from '../../domain/owners-count';
import { checkMarks } from '../../domain/owners-election';
import { checkVoteWindow } from '../../domain/owners-motion';
import type { BallotExport } from '../../domain/owners-result';
import { DuplicateKeyError, type DocumentOps } from '../../ports/store';
import { defineAction, type LoadContext } from '../action';
import { audit } from '../audit';
import { isFailure } from '../auth';
import { fail, failures, ok, type Failure, type Result } from '../result';
import { ballotPage, ballotsOf, basisOf, chained, publishResult } from './lifecycle';
import { Writes } from '../volunteer/seat-writes';
import { receiptHmac, sha256 } from './crypto';
import { BALLOTS, ballotId, MOTION_RESULTS, MOTIONS, type BallotDoc, type MotionDoc, type ResultDoc } from './model';
import type { Caller } from './access';
import { ensureOpened, loadMotion, loadMotionAndLinks, motionFor } from './motion-actions';
import { ownerKeyOfCaller, unitAt, unitsOfOwner } from './register';
import { motionRef, recordPaperInput, voteInput } from './schemas';
import type { ResultView, VoteReceipt } from './views';

interface Marks {
  choice?: Choice;
  candidates?: string[];
}

const windowRefusal = (m: MotionDoc, ctx: Caller): Failure | null => {
  const r = checkVoteWindow(m.status, new Date(m.opensAt), new Date(m.closesAt), ctx.clock.now());
  if (r === 'NOT_OPEN_YET') return fail('INVALID_STATE', '表决尚未开始', r);
  if (r || m.status !== 'voting') return fail('INVALID_STATE', '表决已结束', 'CLOSED');
  return null;
};

function marksRefusal(m: MotionDoc, marks: Marks): Failure | null {
  const bad = (message: string): Failure => ({
    ok: false,
    error: { code: 'INVALID_INPUT', message, issues: [{ path: [marks.choice ? 'choice' : 'candidates'], message }] },
  });
  if (m.matter === 'committee_election') {
    if (!marks.candidates) return bad('本事项为选举，请勾选候选人');
    const msg = checkMarks(marks.candidates, m.candidates ?? [], m.seats ?? 1);
    return msg ? bad(msg) : null;
  }
  return marks.choice ? null : bad('请选择同意、反对或弃权');
}

const alreadyVoted = () => fail('CONFLICT', '该业主已投票，选票一经提交不可更改', 'ALREADY_VOTED');

/**
 * Casts one owner's ballot: one transaction inserts the ballot under `<motionId>:<ownerKey>` (the
 * database refuses a second one) and moves the motion's sequence, turnout and chain head — only
 * while the motion is still voting, so the close freezes a complete set. The stored answer of the
 * call (its clientToken) and a paper ballot's audit entry are written in the same transaction.
 *
 * The transaction reads the motion (and this owner's ballot, beside it) first, then issues its
 * writes together. Deciding on the motion as loaded in the caller's round instead would save that
 * read, but every ballot moves the motion (its sequence is the chain's), so when owners vote at
 * once almost every such attempt finds it moved and runs a second transaction: slower for most of
 * them (measured with `node bench/run.mjs vote`).
 */
async function cast(
  ctx: Caller,
  m: MotionDoc,
  ownerKey: string,
  marks: Marks,
  extra: Pick<BallotDoc, 'channel'> & { photoFileId?: string },
  audited?: (tx: DocumentOps, receipt: string) => Promise<void>,
): Promise<Result<VoteReceipt>> {
  const units = await unitsOfOwner(ctx, m.registerId ?? '', ownerKey);
  if (units.length === 0) return failures.forbidden('您不在本次表决的业主名册中');
  const area = units.reduce((sum, u) => sum + u.area, 0);
  const castAt = ctx.clock.now().toISOString();
  const content = marks.choice ? { choice: marks.choice } : { candidates: [...(marks.candidates ?? [])].sort() };
  const receipt = formatReceipt(receiptHmac(ctx.userIdSalt, receiptInput(m._id, ownerKey, castAt, ballotMarks(content))));
  const id = ballotId(m._id, ownerKey);
  const storeIn = ctx.storeResultIn;
  const write = async (tx: DocumentOps, cur: MotionDoc): Promise<VoteReceipt> => {
    const seq = cur.seq + 1;
    const hash = sha256(linkInput(cur.chainHead, { seq, receipt, area, ...content }));
    const ballot: BallotDoc = {
      _id: id,
      motionId: m._id,
      ownerKey,
      seq,
      ...content,
      area,
      units: units.length,
      castBy: ctx.callerId,
      castAt,
      receipt,
      prevHash: cur.chainHead,
      hash,
      ...extra,
    };
    const answer = { receipt, castAt, seq };
    const moved = tx.update(
      MOTIONS,
      m._id,
      { $set: { seq, chainHead: hash }, $inc: { 'turnout.area': area, 'turnout.number': 1 } },
      { status: 'voting', seq: cur.seq },
    );
    const writes = new Writes();
    writes.add(moved, tx.insert(BALLOTS, ballot));
    if (audited) writes.add(audited(tx, receipt));
    if (storeIn) writes.add(storeIn(tx, ok(answer)));
    await writes.settle();
    if ((await moved) !== 1) throw new Error('motion moved inside a transaction');
    return answer;
  };
  try {
    const outcome = await ctx.store.transaction(async (tx) => {
      const [cur, mine] = await Promise.all([tx.get<MotionDoc>(MOTIONS, m._id), tx.get(BALLOTS, id)]);
      if (!cur || cur.status !== 'voting') return 'closed' as const;
      if (mine) return 'duplicate' as const;
      return write(tx, cur);
    });
    if (outcome === 'closed') return fail('INVALID_STATE', '表决已结束', 'CLOSED');
    if (outcome === 'duplicate') return alreadyVoted();
    return ok(outcome);
  } catch (err) {
    if (err instanceof DuplicateKeyError) return alreadyVoted();
    throw err;
  }
}

export const vote = defineAction({
  input: voteInput,
  access: 'active',
  idempotent: true,
  summary: "Casts the caller's ballot (one per owner, final); answers the receipt code",
  load: loadMotionAndLinks,
  async run(input, ctx): Promise<Result<VoteReceipt>> {
    const [loaded, links] = ctx.loaded;
    const found = motionFor(ctx, loaded);
    if (isFailure(found)) return found;
    const ownerKey = await ownerKeyOfCaller(ctx, found.m.compoundId, links);
    if (!ownerKey) return failures.forbidden('只有本小区已登记的业主可以投票');
    const m = await ensureOpened(ctx, found.m);
    const closed = windowRefusal(m, ctx);
    if (closed) return closed;
    const bad = marksRefusal(m, input);
    if (bad) return bad;
    return cast(ctx, m, ownerKey, input, { channel: 'online' });
  },
});

export const recordPaper = defineAction({
  input: recordPaperInput,
  access: 'active',
  idempotent: true,
  summary: "Records a unit owner's signed paper ballot with its photo (audited)",
  load: loadMotion,
  async run(input, ctx): Promise<Result<VoteReceipt>> {
    const found = motionFor(ctx, ctx.loaded);
    if (isFailure(found)) return found;
    if (!found.s.committee) return failures.forbidden('只有本小区业委会成员可以录入纸质票');
    const m = await ensureOpened(ctx, found.m);
    const closed = windowRefusal(m, ctx);
    if (closed) return closed;
    const bad = marksRefusal(m, input);
    if (bad) return bad;
    const unit = await unitAt(ctx, m.registerId ?? '', input.building, input.room);
    if (!unit) return failures.notFound('名册中的房屋');
    return cast(ctx, m, unit.ownerKey, input, { channel: 'paper', photoFileId: input.photoFileId }, (tx, receipt) =>
      audit({ ...ctx, store: tx }, 'owners.recordPaper', 'motion', m._id, { building: unit.building, room: unit.room, receipt }),
    );
  },
});

/** The motion and its frozen result (its id is the motion's), read in the caller's round. */
const loadMotionAndResult = (input: { motionId: string }, { store }: LoadContext) =>
  Promise.all([store.get<MotionDoc>(MOTIONS, input.motionId), store.get<ResultDoc>(MOTION_RESULTS, input.motionId)]);

/** The frozen result of a closed motion (as loaded), published if the close was interrupted before. */
async function resultFor(ctx: Caller, m: MotionDoc, loaded: ResultDoc | null): Promise<ResultDoc | Failure> {
  if (m.status !== 'closed') return fail('INVALID_STATE', '表决结束后才公布结果', 'NOT_CLOSED');
  return loaded ?? publishResult(ctx, m);
}

export const result = defineAction({
  input: motionRef,
  access: 'active',
  summary: 'The frozen result after the close: tally, outcome, every receipt and the chain head',
  load: loadMotionAndResult,
  async run(input, ctx): Promise<Result<ResultView>> {
    const [m, published] = ctx.loaded;
    const found = motionFor(ctx, m);
    if (isFailure(found)) return found;
    const doc = await resultFor(ctx, found.m, published);
    if (isFailure(doc)) return doc;
    const { _id, ...view } = doc;
    return ok({ ...view, outcomeLabel: OUTCOME_LABELS[view.outcome] });
  },
});

export const exportBallots = defineAction({
  input: motionRef,
  access: 'active',
  summary: 'After the close: every ballot (no owner identity) with its chain links, for scripts/verify-ballots.mjs',
  // The first page of ballots too: a motion of up to a page of them is exported from this one round.
  load: (input, deps) => Promise.all([loadMotionAndResult(input, deps), ballotPage(deps, input.motionId, 0)]),
  async run(input, ctx): Promise<Result<BallotExport>> {
    const [[m, published], firstPage] = ctx.loaded;
    const found = motionFor(ctx, m);
    if (isFailure(found)) return found;
    if (!found.s.staff) return failures.forbidden();
    const doc = await resultFor(ctx, found.m, published);
    if (isFailure(doc)) return doc;
    const { _id, motionId: _m, publishedAt: _p, ...rest } = doc;
    const ballots = (await ballotsOf(ctx, found.m._id, found.m.seq, firstPage)).map((b) => ({
      ...chained(b),
      prevHash: b.prevHash,
      hash: b.hash,
    }));
    return ok({ format: 'owners-ballots/1' as const, motion: basisOf(found.m), result: rest, ballots });
  },
});
