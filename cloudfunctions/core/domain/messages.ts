/** How long a message stays in the message centre (RULES.md §8; configurable with MESSAGE_DAYS). */
export const DEFAULT_MESSAGE_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The retention in days from a setting; the default when unset or not a positive integer. */
export function messageDays(raw: string | undefined): number {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MESSAGE_DAYS;
}

/** When a message created at `createdAt` expires. */
export function expiryOf(createdAt: Date, days: number): string {
  return new Date(createdAt.getTime() + days * DAY_MS).toISOString();
}

/** Attempts at a subscribe-message send: the first and at most 3 retries (RULES.md §8). */
export const MAX_SEND_ATTEMPTS = 4;

/** Wait before retry n (1-based): 1 minute, 10 minutes, 1 hour. */
export function retryDelayMs(retry: number): number {
  return [60_000, 600_000, 3_600_000][Math.min(retry, 3) - 1] ?? 3_600_000;
}
