import type { Deps } from '../context';

/** The requests feature's part of the scheduler tick; returns how many objects it changed. */
export async function requestsTick(_deps: Deps): Promise<number> {
  return 0;
}
