import type { Deps } from '../context';
import { sendBlackListNotices } from './notices';
import { RATING_PERIODS, type RatingPeriodDoc } from './rating';
import { whole } from '../../ports/store';

/**
 * The ratings feature's part of the scheduler tick: finishes black-list notices a publication
 * could not queue (a crash between publishing and notifying). Returns how many periods it finished.
 */
export async function ratingsTick(deps: Deps): Promise<number> {
  const pending = await deps.store.find<RatingPeriodDoc>(RATING_PERIODS, { noticesPending: true }, { limit: whole(20) });
  let done = 0;
  for (const p of pending) {
    if (!p.current) continue;
    await sendBlackListNotices(deps, p.current);
    done += 1;
  }
  return done;
}
