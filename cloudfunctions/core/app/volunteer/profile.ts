/**
 * Issuing a volunteer profile with the next volunteer number (志愿者编号 ZY000001, …), inside the
 * caller's transaction: used by volunteer.register and by outreach.confirmReport, which makes a
 * confirmed party member a volunteer (RULES.md §7).
 */
import type { DocumentOps } from '../../ports/store';
import { USERS, type UserDoc } from '../account/user';
import { bumpForUser, userFacts } from '../admin/counters';
import { VOLUNTEER_COUNTERS, VOLUNTEERS, type VolunteerDoc } from './model';

interface CounterDoc {
  _id: string;
  last: number;
}

/** The platform-wide counter behind volunteer numbers. */
const COUNTER_ID = 'volunteer_no';

/** What the person gives (or the registration supplies) for a new profile. */
export interface ProfileFields {
  realName: string;
  phone: string;
  skills: string[];
  isPartyMember: boolean;
  isYouthLeagueMember?: boolean;
  reportedMember?: boolean;
}

/**
 * Inserts the profile of `user` with the next number, or returns null when they already have one.
 * Only `tx` calls: the transaction may run it again. The writes (the counter, the profile, the
 * backbone counters and whatever `alsoWrite` adds, e.g. the audit entry) are issued together.
 */
export async function issueProfile(
  tx: DocumentOps,
  user: UserDoc,
  fields: ProfileFields,
  nowIso: string,
  alsoWrite?: (doc: VolunteerDoc) => Promise<unknown>,
): Promise<VolunteerDoc | null> {
  const [existing, counter, holder] = await Promise.all([
    tx.get<VolunteerDoc>(VOLUNTEERS, user._id),
    tx.get<CounterDoc>(VOLUNTEER_COUNTERS, COUNTER_ID),
    // A holder not yet approved as read may have been approved since: read as stored now, for the oversight counters.
    // An approval at the same moment either committed first (read here as approved) or reads this profile in its own
    // transaction (account/user-change.ts); on CloudBase both write the community's document, so the later one conflicts
    // and runs again (test/functions/volunteer-register-concurrency.test.ts).
    user.status === 'active' ? user : tx.get<UserDoc>(USERS, user._id),
  ]);
  if (existing) return null;
  const n = (counter?.last ?? 0) + 1;
  const doc: VolunteerDoc = {
    _id: user._id,
    communityId: user.communityId,
    compoundId: user.compoundId,
    ...fields,
    volunteerNo: `ZY${String(n).padStart(6, '0')}`,
    totalHours: 0,
    slots: [],
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  await Promise.all([
    counter
      ? tx.update(VOLUNTEER_COUNTERS, COUNTER_ID, { $set: { last: n } }, { last: counter.last }).then((moved) => {
          if (!moved) throw new Error('volunteer counter moved');
        })
      : tx.insert<CounterDoc>(VOLUNTEER_COUNTERS, { _id: COUNTER_ID, last: n }),
    tx.insert(VOLUNTEERS, doc),
    // The backbone shares of the community's volunteers (RULES.md §7), counted with the profile, and
    // the volunteer share of approved residents (RULES.md §1) when the holder is one: one write of the
    // community's document, then its street's totals.
    bumpForUser(tx, holder ? userFacts(holder, null) : null, holder ? userFacts(holder, doc.communityId) : null, {
      also: {
        [doc.communityId]: {
          'backbone.volunteerProfiles': 1,
          'backbone.partyVolunteers': doc.isPartyMember ? 1 : 0,
          'backbone.youthLeagueVolunteers': doc.isYouthLeagueMember ? 1 : 0,
        },
      },
    }),
    alsoWrite?.(doc),
  ]);
  return doc;
}
