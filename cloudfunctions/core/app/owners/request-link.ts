import type { TimelineEntry } from '../../domain/request-state';
import type { TimelineParty } from '../../domain/request-model';
import { holdsInCompound } from '../scope';
import type { Caller } from './access';
import { REQUESTS, type RequestDoc } from '../requests/request';
import type { MotionDoc } from './model';
import { guardedChange } from '../guarded-change';
import { mustUpdate } from '../volunteer/seat-writes';

/** Who drafted, as the request's timeline names parties: the committee, the party organisation, else the residents' committee. */
function partyOf(ctx: Caller, m: MotionDoc): TimelineParty {
  if (holdsInCompound(ctx.user, 'oc_member', m.compoundId)) return 'owners_committee';
  if (holdsInCompound(ctx.user, 'compound_party', m.compoundId)) return 'party_org';
  return 'residents_committee';
}

/**
 * Puts a motion on the timeline of the major-matter request it came from (RULES.md §6): a comment
 * entry naming the motion, written conditionally on the request's version so it never overwrites a
 * concurrent change (retried on a race).
 */
export async function linkOnTimeline(ctx: Caller, m: MotionDoc): Promise<void> {
  const { requestId } = m;
  if (!requestId) return;
  const read = () => ctx.store.get<RequestDoc>(REQUESTS, requestId);
  await guardedChange({
    first: await read(),
    reread: read,
    attempts: 3,
    // Moved on every attempt: the motion stays off the timeline (the motion itself stands).
    busy: () => undefined,
    attempt: async (req) => {
      if (!req) return;
      const entry: TimelineEntry = {
        at: m.createdAt,
        action: 'comment',
        from: req.status,
        to: req.status,
        actorId: ctx.callerId,
        actorName: ctx.user.name,
        party: partyOf(ctx, m),
        note: `提交业主共同决定：${m.title}`,
        detail: { motionId: m._id },
      };
      await mustUpdate(
        ctx.store.update(REQUESTS, req._id, { $push: { timeline: entry }, $inc: { version: 1 } }, { version: req.version }),
        'request',
      );
    },
  });
}
