import { periodLabel } from '../../domain/period';
import type { Filter } from '../../ports/store';
import { USERS, type UserDoc } from '../account/user';
import { findAll } from '../find-all';
import type { Deps } from '../context';
import { LINKS } from '../messages/events';
import { periodId, RATING_PERIODS, type PublicationResults } from './rating';

/** The subscribe-message template of the black-list notice. */
const BLACK_LIST_TEMPLATE = 'ratings.black_list';

/**
 * Tells the owners of every compound a black-listed firm serves that they may vote on replacing
 * it (民法典 art. 278), then clears the period's pending flag. Keys are per period, compound and
 * person, so a retry or a republication never sends the same notice twice. Returns how many were queued.
 */
export async function sendBlackListNotices(deps: Pick<Deps, 'store' | 'notifier'>, results: PublicationResults): Promise<number> {
  let queued = 0;
  const label = periodLabel(results.period);
  for (const entry of results.black) {
    const firm = results.firms.find((f) => f.firmId === entry.firmId);
    for (const compound of firm?.compounds ?? []) {
      const filter: Filter = { communityId: results.communityId, compoundId: compound.compoundId, status: 'active' };
      // Every resident, a page at a time: a large compound has more than one find returns.
      const people = await findAll<UserDoc>(deps.store, USERS, filter);
      for (const person of people) {
        if (!person.roles.includes('resident') && !person.roles.includes('oc_member')) continue;
        const sent = await deps.notifier.send({
          key: `ratings-black:${results.communityId}:${results.period}:${compound.compoundId}:${person._id}`,
          userId: person._id,
          template: BLACK_LIST_TEMPLATE,
          link: LINKS.ratingsBoard(),
          // Each field fits a subscribe-message `thing` (≤ 20 characters); the board page says the rest.
          data: {
            title: `${label}物业服务黑榜`,
            firm: entry.firmName,
            compound: compound.compoundName,
            note: '业主可依法表决更换物业（民法典278条）',
          },
        });
        if (sent) queued += 1;
      }
    }
  }
  await deps.store.update(
    RATING_PERIODS,
    periodId(results.communityId, results.period),
    { $set: { noticesPending: false } },
    { noticesPending: true, publicationCount: results.n },
  );
  return queued;
}
