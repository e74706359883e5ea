import { periodLabel } from '../../domain/period';
import type { Filter } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { rulesFor } from '../../domain/rules-config';
import { COMMUNITIES, COMPOUNDS, FIRMS, type CommunityDoc, type CompoundDoc, type FirmDoc } from '../community/community';
import { fail, failures, ok } from '../result';
import { FIRM_RESULTS, periodId, RATING_PERIODS, type FirmResultDoc, type RatingPeriodDoc } from './rating';
import { boardInput, firmGradesInput, firmInput } from './schemas';
import { boardView, type FirmGrade, type FirmView } from './views';

/** The published boards, a firm's credit history and the grades shown when selecting a firm. */
export const boardActions = {
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
      const rules = rulesFor(communityId ? (await ctx.store.get<CommunityDoc>(COMMUNITIES, communityId))?.rules : null);
      const periods = mine.map((r) => r.period);
      if (!input.period) return ok(boardView(mine[0]?.current ?? null, periods, communityId, rules));
      let chosen = mine.find((r) => r.period === input.period);
      if (!chosen && communityId)
        chosen = (await ctx.store.get<RatingPeriodDoc>(RATING_PERIODS, periodId(communityId, input.period))) ?? undefined;
      if (!chosen?.current) return fail('NOT_FOUND', '该期红黑榜尚未发布', 'NOT_PUBLISHED');
      return ok(boardView(chosen.current, periods, communityId, rules));
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
} satisfies ActionMap;
