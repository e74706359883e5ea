/**
 * The published result of a motion, and its independent check: the server freezes `resultOf` at
 * the close; `verifyExport` recomputes it, the receipts and the hash chain from an export of the
 * ballots (scripts/verify-ballots.mjs runs it) and names every difference.
 */
import { electionOutcome } from './owners-election';
import { chainOf, genesisInput, type ChainedBallot } from './owners-ballot';
import { outcomeOf, tallyOf, type Matter, type Outcome, type Totals, type Weight } from './owners-count';

export interface MotionBasis {
  motionId: string;
  matter: Matter;
  candidates?: string[];
  seats?: number;
  /** Frozen when voting opened. */
  totals: Totals;
}

export interface PublishedResult {
  outcome: Outcome;
  totals: Totals;
  participating: Weight;
  agree: Weight;
  object: Weight;
  abstain: Weight;
  /** Elections: votes per candidate, who is elected and who tied for the last seat. */
  candidates?: Record<string, Weight>;
  elected?: string[];
  tied?: string[];
  /** Every ballot's receipt code, sorted. */
  receipts: string[];
  chainHead: string;
  ballots: number;
}

/** The result of a motion from its ballots. */
export function resultOf(m: MotionBasis, ballots: readonly ChainedBallot[], sha256: (text: string) => string): PublishedResult {
  const isElection = m.matter === 'committee_election';
  const tally = tallyOf(ballots, m.candidates ?? []);
  const { head } = chainOf(m.motionId, ballots, sha256);
  const base = {
    totals: m.totals,
    participating: tally.participating,
    agree: tally.agree,
    object: tally.object,
    abstain: tally.abstain,
    receipts: ballots.map((b) => b.receipt).sort(),
    chainHead: head,
    ballots: ballots.length,
  };
  if (!isElection) return { outcome: outcomeOf(m.matter, m.totals, tally), ...base };
  const e = electionOutcome(m.candidates ?? [], m.seats ?? 1, m.totals, tally);
  return { ...base, outcome: e.outcome, candidates: tally.candidates, elected: e.elected, tied: e.tied };
}

/** An exported ballot: what the chain covers plus the links as stored. */
export interface ExportedBallot extends ChainedBallot {
  prevHash: string;
  hash: string;
}

export interface BallotExport {
  format: 'owners-ballots/1';
  motion: MotionBasis;
  result: PublishedResult;
  ballots: ExportedBallot[];
}

/** JSON with object keys sorted, so key order never makes a difference. */
function json(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(json).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${json(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Every difference between the export's published result and a recount; empty when it checks out. */
export function verifyExport(x: BallotExport, sha256: (text: string) => string): string[] {
  const problems: string[] = [];
  const ballots = [...x.ballots].sort((a, b) => a.seq - b.seq);
  ballots.forEach((b, i) => {
    if (b.seq !== i + 1) problems.push(`ballot ${i + 1}: sequence number is ${b.seq}`);
  });
  const { hashes } = chainOf(x.motion.motionId, ballots, sha256);
  let prev = sha256(genesisInput(x.motion.motionId));
  ballots.forEach((b, i) => {
    if (b.prevHash !== prev) problems.push(`ballot ${b.seq}: previous hash does not match the chain`);
    if (b.hash !== hashes[i]) problems.push(`ballot ${b.seq}: hash does not match its content`);
    prev = hashes[i];
  });
  const recount = resultOf(x.motion, ballots, sha256);
  const keys: Array<keyof PublishedResult> = [
    'outcome',
    'totals',
    'participating',
    'agree',
    'object',
    'abstain',
    'candidates',
    'elected',
    'tied',
    'receipts',
    'chainHead',
    'ballots',
  ];
  for (const k of keys) {
    if (json(recount[k]) !== json(x.result[k])) problems.push(`${k}: published ${json(x.result[k])}, recount ${json(recount[k])}`);
  }
  if (new Set(recount.receipts).size !== recount.receipts.length) problems.push('receipts: a receipt appears twice');
  return problems;
}
