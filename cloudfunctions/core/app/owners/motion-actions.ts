import { checkAnnounce, checkShape, checkVoteWindow } from '../../domain/owners-motion';
import { rulesFor } from '../../domain/rules-config';
import { defineAction, type LoadContext } from '../action';
import type { UserDoc } from '../account/user';
import { audit, auditedChange } from '../audit';
import { checkTexts } from '../content';
import { isAdmin, isFailure } from '../auth';
import { COMMUNITIES, COMPOUNDS, type CommunityDoc, type CompoundDoc } from '../community/community';
import { newId } from '../ids';
import { REQUESTS, type RequestDoc } from '../requests/request';
import type { Filter } from '../../ports/store';
import { fail, failures, ok, type Failure, type Result } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { grantsOf, holdsInCompound } from '../scope';
import { loadCompound, standingAt, standingOf, type Caller, type Standing } from './access';
import { openMotion } from './lifecycle';
import { audienceOf, changeAndTell } from './notices';
import { sha256 } from './crypto';
import { BALLOTS, ballotId, MOTIONS, type BallotDoc, type MotionDoc } from './model';
import { currentRegister, linksOf, ownerKeyOfCaller } from './register';
import { linkOnTimeline } from './request-link';
import { draftInput, listInput, motionRef } from './schemas';
import { motionView, summaryView, type MotionList, type MotionView } from './views';
import { firmBlackListed } from './black-list';
import { whole } from '../../ports/store';

/** The motion, read in the caller's round (dispatch's `load`). */
export const loadMotion = (input: { motionId: string }, { store }: LoadContext) => store.get<MotionDoc>(MOTIONS, input.motionId);

/** The motion and the caller's links (by user id: the motion's compound is not known yet), read in the caller's round. */
export const loadMotionAndLinks = (input: { motionId: string }, { store, callerId }: LoadContext) =>
  Promise.all([store.get<MotionDoc>(MOTIONS, input.motionId), linksOf(store, callerId ?? '')]);

/**
 * The caller's standing in the compound of a loaded motion (the motion names the compound and its
 * community, which never change: no read of the compound), or NOT_FOUND when the caller may not see it.
 */
export function motionFor(ctx: Caller, m: MotionDoc | null): { m: MotionDoc; s: Standing } | Failure {
  if (!m) return failures.notFound('表决事项');
  const s = standingOf(ctx.user, { _id: m.compoundId, communityId: m.communityId });
  if (!s.staff && !s.member) return failures.notFound('表决事项');
  if (m.status === 'draft' && !s.convenor && !s.staff) return failures.notFound('表决事项');
  return { m, s };
}

/** Opens a motion whose opening time has come, before the scheduler's next tick does. */
export async function ensureOpened(ctx: Caller, m: MotionDoc): Promise<MotionDoc> {
  if (m.status !== 'announced' || ctx.clock.now().getTime() < Date.parse(m.opensAt)) return m;
  // Opened here, the motion is known; opened meanwhile by someone else, it is read again.
  return (await openMotion(ctx, m)) ?? (await ctx.store.get<MotionDoc>(MOTIONS, m._id)) ?? m;
}

export const draft = defineAction({
  input: draftInput,
  access: 'active',
  summary: "Drafts a motion for the owners' vote (optionally from a major-matter request)",
  // The compound and the request it comes from (if any), in the caller's round.
  load: (input, { store }) =>
    Promise.all([loadCompound(store, input.compoundId), input.requestId ? store.get<RequestDoc>(REQUESTS, input.requestId) : null]),
  async run(input, ctx): Promise<Result<{ motionId: string; status: 'draft' }>> {
    const [compound, req] = ctx.loaded;
    const s = standingAt(ctx, compound);
    if (isFailure(s)) return s;
    if (!s.convenor) return failures.forbidden('只有本小区业委会成员或社区居委会可以发起表决');
    const shape = checkShape({ ...input, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt) });
    if (shape)
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: shape.message, issues: [{ path: [shape.field], message: shape.message }] },
      };
    if (input.requestId) {
      if (!req || req.compoundId !== input.compoundId) return failures.notFound('诉求');
      if (!req.major) return fail('INVALID_STATE', '只有重大事项诉求可以提交业主表决', 'NOT_MAJOR');
    }
    const refused = await checkTexts(ctx, [input.title, input.text, ...(input.candidates ?? [])]);
    if (refused) return refused;
    const at = ctx.clock.now();
    const motionId = newId('mo', at);
    const doc: MotionDoc = {
      _id: motionId,
      compoundId: s.compound._id,
      communityId: s.compound.communityId,
      matter: input.matter,
      title: input.title,
      text: input.text,
      opensAt: new Date(input.opensAt).toISOString(),
      closesAt: new Date(input.closesAt).toISOString(),
      ...(input.candidates ? { candidates: input.candidates, seats: input.seats } : {}),
      ...(input.requestId ? { requestId: input.requestId } : {}),
      status: 'draft',
      createdBy: ctx.callerId,
      createdAt: at.toISOString(),
      seq: 0,
      turnout: { area: 0, number: 0 },
      chainHead: sha256(`genesis|${motionId}`),
    };
    // The motion and its audit entry, in one write; once the motion exists, the request's timeline names it.
    const detail = { compoundId: doc.compoundId, matter: doc.matter, requestId: doc.requestId ?? null };
    await auditedChange(ctx, { action: 'owners.draft', targetType: 'motion', targetId: motionId, detail }, (tx) => [
      tx.insert(MOTIONS, doc),
    ]);
    await linkOnTimeline(ctx, doc);
    return ok({ motionId, status: 'draft' as const });
  },
});

export const announce = defineAction({
  input: motionRef,
  access: 'active',
  summary: 'Announces a draft to every owner, at least noticeDays before voting opens',
  load: loadMotion,
  async run(input, ctx): Promise<Result<{ motionId: string; status: 'announced' }>> {
    const found = motionFor(ctx, ctx.loaded);
    if (isFailure(found)) return found;
    const { m, s } = found;
    if (!s.convenor) return failures.forbidden('只有本小区业委会成员或社区居委会可以公告表决事项');
    const now = ctx.clock.now();
    const announcedAt = now.toISOString();
    const set = { status: 'announced' as const, announcedAt };
    const after = { ...m, ...set };
    // The community's rules, the register in force and the people to tell, all named by the motion: one round.
    const [community, reg, people] = await Promise.all([
      ctx.store.get<CommunityDoc>(COMMUNITIES, m.communityId),
      currentRegister(ctx, m.compoundId),
      audienceOf(ctx, after, 'announced'),
    ]);
    const { noticeDays } = rulesFor(community?.rules);
    const refusal = checkAnnounce(m.status, new Date(m.opensAt), now, noticeDays);
    if (refusal === 'NOT_DRAFT') return fail('INVALID_STATE', '该事项已公告', refusal);
    if (refusal) return fail('INVALID_STATE', `表决开始时间须在公告之日 ${noticeDays} 日之后`, refusal);
    if (!reg) return fail('INVALID_STATE', '请先导入业主名册', 'NO_REGISTER');
    const announced = await changeAndTell(
      ctx,
      after,
      'announced',
      // The announcement and its audit entry, issued together in the transaction of the owners' messages.
      async (tx) => {
        const [moved] = await Promise.all([
          tx.update(MOTIONS, m._id, { $set: set }, { status: 'draft' }),
          audit({ ...ctx, store: tx }, 'owners.announce', 'motion', m._id),
        ]);
        return moved === 1;
      },
      { people },
    );
    if (!announced) return fail('INVALID_STATE', '该事项已公告', 'NOT_DRAFT');
    return ok({ motionId: m._id, status: 'announced' as const });
  },
});

/**
 * Whether the caller is staff of the compound (and sees its drafts), judged on their record alone:
 * null when it depends on the compound's community (they are rc_staff or party_org somewhere).
 */
function staffByRecord(user: UserDoc, compoundId: string): boolean | null {
  if (isAdmin(user) || holdsInCompound(user, 'oc_member', compoundId) || holdsInCompound(user, 'compound_party', compoundId)) return true;
  return user.roles.includes('rc_staff') || user.roles.includes('party_org') ? null : false;
}

export const list = defineAction({
  input: listInput,
  access: 'active',
  summary: "Motions of a compound (the caller's by default), newest first",
  async run(input, ctx): Promise<Result<MotionList>> {
    // Default: where the caller lives, else the compound of a role invited to one (a compound party member living elsewhere).
    const compoundId = input.compoundId ?? (ctx.user.compoundId || (grantsOf(ctx.user).find((g) => g.compoundId)?.compoundId ?? ''));
    const limit = input.limit ?? 20;
    const offset = decodeCursor(input.cursor);
    const page = (staff: boolean) => {
      const filter: Filter = { compoundId };
      if (input.status) filter.status = input.status;
      else if (!staff) filter.status = { $ne: 'draft' };
      return ctx.store.find<MotionDoc>(MOTIONS, filter, { orderBy: [['createdAt', 'desc']], skip: whole(offset), limit: whole(limit + 1) });
    };
    // The page beside the compound, when the caller's record tells whether they see drafts; else after it.
    const staff = staffByRecord(ctx.user, compoundId);
    const [compound, first] = await Promise.all([ctx.store.get<CompoundDoc>(COMPOUNDS, compoundId), staff === null ? null : page(staff)]);
    if (!compound) return failures.notFound('小区');
    const s = standingOf(ctx.user, compound);
    if (!s.staff && !s.member) return failures.forbidden();
    const rows = first ?? (await page(s.staff));
    const visible = s.staff ? rows : rows.filter((m) => m.status !== 'draft');
    const black = s.committee ? await firmBlackListed(ctx, compound) : false;
    return ok({ ...pageOf(visible.map(summaryView), offset, limit), compoundId, canDraft: s.convenor, proposeReplacement: black });
  },
});

export const get = defineAction({
  input: motionRef,
  access: 'active',
  summary: "A motion with the turnout against the 2/3 lines and the caller's receipt",
  load: loadMotionAndLinks,
  async run(input, ctx): Promise<Result<MotionView>> {
    const [loaded, links] = ctx.loaded;
    const found = motionFor(ctx, loaded);
    if (isFailure(found)) return found;
    const m = await ensureOpened(ctx, found.m);
    const { s } = found;
    const ownerKey = await ownerKeyOfCaller(ctx, m.compoundId, links);
    const mine = ownerKey ? await ctx.store.get<BallotDoc>(BALLOTS, ballotId(m._id, ownerKey)) : null;
    const open = !checkVoteWindow(m.status, new Date(m.opensAt), new Date(m.closesAt), ctx.clock.now());
    return ok(
      motionView(m, {
        myBallot: mine ? { receipt: mine.receipt, castAt: mine.castAt, channel: mine.channel } : null,
        isOwner: !!ownerKey,
        canVote: !!ownerKey && !mine && open && m.status === 'voting',
        canManage: s.convenor && m.status === 'draft',
        canRecordPaper: s.committee && open && m.status === 'voting',
      }),
    );
  },
});
