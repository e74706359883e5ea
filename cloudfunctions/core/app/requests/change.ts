import { applyCommand, type Command, type Transition } from '../../domain/request-state';
import type { Notification } from '../../ports/notifier';
import { bumpCounters, requestCounterPatch } from '../admin/counters';
import type { DocumentOps } from '../../ports/store';
import { checkTexts } from '../content';
import type { LoadContext } from '../action';
import type { AppContext } from '../context';
import { guardedChange } from '../guarded-change';
import { fail, failures, type Failure } from '../result';
import { mustUpdate } from '../volunteer/seat-writes';
import { actorFor, visibilityFor } from './access';
import { membersOf, requestMessages, type Audience } from './notify';
import { nextDoc, patchFor, REQUESTS, type RequestDoc } from './request';
import { viewOf, type RequestView } from './views';

/** How often a change is retried when another one landed between our read and our write. */
const MAX_ATTEMPTS = 3;

export interface Changed {
  before: RequestDoc;
  after: RequestDoc;
  transition: Transition;
}

/** A change's request: its id, or its id and the document dispatch loaded with the caller's record. */
export type Target = string | { id: string; first: RequestDoc | null };

/** An action's `load`: the request, read in the same round as the caller's record. */
export const loadRequest = (input: { requestId: string }, { store }: LoadContext) => store.get<RequestDoc>(REQUESTS, input.requestId);

/** The messages a change sends (RULES.md §8), worked out before it is written. */
export type MessagesOf = (c: Changed) => Promise<Notification[]>;

/**
 * Applies one state-machine command to a request: read, decide (pure), check the text, then a
 * write conditional on the version read — so two concurrent changes never both apply to the same
 * state; the loser re-reads and is decided again. The change and the messages it sends are one
 * transaction: a crash leaves both or neither, so no message is lost or doubled.
 */
export async function change(
  ctx: AppContext,
  target: Target,
  commandFor: (doc: RequestDoc) => Command,
  text?: string | null,
  messagesOf?: MessagesOf,
  /** Another write of the change (an audit entry), made in its transaction. */
  alsoIn?: (tx: DocumentOps, c: Changed) => Promise<unknown>,
): Promise<Changed | Failure> {
  let checked = false;
  const requestId = typeof target === 'string' ? target : target.id;
  const read = () => ctx.store.get<RequestDoc>(REQUESTS, requestId);
  return guardedChange({
    first: typeof target === 'string' ? await read() : target.first,
    reread: read,
    attempts: MAX_ATTEMPTS,
    busy: () => fail('CONFLICT', '该诉求刚被他人更新，请刷新后重试', 'STALE'),
    attempt: async (doc): Promise<Changed | Failure> => {
      if (!doc) return failures.notFound('诉求');
      // The table checks the caller's role before the state, so a stranger learns nothing about it.
      const actor = actorFor(ctx.user, doc);
      const now = ctx.clock.now();
      const t = applyCommand(doc, commandFor(doc), actor, now);
      if (!t.ok) {
        if (t.code === 'INVALID_INPUT')
          return {
            ok: false,
            error: { code: 'INVALID_INPUT', message: t.message, reason: t.reason, issues: [{ path: ['coHandlers'], message: t.message }] },
          };
        return fail(t.code, t.message, t.reason);
      }
      if (!checked) {
        const refused = await checkTexts(ctx, [text]);
        if (refused) return refused;
        checked = true;
      }
      const after = nextDoc(doc, t, now);
      const patch = patchFor(doc, after, t);
      const changed: Changed = { before: doc, after, transition: t };
      const messages = messagesOf ? await messagesOf(changed) : [];
      // The oversight counters the change moves go in the same transaction (app/admin/counters.ts).
      const counters = requestCounterPatch(doc, after);
      const guarded = (ops: DocumentOps) => mustUpdate(ops.update(REQUESTS, doc._id, patch, { version: doc.version }), REQUESTS);
      if (messages.length === 0 && !counters && !alsoIn) await guarded(ctx.store);
      else
        await ctx.store.transaction(async (tx) => {
          // The update, the counters and the messages are issued together; a stale version abandons them all.
          await Promise.all([
            guarded(tx),
            counters ? bumpCounters(tx, doc.communityId, counters, doc.streetId) : null,
            ...messages.map((m) => ctx.notifier.sendIn(tx, m)),
            alsoIn?.(tx, changed),
          ]);
        });
      return changed;
    },
  });
}

/** Which parties to tell that a request now waits for them. */
export function handlers(r: RequestDoc): Audience[] {
  return r.leadParty ? [r.leadParty, ...r.coHandlers] : ['residents_committee'];
}

/** Messages to the members of some parties, but not to the one making the change. */
export async function toHandlers(
  ctx: AppContext,
  r: RequestDoc,
  audiences: Audience[],
  template: Notification['template'],
  data: Record<string, string> = {},
): Promise<Notification[]> {
  const members = await membersOf(ctx, r, audiences);
  return requestMessages(
    r,
    members.filter((m) => m._id !== ctx.callerId).map((m) => m._id),
    template,
    data,
  );
}

/** The view of a changed request for the one who changed it. */
export function viewAfter(ctx: AppContext, c: Changed): RequestView {
  const actor = actorFor(ctx.user, c.after);
  const visibility = visibilityFor(ctx.user, c.after, actor);
  return viewOf(c.after, actor, visibility === 'none' ? 'public' : visibility, ctx.clock.now());
}
