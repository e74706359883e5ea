import type { Deps } from '../context';

/** The ratings feature's part of the scheduler tick; returns how many objects it changed. */
export async function ratingsTick(_deps: Deps): Promise<number> {
  return 0;
}
