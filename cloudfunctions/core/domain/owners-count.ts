/**
 * Counting owners' decisions exactly as the law counts (RULES.md §6; 民法典 art. 278; 最高法
 * 建筑物区分所有权司法解释 arts. 8–9). Areas are integers of 0.01 m²; every comparison is an
 * integer cross-multiplication, so no floating-point rounding ever decides a vote.
 */

/** The matters owners decide together (RULES.md §6). */
export type Matter =
  'rules' | 'covenant' | 'committee_election' | 'manager' | 'fund_use' | 'fund_raise' | 'rebuild' | 'common_use' | 'other';

export const MATTERS = [
  'rules',
  'covenant',
  'committee_election',
  'manager',
  'fund_use',
  'fund_raise',
  'rebuild',
  'common_use',
  'other',
] as const satisfies readonly Matter[];

export const MATTER_LABELS: Record<Matter, string> = {
  rules: '制定和修改业主大会议事规则',
  covenant: '制定和修改管理规约',
  committee_election: '选举业主委员会或者更换业主委员会成员',
  manager: '选聘和解聘物业服务企业',
  fund_use: '使用建筑物及其附属设施的维修资金',
  fund_raise: '筹集建筑物及其附属设施的维修资金',
  rebuild: '改建、重建建筑物及其附属设施',
  common_use: '改变共有部分的用途或者利用共有部分从事经营活动',
  other: '其他重大事项',
};

/** Matters that need agreement of three quarters (art. 278 ¶2, items 6–8). */
export const SUPERMAJORITY_MATTERS: readonly Matter[] = ['fund_raise', 'rebuild', 'common_use'];

/** How many must agree: three quarters (the matters above) or more than half (every other matter). */
export type ApprovalRule = '3/4' | '1/2';
export const approvalRuleOf = (matter: Matter): ApprovalRule => (SUPERMAJORITY_MATTERS.includes(matter) ? '3/4' : '1/2');
export const APPROVAL_RULE_LABELS: Record<ApprovalRule, string> = {
  '3/4': '须经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意',
  '1/2': '须经参与表决专有部分面积过半数且参与表决人数过半数的业主同意',
};

export type Choice = 'agree' | 'object' | 'abstain';
export const CHOICES = ['agree', 'object', 'abstain'] as const satisfies readonly Choice[];
export const CHOICE_LABELS: Record<Choice, string> = { agree: '同意', object: '反对', abstain: '弃权' };

/** Area (integer 0.01 m²) and number of owners. */
export interface Weight {
  area: number;
  number: number;
}

export const ZERO: Weight = { area: 0, number: 0 };

/** The largest registered area of one unit we accept: 99,999.99 m². */
export const MAX_UNIT_AREA = 9_999_999;

/**
 * A registered area ("89.5", "89.50", 89.5) as integer 0.01 m², or null when it is not a positive
 * number with at most two decimals. Numbers are read through their shortest decimal text, so a
 * spreadsheet cell holding 89.55 is 8955, never 8954.
 */
export function parseArea(value: string | number): number | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const m = /^(\d{1,5})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return hundredths > 0 && hundredths <= MAX_UNIT_AREA ? hundredths : null;
}

/** 8950 → "89.50". */
export function formatArea(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  return `${whole}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** The developer's unsold or undelivered units are one owner, whatever names the rows give. */
export const DEVELOPER_IDENTITY = 'developer';

/**
 * Who owns a unit for counting: the developer, or a person known by name and phone (one owner's
 * several units count as one person). The app layer hashes this into the stored owner key.
 */
export function ownerIdentity(unit: { ownerName: string; ownerPhone: string; developerHeld?: boolean }): string {
  if (unit.developerHeld) return DEVELOPER_IDENTITY;
  return `p:${unit.ownerName.replace(/\s+/g, '')}|${unit.ownerPhone.trim()}`;
}

/** Totals of a register: units, owners (by the counting rule) and area. */
export interface Totals extends Weight {
  units: number;
}

/** The totals of a set of units, each with its owner key (one key per counted owner). */
export function totalsOf(units: ReadonlyArray<{ area: number; ownerKey: string }>): Totals {
  const owners = new Set<string>();
  let area = 0;
  for (const u of units) {
    owners.add(u.ownerKey);
    area += u.area;
  }
  return { units: units.length, number: owners.size, area };
}

/** a ≥ num/den of b, exactly. */
export function atLeast(a: number, b: number, num: number, den: number): boolean {
  return a * den >= b * num;
}

/** a > num/den of b, exactly. */
export function moreThan(a: number, b: number, num: number, den: number): boolean {
  return a * den > b * num;
}

/** The quorum's share of both the area and the owners: two thirds. */
const QUORUM = { num: 2, den: 3 } as const;
export const QUORUM_LABEL = '面积、人数各三分之二以上';

/** Quorum: the voters (abstentions included) hold ≥ 2/3 of the area and are ≥ 2/3 of the owners. */
export function isQuorate(participating: Weight, totals: Weight): boolean {
  if (totals.number <= 0 || totals.area <= 0) return false;
  const { num, den } = QUORUM;
  return atLeast(participating.area, totals.area, num, den) && atLeast(participating.number, totals.number, num, den);
}

/** The least area and number of voters that reach the quorum (what the turnout bars mark). */
export function quorumOf(totals: Weight): Weight {
  const least = (whole: number) => Math.floor((whole * QUORUM.num + QUORUM.den - 1) / QUORUM.den);
  return { area: least(totals.area), number: least(totals.number) };
}

/** Whether `agree` of `participating` approves a matter: ≥ 3/4 of both, or more than 1/2 of both. */
export function isApproved(matter: Matter, agree: Weight, participating: Weight): boolean {
  if (participating.number <= 0 || participating.area <= 0) return false;
  if (approvalRuleOf(matter) === '3/4') {
    return atLeast(agree.area, participating.area, 3, 4) && atLeast(agree.number, participating.number, 3, 4);
  }
  return moreThan(agree.area, participating.area, 1, 2) && moreThan(agree.number, participating.number, 1, 2);
}

export type Outcome = 'passed' | 'rejected' | 'not_quorate';
export const OUTCOME_LABELS: Record<Outcome, string> = { passed: '通过', rejected: '未通过', not_quorate: '参与表决未达法定比例' };

/** One counted ballot: its owner's area and number (always one person), and what it says. */
export interface CountedBallot {
  area: number;
  choice?: Choice;
  candidates?: string[];
}

export interface Tally {
  participating: Weight;
  agree: Weight;
  object: Weight;
  abstain: Weight;
  /** Per candidate, for elections. */
  candidates: Record<string, Weight>;
}

const add = (w: Weight, area: number): Weight => ({ area: w.area + area, number: w.number + 1 });

/** Adds up ballots. A ballot counts once, for its owner's whole area. */
export function tallyOf(ballots: readonly CountedBallot[], candidates: readonly string[] = []): Tally {
  const t: Tally = { participating: ZERO, agree: ZERO, object: ZERO, abstain: ZERO, candidates: {} };
  for (const c of candidates) t.candidates[c] = ZERO;
  for (const b of ballots) {
    t.participating = add(t.participating, b.area);
    if (b.choice) t[b.choice] = add(t[b.choice], b.area);
    for (const c of new Set(b.candidates ?? [])) {
      if (c in t.candidates) t.candidates[c] = add(t.candidates[c], b.area);
    }
  }
  return t;
}

/** The outcome of a non-election motion. */
export function outcomeOf(matter: Matter, totals: Weight, tally: Tally): Outcome {
  if (!isQuorate(tally.participating, totals)) return 'not_quorate';
  return isApproved(matter, tally.agree, tally.participating) ? 'passed' : 'rejected';
}
