import { MATTER_LABELS } from '../../domain/owners-count';
import type { Notification } from '../../ports/notifier';
import type { DocumentOps } from '../../ports/store';
import { ROLE_HOLDERS, type HolderDoc } from '../account/holders';
import type { Deps } from '../context';
import { MOTIONS, OWNER_LINKS, OWNER_NOTICES, type LinkDoc, type MotionDoc, type NoticeDoc } from './model';
import { findAll } from './register';
import { whole } from '../../ports/store';
import { Writes } from '../volunteer/seat-writes';

/** The message kind of owners' decisions (app/messages/templates.ts: announced, voting open, result). */
export const MOTION_TEMPLATE = 'owners.motion';

/** The events of a motion that every owner is told about (RULES.md §6, §8). */
export type Stage = 'announced' | 'opened' | 'result';

const STAGE_NOTES: Record<Stage, string> = {
  announced: '表决事项已公告，请留意表决时间',
  opened: '表决已开始，请及时投票',
  result: '表决结果已公布',
};

/**
 * Messages written in the transaction of the change itself. A compound's owners beyond these
 * (a 3,000-unit compound) are told in batches of the same size by the scheduler's next tick,
 * from a cursor stored in that same transaction (`owner_notices`), so none is lost or doubled.
 */
export const NOTICE_BATCH = 100;

type NoticeDeps = Pick<Deps, 'store' | 'notifier'>;

/** The staff roles told about a motion's announcement and result. */
const STAFF_ROLES = ['compound_party', 'party_org', 'rc_staff'] as const;

/**
 * Who is told about a stage, in user-id order: every owner of the compound (each linked resident);
 * for the announcement and the result also the compound party organisation, the community party
 * organisation and the residents' committee, who follow every step. Staff invited to a scope may
 * live elsewhere, so they are found by the role_holders index (account/holders.ts: a few documents
 * per community at any city size, kept in the transaction of every grant and revocation), not by
 * a scan of the city's people. No action disables an account; a holder is an active person.
 */
export async function audienceOf(deps: Pick<Deps, 'store'>, m: MotionDoc, stage: Stage): Promise<string[]> {
  // The owners and the staff, read together.
  const [links, staff] = await Promise.all([
    findAll<LinkDoc>(deps.store, OWNER_LINKS, { compoundId: m.compoundId }),
    stage === 'opened' ? [] : findAll<HolderDoc>(deps.store, ROLE_HOLDERS, { communityId: m.communityId, role: { $in: [...STAFF_ROLES] } }),
  ]);
  const people = new Set(links.map((l) => l.userId));
  // A compound's party organisation is told about its own compound's motions only.
  for (const h of staff) if (h.role !== 'compound_party' || h.compoundId === m.compoundId) people.add(h.userId);
  return [...people].sort();
}

/** The message of one stage of a motion to one person; the key is per motion, stage and person. */
export function motionMessage(m: MotionDoc, stage: Stage, userId: string, note?: string): Notification {
  return {
    key: `owners:${m._id}:${stage}:${userId}`,
    userId,
    template: MOTION_TEMPLATE,
    link: `/owners/motion/index?motionId=${m._id}`,
    data: {
      title: m.title.slice(0, 20),
      matter: MATTER_LABELS[m.matter].slice(0, 20),
      note: (note ?? STAGE_NOTES[stage]).slice(0, 20),
      time: stage === 'announced' ? m.opensAt : stage === 'opened' ? m.closesAt : (m.closedAt ?? ''),
    },
  };
}

/** A change that no longer applied: its transaction is rolled back with the messages issued beside it. */
class NotChanged extends Error {}

/**
 * Makes a change to a motion and tells its audience in one transaction: `write` applies the
 * change (false when it no longer applies: then nothing is written), the first `NOTICE_BATCH`
 * messages go in with it, issued together with it, and the cursor of the rest too. `m` is the
 * motion as it is after the change; `people` its audience when the caller read it already (in the
 * round of its other reads). Returns whether the change was written.
 */
export async function changeAndTell(
  deps: NoticeDeps,
  m: MotionDoc,
  stage: Stage,
  write: (tx: DocumentOps) => Promise<boolean>,
  options: { note?: string; people?: string[] } = {},
): Promise<boolean> {
  const { note } = options;
  const people = options.people ?? (await audienceOf(deps, m, stage));
  const first = people.slice(0, NOTICE_BATCH);
  try {
    return await deps.store.transaction(async (tx) => {
      const changed = write(tx);
      const writes = new Writes();
      writes.add(changed, ...first.map((userId) => deps.notifier.sendIn(tx, motionMessage(m, stage, userId, note))));
      if (people.length > first.length) {
        const rest: NoticeDoc = { _id: `${m._id}:${stage}`, motionId: m._id, stage, after: first[first.length - 1], note: note ?? null };
        writes.add(tx.insert(OWNER_NOTICES, rest));
      }
      await writes.settle();
      if (!(await changed)) throw new NotChanged();
      return true;
    });
  } catch (err) {
    if (err instanceof NotChanged) return false;
    throw err;
  }
}

/**
 * Tells the rest of the audience of every pending notice, a batch at a time: the messages of a
 * batch (keyed, so a repeat after a crash stores nothing twice), then the cursor moves
 * conditionally — a concurrent tick that lost the race stops. Returns how many were written.
 */
export async function finishNotices(deps: NoticeDeps): Promise<number> {
  let written = 0;
  for (const n of await deps.store.find<NoticeDoc>(OWNER_NOTICES, {}, { limit: whole(100) })) {
    const m = await deps.store.get<MotionDoc>(MOTIONS, n.motionId);
    const people = m ? (await audienceOf(deps, m, n.stage)).filter((id) => id > n.after) : [];
    let after = n.after;
    for (let i = 0; m && i < people.length; i += NOTICE_BATCH) {
      const batch = people.slice(i, i + NOTICE_BATCH);
      const sent = await Promise.all(batch.map((userId) => deps.notifier.send(motionMessage(m, n.stage, userId, n.note ?? undefined))));
      written += sent.filter(Boolean).length;
      const last = batch[batch.length - 1];
      if (!(await deps.store.update(OWNER_NOTICES, n._id, { $set: { after: last } }, { after }))) break;
      after = last;
    }
    if (after === (people[people.length - 1] ?? n.after)) await deps.store.remove(OWNER_NOTICES, n._id, { after });
  }
  return written;
}
