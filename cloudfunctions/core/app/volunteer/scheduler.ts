import type { Deps } from '../context';

/** The volunteer feature's part of the scheduler tick; returns how many objects it changed. */
export async function volunteerTick(_deps: Deps): Promise<number> {
  return 0;
}
