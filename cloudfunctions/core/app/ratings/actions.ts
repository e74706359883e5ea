import { evaluatePeriod, sheetRating, type CompoundInput, type RaterRole } from '../../domain/credit';
import { hasStarted, periodLabel, periodOf, periodRange, type Period } from '../../domain/period';
import { rulesFor } from '../../domain/rules-config';
import type { Filter } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { USERS, type UserDoc } from '../account/user';
import { audit } from '../audit';
import { hasCommunityRole, isAdmin, isCommunityStaff } from '../auth';
import { COMMUNITIES, COMPOUNDS, FIRMS, type CommunityDoc, type CompoundDoc, type FirmDoc } from '../community/community';
import { checkTexts } from '../content';
import { newId } from '../ids';
import { compoundSatisfaction } from '../requests/stats';
import { fail, failures, ok, type Failure } from '../result';
import { decodeCursor, pageOf } from '../schemas';
import { sendBlackListNotices } from './notices';
import { publicationOf, storePublication } from './publication';
import {
  FIRM_RESULTS,
  periodId,
  RATING_PERIODS,
  RATING_PUBLICATIONS,
  RATING_SHEETS,
  SERIOUS_ITEMS,
  sheetId,
  type FirmResultDoc,
  type RatingPeriodDoc,
  type RatingPublicationDoc,
  type RatingSheetDoc,
  type SeriousItemDoc,
} from './rating';
import {
  boardInput,
  firmGradesInput,
  firmInput,
  mySheetsInput,
  periodInput,
  publishInput,
  recordSeriousItemInput,
  sheetsInput,
  submitInput,
} from './schemas';
import {
  boardView,
  periodOption,
  seriousItemView,
  sheetView,
  type FirmGrade,
  type FirmView,
  type MySheetItem,
  type MySheetsView,
  type PeriodView,
  type RaterStatus,
} from './views';

const notStarted = () => fail('INVALID_STATE', '该期评价尚未开始', 'PERIOD_NOT_STARTED');
const closed = () => fail('INVALID_STATE', '该期评价已发布，不能再提交或修改评价表', 'PERIOD_PUBLISHED');

/**
 * The capacity in which `user` rates `compound`, or why they may not: the community party
 * organisation rates every compound of its community; an owners'-committee member only their own
 * compound; nobody rates the firm they work for. A person holding both roles rates as party_org.
 */
function raterRoleFor(user: UserDoc, compound: CompoundDoc): RaterRole | Failure {
  if (user.roles.includes('property_staff') && user.firmId === compound.firmId) {
    return fail('FORBIDDEN', '物业服务企业工作人员不能评价本企业', 'RATED_FIRM_STAFF');
  }
  if (hasCommunityRole(user, 'party_org', compound.communityId)) return 'party_org';
  if (hasCommunityRole(user, 'oc_member', compound.communityId) && user.compoundId === compound._id) return 'oc_member';
  return fail('FORBIDDEN', '只有本小区业委会成员和社区党组织可以评价', 'NOT_A_RATER');
}

/** Thrown inside a transaction to roll it back with an expected failure. */
class Abort extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.message);
  }
}

/** The raters the staff expect for each compound: its owners'-committee members and the party organisation. */
function expectedRaters(compound: CompoundDoc, people: UserDoc[]): Array<{ user: UserDoc; role: RaterRole }> {
  const out: Array<{ user: UserDoc; role: RaterRole }> = [];
  for (const u of people) {
    if (u.roles.includes('property_staff') && u.firmId === compound.firmId) continue;
    if (u.roles.includes('party_org')) out.push({ user: u, role: 'party_org' });
    else if (u.roles.includes('oc_member') && u.compoundId === compound._id) out.push({ user: u, role: 'oc_member' });
  }
  return out;
}

/** ratings: property-service rating sheets, publication of the 红黑榜, firm credit history. */
export const ratingsActions: ActionMap = {
  submit: defineAction({
    summary: '提交物业服务评价表（发布前可重新提交替换）',
    access: 'active',
    input: submitInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, input.compoundId);
      if (!compound) return failures.notFound('小区');
      const role = raterRoleFor(user, compound);
      if (typeof role !== 'string') return role;
      const now = ctx.clock.now();
      if (!hasStarted(input.period, now)) return notStarted();
      const comment = input.comment ? input.comment : null;
      if (comment) {
        const refused = await checkTexts(ctx, [comment]);
        if (refused) return refused;
      }
      const at = now.toISOString();
      const sid = sheetId(input.period, compound._id, user._id);
      const pid = periodId(compound.communityId, input.period);
      const fields = {
        communityId: compound.communityId,
        compoundId: compound._id,
        compoundName: compound.name,
        firmId: compound.firmId,
        firmName: compound.firmName,
        period: input.period,
        raterId: user._id,
        raterName: user.name,
        raterRole: role,
        scores: input.scores,
        comment,
        rating: sheetRating(input.scores),
        submittedAt: at,
      };
      const sheet = await ctx.store.transaction(async (tx): Promise<RatingSheetDoc | null> => {
        const [p, existing] = await Promise.all([tx.get<RatingPeriodDoc>(RATING_PERIODS, pid), tx.get<RatingSheetDoc>(RATING_SHEETS, sid)]);
        if (p && p.state !== 'open') return null;
        const doc: RatingSheetDoc = { _id: sid, ...fields, version: (existing?.version ?? 0) + 1, createdAt: existing?.createdAt ?? at };
        if (existing) await tx.update(RATING_SHEETS, sid, { $set: { ...fields, version: doc.version } });
        else await tx.insert(RATING_SHEETS, doc);
        if (p) await tx.update(RATING_PERIODS, pid, { $inc: { version: 1, sheetCount: existing ? 0 : 1 }, $set: { updatedAt: at } });
        else {
          const fresh: RatingPeriodDoc = {
            _id: pid,
            communityId: compound.communityId,
            period: input.period,
            state: 'open',
            version: 1,
            sheetCount: 1,
            publicationCount: 0,
            current: null,
            noticesPending: false,
            createdAt: at,
            updatedAt: at,
          };
          await tx.insert(RATING_PERIODS, fresh);
        }
        return doc;
      });
      if (!sheet) return closed();
      // Every version, in full, goes to the append-only audit log.
      await audit(ctx, 'ratings.submit', 'rating_sheet', sid, {
        version: sheet.version,
        period: sheet.period,
        compoundId: sheet.compoundId,
        raterRole: role,
        scores: sheet.scores,
        comment: sheet.comment,
        rating: sheet.rating,
      });
      return ok({ ...sheetView(sheet), state: 'submitted' as const });
    },
  }),

  publish: defineAction({
    summary: '发布红黑榜（计算并冻结本期结果；重新发布须说明理由）',
    access: 'active',
    input: publishInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const communityId = input.communityId ?? user.communityId;
      if (!isAdmin(user) && !hasCommunityRole(user, 'party_org', communityId))
        return failures.forbidden('只有社区党组织或平台管理员可以发布红黑榜');
      const pid = periodId(communityId, input.period);
      const [community, period] = await Promise.all([
        ctx.store.get<CommunityDoc>(COMMUNITIES, communityId),
        ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, pid),
      ]);
      if (!community) return failures.notFound('社区');
      if (!period || period.sheetCount === 0) return fail('INVALID_STATE', '该期还没有任何评价表，不能发布', 'EMPTY_PERIOD');
      if (period.state === 'published' && !input.reason) return fail('INVALID_STATE', '该期已发布；重新发布须说明理由', 'REASON_REQUIRED');
      if (input.reason) {
        const refused = await checkTexts(ctx, [input.reason]);
        if (refused) return refused;
      }
      const { fromIso, toIso } = periodRange(input.period);
      const [compounds, sheets, items] = await Promise.all([
        ctx.store.find<CompoundDoc>(
          COMPOUNDS,
          { communityId },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['name', 'asc'],
            ],
          },
        ),
        ctx.store.find<RatingSheetDoc>(RATING_SHEETS, { communityId, period: input.period }, { limit: 1000 }),
        ctx.store.find<SeriousItemDoc>(SERIOUS_ITEMS, { communityId, period: input.period }, { limit: 1000 }),
      ]);
      const satisfaction = await Promise.all(compounds.map((c) => compoundSatisfaction(ctx, c._id, fromIso, toIso)));
      const inputs: CompoundInput[] = compounds.map((c, i) => ({
        compoundId: c._id,
        compoundName: c.name,
        firmId: c.firmId,
        firmName: c.firmName,
        satisfaction: satisfaction[i].rated > 0 ? satisfaction[i] : null,
      }));
      // A sheet rates the firm that served the compound when it was filled in.
      const firmOfCompound = new Map(compounds.map((c) => [c._id, c.firmId]));
      const counted = sheets.filter((s) => firmOfCompound.get(s.compoundId) === s.firmId);
      const evaluation = evaluatePeriod(inputs, counted, items, rulesFor(community.rules));
      const results = publicationOf(evaluation, {
        communityId,
        period: input.period,
        n: period.publicationCount + 1,
        reason: input.reason ?? null,
        publishedAt: ctx.clock.now().toISOString(),
        publishedBy: user._id,
        publishedByName: user.name,
        sheetCount: counted.length,
      });
      let stored: boolean;
      try {
        stored = await ctx.store.transaction(async (tx) => {
          if (!(await storePublication(tx, results, period)))
            throw new Abort(fail('CONFLICT', '评价数据刚有变化，请刷新后重新发布', 'PERIOD_CHANGED'));
          return true;
        });
      } catch (err) {
        if (err instanceof Abort) return err.failure;
        throw err;
      }
      if (!stored) return failures.internal();
      await audit(ctx, 'ratings.publish', 'rating_period', pid, {
        n: results.n,
        reason: results.reason,
        red: results.red.map((f) => f.firmId),
        black: results.black.map((f) => f.firmId),
      });
      if (results.black.length > 0) await sendBlackListNotices(ctx, results);
      return ok(boardView(results, [], communityId));
    },
  }),

  board: defineAction({
    summary: '红黑榜（默认最近一期已发布结果）',
    access: 'public',
    input: boardInput,
    run: async (input, ctx) => {
      const filter: Filter = { state: 'published' };
      if (input.communityId) filter.communityId = input.communityId;
      const orderBy: Array<[string, 'asc' | 'desc']> = input.communityId
        ? [
            ['communityId', 'asc'],
            ['state', 'asc'],
            ['period', 'desc'],
          ]
        : [
            ['state', 'asc'],
            ['period', 'desc'],
          ];
      const rows = await ctx.store.find<RatingPeriodDoc>(RATING_PERIODS, filter, { orderBy, limit: 50 });
      // Without a community, the latest publication anywhere decides which community's board to show.
      const communityId = input.communityId ?? rows[0]?.communityId ?? null;
      const mine = rows.filter((r) => r.communityId === communityId);
      const periods = mine.map((r) => r.period);
      if (!input.period) return ok(boardView(mine[0]?.current ?? null, periods, communityId));
      let chosen = mine.find((r) => r.period === input.period);
      if (!chosen && communityId)
        chosen = (await ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, periodId(communityId, input.period))) ?? undefined;
      if (!chosen?.current) return fail('NOT_FOUND', '该期红黑榜尚未发布', 'NOT_PUBLISHED');
      return ok(boardView(chosen.current, periods, communityId));
    },
  }),

  firm: defineAction({
    summary: '物业企业信用档案（已发布的历史）',
    access: 'public',
    input: firmInput,
    run: async (input, ctx) => {
      const [firm, results, compounds] = await Promise.all([
        ctx.store.get<FirmDoc>(FIRMS, input.firmId),
        ctx.store.find<FirmResultDoc>(
          FIRM_RESULTS,
          { firmId: input.firmId },
          {
            orderBy: [
              ['firmId', 'asc'],
              ['period', 'desc'],
            ],
            limit: 40,
          },
        ),
        ctx.store.find<CompoundDoc>(COMPOUNDS, { firmId: input.firmId }, { limit: 100 }),
      ]);
      if (!firm) return failures.notFound('物业企业');
      const latest = results[0];
      const view: FirmView = {
        firmId: firm._id,
        name: firm.name,
        creditCode: firm.creditCode,
        latest: latest
          ? {
              period: latest.period,
              label: periodLabel(latest.period),
              grade: latest.grade,
              creditScore: latest.creditScore,
              list: latest.list,
            }
          : null,
        compounds: compounds.map((c) => ({ compoundId: c._id, name: c.name, communityId: c.communityId })),
        history: results.map((r) => ({
          communityId: r.communityId,
          period: r.period,
          label: periodLabel(r.period),
          n: r.n,
          publishedAt: r.publishedAt,
          grade: r.grade,
          creditScore: r.creditScore,
          list: r.list,
          seriousItems: r.seriousItems,
          sheetCount: r.sheetCount,
          dimensions: r.dimensions,
          compounds: r.compounds.map((c) => ({ compoundId: c.compoundId, compoundName: c.compoundName, score: c.score })),
        })),
      };
      return ok(view);
    },
  }),

  firmGrades: defineAction({
    summary: '物业企业最新信用等级（业委会选聘物业时参考）',
    access: 'public',
    input: firmGradesInput,
    run: async (input, ctx) => {
      const ids = [...new Set(input.firmIds)];
      const rows = await ctx.store.find<FirmResultDoc>(
        FIRM_RESULTS,
        { firmId: { $in: ids } },
        {
          orderBy: [
            ['firmId', 'asc'],
            ['period', 'desc'],
          ],
          limit: 1000,
        },
      );
      const grades: FirmGrade[] = ids.map((firmId) => {
        const r = rows.find((x) => x.firmId === firmId);
        return r
          ? { firmId, period: r.period, label: periodLabel(r.period), grade: r.grade, creditScore: r.creditScore, list: r.list }
          : { firmId, period: null, label: null, grade: null, creditScore: null, list: null };
      });
      return ok(grades);
    },
  }),

  mySheets: defineAction({
    summary: '我的评价表（可评价的小区及提交状态）',
    access: 'active',
    input: mySheetsInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const isParty = hasCommunityRole(user, 'party_org', user.communityId);
      if (!isParty && !hasCommunityRole(user, 'oc_member', user.communityId))
        return fail('FORBIDDEN', '只有业委会成员和社区党组织可以评价物业服务', 'NOT_A_RATER');
      const now = ctx.clock.now();
      const period: Period = input.period ?? periodOf(now);
      const [compounds, sheets, periodDoc] = await Promise.all([
        isParty
          ? ctx.store.find<CompoundDoc>(
              COMPOUNDS,
              { communityId: user.communityId },
              {
                orderBy: [
                  ['communityId', 'asc'],
                  ['name', 'asc'],
                ],
              },
            )
          : ctx.store.get<CompoundDoc>(COMPOUNDS, user.compoundId).then((c) => (c ? [c] : [])),
        ctx.store.find<RatingSheetDoc>(RATING_SHEETS, { raterId: user._id, period }, { limit: 100 }),
        ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, periodId(user.communityId, period)),
      ]);
      const published = periodDoc?.state === 'published';
      const items: MySheetItem[] = [];
      for (const c of compounds) {
        const role = raterRoleFor(user, c);
        if (typeof role !== 'string') continue;
        const sheet = sheets.find((s) => s.compoundId === c._id);
        items.push({
          compoundId: c._id,
          compoundName: c.name,
          firmId: c.firmId,
          firmName: c.firmName,
          raterRole: role,
          state: published || !hasStarted(period, now) ? 'closed' : sheet ? 'submitted' : 'draft',
          sheet: sheet ? sheetView(sheet) : null,
        });
      }
      const view: MySheetsView = {
        period,
        label: periodLabel(period),
        periodState: !hasStarted(period, now) ? 'not_started' : (periodDoc?.state ?? 'open'),
        items,
      };
      return ok(view);
    },
  }),

  period: defineAction({
    summary: '本期评价进度（谁已评、谁未评）',
    access: 'active',
    input: periodInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const communityId = input.communityId ?? user.communityId;
      if (!isCommunityStaff(user, communityId)) return failures.forbidden('只有本社区工作人员可以查看评价进度');
      const raterFilter: Filter = {
        communityId,
        status: 'active',
        $or: [{ roles: { $contains: 'oc_member' } }, { roles: { $contains: 'party_org' } }],
      };
      const [periodDoc, compounds, sheets, people, items, periods, publications] = await Promise.all([
        ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, periodId(communityId, input.period)),
        ctx.store.find<CompoundDoc>(
          COMPOUNDS,
          { communityId },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['name', 'asc'],
            ],
          },
        ),
        ctx.store.find<RatingSheetDoc>(RATING_SHEETS, { communityId, period: input.period }, { limit: 1000 }),
        ctx.store.find<UserDoc>(USERS, raterFilter, {
          orderBy: [
            ['communityId', 'asc'],
            ['createdAt', 'desc'],
          ],
          limit: 1000,
        }),
        ctx.store.find<SeriousItemDoc>(
          SERIOUS_ITEMS,
          { communityId, period: input.period },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['period', 'asc'],
              ['recordedAt', 'asc'],
            ],
            limit: 100,
          },
        ),
        ctx.store.find<RatingPeriodDoc>(
          RATING_PERIODS,
          { communityId },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['period', 'desc'],
            ],
            limit: 20,
          },
        ),
        ctx.store.find<RatingPublicationDoc>(
          RATING_PUBLICATIONS,
          { communityId, period: input.period },
          {
            orderBy: [
              ['communityId', 'asc'],
              ['period', 'asc'],
              ['n', 'asc'],
            ],
            limit: 100,
          },
        ),
      ]);
      const now = ctx.clock.now();
      const view: PeriodView = {
        communityId,
        period: input.period,
        label: periodLabel(input.period),
        state: periodDoc?.state ?? (hasStarted(input.period, now) ? 'open' : 'not_started'),
        sheetCount: periodDoc?.sheetCount ?? 0,
        canPublish: isAdmin(user) || hasCommunityRole(user, 'party_org', communityId),
        canRecordSeriousItem: hasCommunityRole(user, 'party_org', communityId),
        publications: publications.map((p) => ({
          n: p.n,
          reason: p.reason,
          publishedAt: p.publishedAt,
          publishedByName: p.publishedByName,
        })),
        compounds: compounds.map((c) => {
          const own = sheets.filter((s) => s.compoundId === c._id);
          const raters: RaterStatus[] = expectedRaters(c, people).map(({ user: u, role }) => {
            const s = own.find((x) => x.raterId === u._id);
            return {
              userId: u._id,
              name: u.name,
              role,
              rated: !!s,
              rating: s?.rating ?? null,
              version: s?.version ?? null,
              submittedAt: s?.submittedAt ?? null,
            };
          });
          // Sheets of people who have since lost the role still count, so they are listed too.
          for (const s of own) {
            if (!raters.some((r) => r.userId === s.raterId)) {
              raters.push({
                userId: s.raterId,
                name: s.raterName,
                role: s.raterRole,
                rated: true,
                rating: s.rating,
                version: s.version,
                submittedAt: s.submittedAt,
              });
            }
          }
          raters.sort((a, b) => Number(a.rated) - Number(b.rated) || a.name.localeCompare(b.name, 'zh-CN'));
          return {
            compoundId: c._id,
            name: c.name,
            firmId: c.firmId,
            firmName: c.firmName,
            ratedCount: raters.filter((r) => r.rated).length,
            raterCount: raters.length,
            raters,
          };
        }),
        seriousItems: items.map(seriousItemView),
        periods: [...new Set([input.period, periodOf(now), ...periods.map((p) => p.period)])].sort().reverse().map(periodOption),
      };
      return ok(view);
    },
  }),

  sheets: defineAction({
    summary: '本期评价表列表（社区工作人员）',
    access: 'active',
    input: sheetsInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const communityId = input.communityId ?? user.communityId;
      if (!isCommunityStaff(user, communityId)) return failures.forbidden('只有本社区工作人员可以查看评价表');
      const limit = input.limit ?? 20;
      const offset = decodeCursor(input.cursor);
      const rows = input.compoundId
        ? await ctx.store.find<RatingSheetDoc>(
            RATING_SHEETS,
            { compoundId: input.compoundId, period: input.period, communityId },
            {
              orderBy: [
                ['compoundId', 'asc'],
                ['period', 'asc'],
                ['submittedAt', 'desc'],
              ],
              limit: limit + 1,
              skip: offset,
            },
          )
        : await ctx.store.find<RatingSheetDoc>(
            RATING_SHEETS,
            { communityId, period: input.period },
            {
              orderBy: [
                ['communityId', 'asc'],
                ['period', 'asc'],
                ['submittedAt', 'desc'],
              ],
              limit: limit + 1,
              skip: offset,
            },
          );
      return ok(pageOf(rows.map(sheetView), offset, limit));
    },
  }),

  recordSeriousItem: defineAction({
    summary: '记录物业企业重大事项（附证据，计入信用扣分并列入黑榜）',
    access: 'active',
    input: recordSeriousItemInput,
    run: async (input, ctx) => {
      const user = ctx.user;
      const compound = await ctx.store.get<CompoundDoc>(COMPOUNDS, input.compoundId);
      if (!compound) return failures.notFound('小区');
      if (!hasCommunityRole(user, 'party_org', compound.communityId)) return failures.forbidden('只有本社区党组织可以记录重大事项');
      const now = ctx.clock.now();
      if (!hasStarted(input.period, now)) return notStarted();
      const refused = await checkTexts(ctx, [input.description]);
      if (refused) return refused;
      const at = now.toISOString();
      const item: SeriousItemDoc = {
        _id: newId('si', now),
        communityId: compound.communityId,
        compoundId: compound._id,
        compoundName: compound.name,
        firmId: compound.firmId,
        firmName: compound.firmName,
        period: input.period,
        description: input.description,
        evidence: input.evidence,
        recordedBy: user._id,
        recordedByName: user.name,
        recordedAt: at,
      };
      const pid = periodId(compound.communityId, input.period);
      await ctx.store.transaction(async (tx) => {
        await tx.insert(SERIOUS_ITEMS, item);
        // Moving the period's version makes a publication computed without this item fail and retry.
        if (!(await tx.update(RATING_PERIODS, pid, { $inc: { version: 1 }, $set: { updatedAt: at } }))) {
          const fresh: RatingPeriodDoc = {
            _id: pid,
            communityId: compound.communityId,
            period: input.period,
            state: 'open',
            version: 1,
            sheetCount: 0,
            publicationCount: 0,
            current: null,
            noticesPending: false,
            createdAt: at,
            updatedAt: at,
          };
          await tx.insert(RATING_PERIODS, fresh);
        }
      });
      await audit(ctx, 'ratings.recordSeriousItem', 'rating_serious_item', item._id, {
        firmId: item.firmId,
        period: item.period,
        compoundId: item.compoundId,
      });
      return ok(seriousItemView(item));
    },
  }),
};
