import type { Clock } from '../ports/clock';

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set; tests move it by hand. */
export class FixedClock implements Clock {
  private t: number;
  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
