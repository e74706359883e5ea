import { createHash, createHmac } from 'node:crypto';

/** SHA-256 as hex: the hash of the ballot chain (domain/owners-ballot.ts). */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The stored owner key of an identity: salted, so ids never carry a name or phone. */
export function ownerKeyFor(identity: string, salt: string): string {
  return 'ok_' + createHash('sha256').update(`owner:${salt}:${identity}`).digest('base64url').slice(0, 22);
}

/** The receipt secret: derived from the deployment's fixed server secret. */
export function receiptHmac(salt: string, input: string): string {
  return createHmac('sha256', `receipts:${salt}`).update(input).digest('hex');
}
