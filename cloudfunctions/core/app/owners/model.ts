import type { Choice, Matter, Totals, Weight } from '../../domain/owners-count';
import type { MotionStatus } from '../../domain/owners-motion';
import type { PublishedResult } from '../../domain/owners-result';
import type { Doc } from '../../ports/store';

export const OWNER_REGISTERS = 'owner_registers';
export const OWNER_UNITS = 'owner_units';
export const OWNER_LINKS = 'owner_links';
export const MOTIONS = 'owner_motions';
export const BALLOTS = 'owner_ballots';
export const MOTION_RESULTS = 'owner_results';
/** Messages of a motion's stage still owed to part of its audience (notices.ts). */
export const OWNER_NOTICES = 'owner_notices';

/** One imported owners' register (业主名册) of a compound; the newest is the one in force. */
export interface RegisterDoc extends Doc {
  compoundId: string;
  communityId: string;
  totals: Totals;
  /** Rows not linked to a resident when imported. */
  unlinked: number;
  importedBy: string;
  createdAt: string;
}

/** One unit (专有部分) of a register. */
export interface UnitDoc extends Doc {
  registerId: string;
  compoundId: string;
  line: number;
  building: string;
  room: string;
  /** Registered area in 0.01 m². */
  area: number;
  ownerName: string;
  ownerPhone: string;
  developerHeld: boolean;
  /** Who counts as the owner (owners-count.ts ownerIdentity), hashed: stable across imports. */
  ownerKey: string;
  /** Whether a resident is linked to this unit's owner. */
  linked: boolean;
}

/** A resident linked to an owner of the compound; `_id` is `<compoundId>:<userId>`. */
export interface LinkDoc extends Doc {
  compoundId: string;
  userId: string;
  ownerKey: string;
  building: string;
  room: string;
  /** 'auto' when building, room and phone matched; otherwise the oc_member who linked by hand. */
  linkedBy: string;
  createdAt: string;
}

/** A motion put to the owners. */
export interface MotionDoc extends Doc {
  compoundId: string;
  communityId: string;
  matter: Matter;
  title: string;
  text: string;
  opensAt: string;
  closesAt: string;
  candidates?: string[];
  seats?: number;
  requestId?: string;
  status: MotionStatus;
  createdBy: string;
  createdAt: string;
  announcedAt?: string;
  openedAt?: string;
  closedAt?: string;
  /** Frozen when voting opens. */
  registerId?: string;
  totals?: Totals;
  /** Ballots so far: their count (the last sequence number), area and number, and the chain head. */
  seq: number;
  turnout: Weight;
  chainHead: string;
  outcome?: PublishedResult['outcome'];
}

/** A ballot: `_id` is `<motionId>:<ownerKey>`, so the database holds one per owner per motion. */
export interface BallotDoc extends Doc {
  motionId: string;
  ownerKey: string;
  seq: number;
  choice?: Choice;
  candidates?: string[];
  area: number;
  units: number;
  channel: 'online' | 'paper';
  castBy: string;
  castAt: string;
  receipt: string;
  prevHash: string;
  hash: string;
  photoFileId?: string;
}

/** The frozen result of a closed motion; `_id` is the motion id. */
export interface ResultDoc extends Doc, PublishedResult {
  motionId: string;
  publishedAt: string;
}

/** The rest of a stage's audience, still to be told; `_id` is `<motionId>:<stage>`. */
export interface NoticeDoc extends Doc {
  motionId: string;
  stage: 'announced' | 'opened' | 'result';
  /** The last user id (in id order) already told. */
  after: string;
  note: string | null;
}

export const ballotId = (motionId: string, ownerKey: string) => `${motionId}:${ownerKey}`;
export const linkId = (compoundId: string, userId: string) => `${compoundId}:${userId}`;
