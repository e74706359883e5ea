import { optionsOf, type Option } from '../../domain/options';
import {
  CHOICE_LABELS,
  CHOICES,
  formatArea,
  MATTER_LABELS,
  OUTCOME_LABELS,
  APPROVAL_RULE_LABELS,
  approvalRuleOf,
  isQuorate,
  quorumOf,
  QUORUM_LABEL,
  type ApprovalRule,
  type Choice,
  type Matter,
  type Totals,
  type Weight,
} from '../../domain/owners-count';
import { MOTION_STATUS_LABELS, type MotionStatus } from '../../domain/owners-motion';
import type { Outcome } from '../../domain/owners-count';
import type { RowError } from '../../domain/owners-register';
import type { PublishedResult } from '../../domain/owners-result';
import type { BallotDoc, MotionDoc } from './model';

/** Turnout so far against the totals frozen at opening (shares are for the bars; the count uses integers). */
export interface TurnoutView {
  /** 0.01 m². */
  area: number;
  number: number;
  areaShare: number;
  numberShare: number;
  /** "1234.56" m². */
  areaText: string;
  /** The 2/3 lines: the least area (0.01 m²) and number that make the quorum. */
  quorumArea: number;
  quorumNumber: number;
  quorate: boolean;
  /** The quorum in words (面积、人数各三分之二以上). */
  quorumLabel: string;
}

export interface MotionSummary {
  motionId: string;
  compoundId: string;
  matter: Matter;
  matterLabel: string;
  title: string;
  status: MotionStatus;
  statusLabel: string;
  opensAt: string;
  closesAt: string;
  outcome: Outcome | null;
  /** The outcome in words (通过 / 未通过 / 参与表决未达法定比例), null while not closed. */
  outcomeLabel: string | null;
}

export interface MyBallotView {
  receipt: string;
  castAt: string;
  channel: BallotDoc['channel'];
}

export interface MotionView extends MotionSummary {
  text: string;
  candidates: string[];
  seats: number | null;
  requestId: string | null;
  createdAt: string;
  announcedAt: string | null;
  /** Frozen when voting opened; null before. */
  totals: (Totals & { areaText: string }) | null;
  turnout: TurnoutView | null;
  /** '3/4' for fund raising, rebuilding and common parts; '1/2' otherwise. */
  approvalRule: ApprovalRule;
  /** The approval rule in words (须经…同意), as the page states it. */
  approvalRuleLabel: string;
  /** The caller's ballot (receipt and time; the choice stays secret until the close). */
  myBallot: MyBallotView | null;
  /** The caller is an owner of the compound (linked). */
  isOwner: boolean;
  canVote: boolean;
  /** The caller may announce (a draft) or record paper ballots (voting). */
  canManage: boolean;
  canRecordPaper: boolean;
  /** The ballot's choices, named (同意, 反对, 弃权): the voting and paper forms, and the result's rows. */
  choiceOptions: Array<Option<Choice>>;
}

export const CHOICE_OPTIONS = optionsOf(CHOICES, CHOICE_LABELS);

export function turnoutOf(turnout: Weight, totals: Totals | undefined): TurnoutView | null {
  if (!totals) return null;
  const { area: quorumArea, number: quorumNumber } = quorumOf(totals);
  return {
    area: turnout.area,
    number: turnout.number,
    areaShare: totals.area ? turnout.area / totals.area : 0,
    numberShare: totals.number ? turnout.number / totals.number : 0,
    areaText: formatArea(turnout.area),
    quorumArea,
    quorumNumber,
    quorate: isQuorate(turnout, totals),
    quorumLabel: QUORUM_LABEL,
  };
}

export function summaryView(m: MotionDoc): MotionSummary {
  return {
    motionId: m._id,
    compoundId: m.compoundId,
    matter: m.matter,
    matterLabel: MATTER_LABELS[m.matter],
    title: m.title,
    status: m.status,
    statusLabel: MOTION_STATUS_LABELS[m.status],
    opensAt: m.opensAt,
    closesAt: m.closesAt,
    outcome: m.outcome ?? null,
    outcomeLabel: m.outcome ? OUTCOME_LABELS[m.outcome] : null,
  };
}

export function motionView(
  m: MotionDoc,
  extra: Pick<MotionView, 'myBallot' | 'isOwner' | 'canVote' | 'canManage' | 'canRecordPaper'>,
): MotionView {
  return {
    ...summaryView(m),
    text: m.text,
    candidates: m.candidates ?? [],
    seats: m.seats ?? null,
    requestId: m.requestId ?? null,
    createdAt: m.createdAt,
    announcedAt: m.announcedAt ?? null,
    totals: m.totals ? { ...m.totals, areaText: formatArea(m.totals.area) } : null,
    turnout: turnoutOf(m.turnout, m.totals),
    approvalRule: approvalRuleOf(m.matter),
    approvalRuleLabel: APPROVAL_RULE_LABELS[approvalRuleOf(m.matter)],
    choiceOptions: CHOICE_OPTIONS,
    ...extra,
  };
}

/** A page of a list (as app/schemas.ts Page, restated so this file imports no server code). */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RegisterSummary {
  registerId: string | null;
  units: number;
  owners: number;
  /** 0.01 m². */
  totalArea: number;
  unlinked: number;
  importedAt: string | null;
}

export interface ImportResult extends RegisterSummary {
  /** False when any row was bad: then nothing was imported and `errors` names each bad row by line. */
  imported: boolean;
  errors: RowError[];
  /** Residents linked automatically (building, room and phone matched). */
  linked: number;
}

/** One row of `importRegister`'s `rows`. */
export interface RegisterRowInput {
  building: string | number;
  room: string | number;
  area: string | number;
  ownerName: string | number;
  ownerPhone: string | number;
  developerHeld?: boolean | string;
}

export interface UnitView {
  line: number;
  building: string;
  room: string;
  /** 0.01 m². */
  area: number;
  ownerName: string;
  ownerPhone: string;
  developerHeld: boolean;
  linked: boolean;
}

export interface RegisterView {
  summary: RegisterSummary;
  units: ListPage<UnitView>;
  /** The caller (an oc_member of the compound) may link residents to units by hand. */
  canLink: boolean;
}

/** A resident of the compound not yet linked to an owner of the register (for linking by hand). */
export interface ResidentView {
  userId: string;
  name: string;
  phoneMasked: string;
  /** Where they said they live when registering. */
  building: string;
  room: string;
}

export interface MotionList extends ListPage<MotionSummary> {
  compoundId: string;
  /** The caller may draft motions here. */
  canDraft: boolean;
  /** The compound's firm is on the published black list: the committee may propose replacing it. */
  proposeReplacement: boolean;
}

export interface VoteReceipt {
  receipt: string;
  castAt: string;
  seq: number;
}

export interface ResultView extends PublishedResult {
  motionId: string;
  publishedAt: string;
  /** The outcome in words (OUTCOME_LABELS). */
  outcomeLabel: string;
}
