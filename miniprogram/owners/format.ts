// Display helpers of the owners' pages. Figures come from the server as integers (areas in
// 0.01 m²); these only write them out — the count itself is the server's.
import type { MotionStatus } from './service';
import { formatTime } from '../utils/china-time';

/** 8950 → "89.50". */
export function areaText(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** 0.6667 → "66.7%". */
export function percentText(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** A bar width in percent, within 0–100. */
export function barWidth(share: number): number {
  return Math.max(0, Math.min(100, Math.round(share * 1000) / 10));
}

/** An ISO time in China time: "2026-12-05 09:00". */
export function chinaTime(iso: string): string {
  return formatTime(iso);
}

export const STATUS_THEMES: Record<MotionStatus, string> = {
  draft: 'default',
  announced: 'warning',
  voting: 'primary',
  closed: 'success',
};

/** A token that makes one ballot safe to retry (the same form keeps the same token). */
export function newClientToken(): string {
  return `ob${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`.replace(/[^A-Za-z0-9_-]/g, '');
}

/** What a receipt code looks like once typed (spaces dropped, upper case). */
export function normaliseReceipt(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}
