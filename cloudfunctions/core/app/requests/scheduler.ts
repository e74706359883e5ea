import { applyCommand } from '../../domain/request-state';
import type { Deps } from '../context';
import { bumpCounters, requestCounterPatch } from '../admin/counters';
import { SYSTEM_ACTOR } from './access';
import type { Notification } from '../../ports/notifier';
import { membersOf, requestMessages, submitterMessages, type Audience } from './notify';
import { nextDoc, patchFor, REQUESTS, type RequestDoc } from './request';
import { whole } from '../../ports/store';

/** Requests handled per step per tick; the rest wait for the next tick (every 10 minutes). */
const BATCH = 100;

/**
 * Applies a system step to each request found, each write conditional on the version read: a
 * request another tick (or a person) changed meanwhile is left alone, so each effect happens once.
 * The change and its messages are one transaction (no message lost in a crash between them).
 */
async function step(
  deps: Deps,
  field: 'escalateAt' | 'autoCloseAt',
  action: 'escalate' | 'autoClose',
  messagesOf: (r: RequestDoc) => Promise<Notification[]>,
): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.store.find<RequestDoc>(
    REQUESTS,
    { [field]: { $lt: now.toISOString() } },
    { orderBy: [[field, 'asc']], limit: whole(BATCH) },
  );
  let changed = 0;
  for (const doc of due) {
    const t = applyCommand(doc, { action }, SYSTEM_ACTOR, now);
    if (!t.ok) {
      // Nothing left to do for it (e.g. already escalated): clear the marker so it is not found again.
      await deps.store.update(REQUESTS, doc._id, { $set: { [field]: null } }, { version: doc.version });
      continue;
    }
    const next = nextDoc(doc, t, now);
    const messages = await messagesOf(next);
    const written = await deps.store.transaction(async (tx) => {
      if (!(await tx.update(REQUESTS, doc._id, patchFor(doc, next, t), { version: doc.version }))) return false;
      await bumpCounters(tx, doc.communityId, requestCounterPatch(doc, next) ?? {}, doc.streetId);
      for (const m of messages) await deps.notifier.sendIn(tx, m);
      return true;
    });
    if (written) changed++;
  }
  return changed;
}

/** Escalation notices go to the party organisation and whoever holds the request (the residents' committee before acceptance). */
async function escalationMessages(deps: Deps, r: RequestDoc): Promise<Notification[]> {
  const holders: Audience[] = r.leadParty ? [r.leadParty] : ['residents_committee'];
  const members = await membersOf(deps, r, ['party_org', ...holders]);
  // One escalation per round of work: a reopened request gets a new time limit and may be escalated again.
  return requestMessages(
    r,
    members.map((m) => m._id),
    'request_escalated',
    { dueAt: r.dueAt },
    `esc${r.reopenCount}`,
  );
}

/** The requests feature's part of the scheduler tick: escalates overdue requests, closes unrated ones; returns how many it changed. */
export async function requestsTick(deps: Deps): Promise<number> {
  const escalated = await step(deps, 'escalateAt', 'escalate', (r) => escalationMessages(deps, r));
  const closed = await step(deps, 'autoCloseAt', 'autoClose', async (r) => submitterMessages(r, '未评价，已自动关闭'));
  return escalated + closed;
}
