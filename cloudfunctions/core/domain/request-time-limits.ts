import type { RequestCategory } from './request-categories';

/** Time-limit tiers of a request (RULES.md §2); the hours of each live in rules-config.ts. */
export type Tier = 'emergency' | 'utilities' | 'general' | 'complex';
export const TIERS = ['emergency', 'utilities', 'general', 'complex'] as const satisfies readonly Tier[];

/** Hours allowed per tier, as configured for the community. */
export type TierHours = Record<Tier, number>;

/**
 * The tier a request gets on submission, before the residents' committee sets one at acceptance.
 * Facilities and safety hazards usually mean water, power, lifts or gas: the 24-hour tier; a
 * neighbour dispute needs mediation across visits: the complex tier.
 */
export const DEFAULT_TIER: Record<RequestCategory, Tier> = {
  environment: 'general',
  facilities: 'utilities',
  safety: 'utilities',
  parking: 'general',
  greening: 'general',
  noise: 'general',
  property_service: 'general',
  neighbor_dispute: 'complex',
  other: 'general',
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The due time of a request whose clock started at `from` (ISO), for a tier. */
export function dueAtFor(from: string, tier: Tier, hours: TierHours): string {
  return new Date(Date.parse(from) + hours[tier] * HOUR_MS).toISOString();
}

/** `from` (ISO) plus a number of days, as ISO. */
export function plusDays(from: string, days: number): string {
  return new Date(Date.parse(from) + days * DAY_MS).toISOString();
}

/** Whether a request still being handled is past its due time. */
export function isOverdue(dueAt: string | null | undefined, stillOpen: boolean, now: Date): boolean {
  return stillOpen && !!dueAt && Date.parse(dueAt) < now.getTime();
}

/** A request counts as responded to when accepted within this many hours of submission (接诉即办). */
export const RESPONSE_HOURS = 24;

/** Duplicates shown before submitting: open public requests of the compound and category this recent. */
export const DUPLICATE_WINDOW_DAYS = 30;

/** Whether the span from `from` to `to` (ISO) is within `hours`. */
export function within(from: string, to: string, hours: number): boolean {
  return Date.parse(to) - Date.parse(from) <= hours * HOUR_MS;
}
