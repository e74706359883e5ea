/**
 * Elections of owners'-committee members (RULES.md §6): each ballot marks up to `seats`
 * candidates; a candidate is elected with more than 1/2 of the participating area and number; if
 * more pass than there are seats, the most votes by number win, then by area. Candidates still
 * equal in both at the last seat are reported as tied and none of them takes it: the law gives no
 * lot, so the owners vote again for that seat.
 */
import { isQuorate, moreThan, type Outcome, type Tally, type Weight } from './owners-count';

export interface ElectionResult {
  outcome: Outcome;
  elected: string[];
  /** Candidates who passed but tied for the last seat(s) in both number and area. */
  tied: string[];
}

/** Whether a candidate's votes pass: more than half of the participating area and number. */
export function passes(votes: Weight, participating: Weight): boolean {
  return participating.number > 0 && moreThan(votes.area, participating.area, 1, 2) && moreThan(votes.number, participating.number, 1, 2);
}

export function electionOutcome(candidates: readonly string[], seats: number, totals: Weight, tally: Tally): ElectionResult {
  if (!isQuorate(tally.participating, totals)) return { outcome: 'not_quorate', elected: [], tied: [] };
  const passing = candidates
    .map((name, order) => ({ name, order, votes: tally.candidates[name] ?? { area: 0, number: 0 } }))
    .filter((c) => passes(c.votes, tally.participating))
    .sort((a, b) => b.votes.number - a.votes.number || b.votes.area - a.votes.area || a.order - b.order);
  if (passing.length <= seats) {
    const elected = passing.map((c) => c.name);
    return { outcome: elected.length ? 'passed' : 'rejected', elected, tied: [] };
  }
  const last = passing[seats - 1].votes;
  const same = (v: Weight) => v.number === last.number && v.area === last.area;
  const firstOut = passing[seats].votes;
  if (!same(firstOut)) {
    return { outcome: 'passed', elected: passing.slice(0, seats).map((c) => c.name), tied: [] };
  }
  const elected = passing
    .slice(0, seats)
    .filter((c) => !same(c.votes))
    .map((c) => c.name);
  const tied = passing.filter((c) => same(c.votes)).map((c) => c.name);
  return { outcome: elected.length ? 'passed' : 'rejected', elected, tied };
}

/** Checks one ballot's marks against the motion's candidates and seats; a message when wrong. */
export function checkMarks(marks: readonly string[], candidates: readonly string[], seats: number): string | null {
  if (new Set(marks).size !== marks.length) return '同一候选人只能选一次';
  if (marks.length > seats) return `最多选择 ${seats} 名候选人`;
  if (marks.some((m) => !candidates.includes(m))) return '所选候选人不在名单中';
  return null;
}
