import { periodLabel } from '../../domain/period';
import type { Filter } from '../../ports/store';
import { USERS, type UserDoc } from '../account/user';
import { findAll } from '../find-all';
import type { Deps } from '../context';
import type { Notification } from '../../ports/notifier';
import { inGroups } from '../write-groups';
import { LINKS } from '../messages/events';
import { periodId, RATING_PERIODS, type PublicationResults } from './rating';

/** The subscribe-message template of the black-list notice. */
const BLACK_LIST_TEMPLATE = 'ratings.black_list';

/**
 * The black-list notices of a publication: to the owners of every compound a black-listed firm
 * serves, that they may vote on replacing it (民法典 art. 278). The compounds' residents are read
 * together (each a page at a time: a large compound has more than one find returns). Keys are per
 * period, compound and person, so a retry or a republication never sends the same notice twice.
 */
export async function blackListNotices(deps: Pick<Deps, 'store'>, results: PublicationResults): Promise<Notification[]> {
  const label = periodLabel(results.period);
  const targets = results.black.flatMap((entry) =>
    (results.firms.find((f) => f.firmId === entry.firmId)?.compounds ?? []).map((compound) => ({ entry, compound })),
  );
  const people = await Promise.all(
    targets.map(({ compound }) => {
      const filter: Filter = { communityId: results.communityId, compoundId: compound.compoundId, status: 'active' };
      return findAll<UserDoc>(deps.store, USERS, filter);
    }),
  );
  return targets.flatMap(({ entry, compound }, i) =>
    people[i]
      .filter((person) => person.roles.includes('resident') || person.roles.includes('oc_member'))
      .map((person) => ({
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
      })),
  );
}

/**
 * Queues the publication's black-list notices in groups issued together (app/write-groups.ts),
 * then clears the period's pending flag; `notices`: already read (blackListNotices). Returns how
 * many were queued. A crash before the flag is cleared leaves it to the scheduler, which sends
 * again: the keys drop what was already queued.
 */
export async function sendBlackListNotices(
  deps: Pick<Deps, 'store' | 'notifier'>,
  results: PublicationResults,
  notices?: Notification[],
): Promise<number> {
  let queued = 0;
  await inGroups(notices ?? (await blackListNotices(deps, results)), async (n) => {
    if (await deps.notifier.send(n)) queued += 1;
  });
  await deps.store.update(
    RATING_PERIODS,
    periodId(results.communityId, results.period),
    { $set: { noticesPending: false } },
    { noticesPending: true, publicationCount: results.n },
  );
  return queued;
}
