/**
 * Ballot receipts and the hash chain (RULES.md §6). The hash functions come from the caller
 * (node:crypto on the server and in the verify script), so this module stays pure.
 *
 * - receipt: HMAC(server secret, receiptInput) shown as XXXX-XXXX-XXXX-XXXX; it proves a ballot
 *   was counted without revealing whose it is or how it voted;
 * - chain: hash_n = H(hash_{n-1} | seq | receipt | what the ballot says | area), hash_0 = H(genesis);
 *   the head of the chain is published with the result.
 */
import type { Choice } from './owners-count';

/** The fields of a ballot the receipt and the chain cover. */
export interface ChainedBallot {
  seq: number;
  receipt: string;
  area: number;
  choice?: Choice;
  candidates?: string[];
}

/** What a ballot says, canonically. */
export function ballotMarks(b: { choice?: Choice; candidates?: readonly string[] }): string {
  return b.choice ? `choice:${b.choice}` : `candidates:${JSON.stringify([...(b.candidates ?? [])].sort())}`;
}

/** The text the receipt's HMAC covers: the motion, the owner, when, and what. */
export function receiptInput(motionId: string, ownerKey: string, castAt: string, marks: string): string {
  return `receipt|${motionId}|${ownerKey}|${castAt}|${marks}`;
}

/** A hex digest shown as four groups of four. */
export function formatReceipt(hex: string): string {
  const s = hex.slice(0, 16).toUpperCase();
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}`;
}

export const RECEIPT_PATTERN = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;

export function genesisInput(motionId: string): string {
  return `genesis|${motionId}`;
}

export function linkInput(prevHash: string, b: ChainedBallot): string {
  return `${prevHash}|${b.seq}|${b.receipt}|${ballotMarks(b)}|${b.area}`;
}

/** The chain over ballots in `seq` order: each ballot's hash and the head. */
export function chainOf(
  motionId: string,
  ballots: readonly ChainedBallot[],
  sha256: (text: string) => string,
): { hashes: string[]; head: string } {
  let prev = sha256(genesisInput(motionId));
  const hashes: string[] = [];
  for (const b of [...ballots].sort((a, c) => a.seq - c.seq)) {
    prev = sha256(linkInput(prev, b));
    hashes.push(prev);
  }
  return { hashes, head: prev };
}
