import { periodLabel } from '../../domain/period';
import { defineAction, type ActionMap } from '../action';
import { COMPOUNDS, FIRMS, type CompoundDoc, type FirmDoc } from '../community/community';
import { failures, ok } from '../result';
import { latestCityResults } from './city';
import { boardOf } from './city-board';
import { FIRM_RESULTS, type FirmResultDoc } from './rating';
import { boardInput, firmGradesInput, firmInput } from './schemas';
import { DIMENSION_OPTIONS } from '../../domain/credit';
import { listLabelOf, type FirmGrade, type FirmView } from './views';
import { whole } from '../../ports/store';

/** The published boards, a firm's credit history and the grades shown when selecting a firm. */
export const boardActions = {
  board: defineAction({
    summary: '红黑榜（默认本社区最近一期已发布结果；可选其他社区或全市排名）',
    access: 'public',
    input: boardInput,
    run: (input, ctx) => boardOf(input, ctx),
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
            limit: whole(40),
          },
        ),
        ctx.store.find<CompoundDoc>(COMPOUNDS, { firmId: input.firmId }, { limit: whole(100) }),
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
              listLabel: listLabelOf(latest.list),
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
          listLabel: listLabelOf(r.list),
          seriousItems: r.seriousItems,
          sheetCount: r.sheetCount,
          dimensions: r.dimensions,
          compounds: r.compounds.map((c) => ({ compoundId: c.compoundId, compoundName: c.compoundName, score: c.score })),
        })),
        dimensions: DIMENSION_OPTIONS,
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
      // The city-wide grade (RULES.md §4), and whether the firm has a party organisation.
      const [latest, firms] = await Promise.all([
        latestCityResults(ctx, ids),
        ctx.store.find<FirmDoc>(FIRMS, { _id: { $in: ids } }, { limit: whole(50) }),
      ]);
      const grades: FirmGrade[] = ids.map((firmId) => {
        const r = latest.get(firmId);
        const hasPartyOrg = firms.find((f) => f._id === firmId)?.hasPartyOrg ?? false;
        return r
          ? {
              firmId,
              period: r.period,
              label: periodLabel(r.period),
              grade: r.grade,
              creditScore: r.creditScore,
              list: r.list,
              hasPartyOrg,
            }
          : { firmId, period: null, label: null, grade: null, creditScore: null, list: null, hasPartyOrg };
      });
      return ok(grades);
    },
  }),
} satisfies ActionMap;
