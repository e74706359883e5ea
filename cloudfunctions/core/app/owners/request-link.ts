import type { TimelineEntry } from '../../domain/request-state';
import type { Caller } from './access';
import { REQUESTS, type RequestDoc } from '../requests/request';
import type { MotionDoc } from './model';

/**
 * Puts a motion on the timeline of the major-matter request it came from (RULES.md §6): a comment
 * entry naming the motion, written conditionally on the request's version so it never overwrites a
 * concurrent change (retried on a race).
 */
export async function linkOnTimeline(ctx: Caller, m: MotionDoc): Promise<void> {
  if (!m.requestId) return;
  for (let attempt = 0; attempt < 3; attempt++) {
    const req = await ctx.store.get<RequestDoc>(REQUESTS, m.requestId);
    if (!req) return;
    const committee = ctx.user.roles.includes('oc_member') && ctx.user.compoundId === m.compoundId;
    const entry: TimelineEntry = {
      at: m.createdAt,
      action: 'comment',
      from: req.status,
      to: req.status,
      actorId: ctx.callerId,
      actorName: ctx.user.name,
      party: committee ? 'owners_committee' : 'residents_committee',
      note: `提交业主共同决定：${m.title}`,
      detail: { motionId: m._id },
    };
    if (await ctx.store.update(REQUESTS, req._id, { $push: { timeline: entry }, $inc: { version: 1 } }, { version: req.version })) return;
  }
}
