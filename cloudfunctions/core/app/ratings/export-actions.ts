import { LIST_LABELS } from '../../domain/credit';
import { periodLabel } from '../../domain/period';
import type { Filter } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { audit } from '../audit';
import { COMMUNITIES, FIRMS, type CommunityDoc, type FirmDoc } from '../community/community';
import { communityFilter, exportScope, type ExportScope } from '../exports/scope';
import { sheetOf, storeWorkbook, type Sheet } from '../exports/workbook';
import { CITY_RESULTS, cityResultId, type CityResultDoc } from './city';
import { FIRM_RESULTS, type FirmResultDoc } from './rating';
import { exportInput } from './schemas';
import { EXPORT_RECORD_LIMIT, exportReads, exportTooLarge } from '../exports/limits';
import { findAllUpTo, findByIds } from '../find-all';
import type { StoreReads } from '../pool';
import type { Failure } from '../result';

/** One compound a firm served in the period, with the firm's community and city-wide results. */
export interface CreditRow {
  period: string;
  firmName: string;
  creditCode: string;
  hasPartyOrg: boolean;
  communityName: string;
  compoundName: string;
  qualityScore: number | null;
  sheetCount: number;
  communityCreditScore: number | null;
  seriousItems: number;
  cityCreditScore: number | null;
  grade: string | null;
  list: string | null;
}

type FirmResultsRead = Awaited<ReturnType<typeof findAllUpTo<FirmResultDoc>>>;

/** The scope's firm results of the period (every period without one), up to the export's limit. */
function readFirmResults(ctx: { store: StoreReads }, scope: ExportScope, period?: string): Promise<FirmResultsRead> {
  const filter: Filter = { ...communityFilter(scope) };
  if (period) filter.period = period;
  return findAllUpTo<FirmResultDoc>(ctx.store, FIRM_RESULTS, filter, EXPORT_RECORD_LIMIT);
}

/**
 * The rows of the credit-evaluation feed (RULES.md §4): every published compound of the scope in
 * the period (every period without one), with the firm's 统一社会信用代码, the compound's quality
 * score, the community's serious items and credit score, and the firm's city-wide credit score,
 * grade and list. Every firm result is read, page by page; more than EXPORT_RECORD_LIMIT of them
 * is EXPORT_TOO_LARGE.
 */
export async function creditRows(ctx: { store: StoreReads }, scope: ExportScope, period?: string): Promise<CreditRow[] | Failure> {
  return creditRowsOf(ctx, await readFirmResults(ctx, scope, period));
}

/** The rows of firm results already read (readFirmResults). */
async function creditRowsOf(ctx: { store: StoreReads }, read: FirmResultsRead): Promise<CreditRow[] | Failure> {
  if ('tooMany' in read) return exportTooLarge(read.tooMany);
  const results = read.docs.sort(
    (a, b) => b.period.localeCompare(a.period) || a.firmId.localeCompare(b.firmId) || a.communityId.localeCompare(b.communityId),
  );
  const byId = <T extends { _id: string }>(docs: T[]) => new Map(docs.map((d) => [d._id, d]));
  const [firms, communities, city] = await Promise.all([
    findByIds<FirmDoc>(
      ctx.store,
      FIRMS,
      results.map((r) => r.firmId),
    ).then(byId),
    findByIds<CommunityDoc>(
      ctx.store,
      COMMUNITIES,
      results.map((r) => r.communityId),
    ).then(byId),
    findByIds<CityResultDoc>(
      ctx.store,
      CITY_RESULTS,
      results.map((r) => cityResultId(r.firmId, r.period)),
    ).then(byId),
  ]);
  return results.flatMap((r) => {
    const firm = firms.get(r.firmId);
    const c = city.get(cityResultId(r.firmId, r.period));
    const communityName = communities.get(r.communityId)?.name ?? r.communityId;
    return r.compounds.map((k) => ({
      period: periodLabel(r.period),
      firmName: r.firmName,
      creditCode: firm?.creditCode ?? '',
      hasPartyOrg: firm?.hasPartyOrg ?? false,
      communityName,
      compoundName: k.compoundName,
      qualityScore: k.score,
      sheetCount: k.sheetCount,
      communityCreditScore: r.creditScore,
      seriousItems: r.seriousItems,
      cityCreditScore: c?.creditScore ?? r.creditScore,
      grade: c?.grade ?? r.grade,
      list: (c ? c.list : r.list) ? LIST_LABELS[(c ? c.list : r.list) as 'red' | 'black'] : null,
    }));
  });
}

/** The credit-evaluation sheet (物业服务企业信用评价). */
export function creditSheet(rows: CreditRow[]): Sheet {
  return sheetOf(
    '信用评价',
    [
      { header: '评价周期', value: (r) => r.period },
      { header: '企业名称', value: (r) => r.firmName, width: 30 },
      { header: '统一社会信用代码', value: (r) => r.creditCode, width: 22 },
      { header: '企业党组织', value: (r) => (r.hasPartyOrg ? '有' : '无') },
      { header: '社区', value: (r) => r.communityName },
      { header: '小区', value: (r) => r.compoundName },
      { header: '小区服务质量得分', value: (r) => r.qualityScore },
      { header: '评价表数', value: (r) => r.sheetCount },
      { header: '本社区信用分', value: (r) => r.communityCreditScore },
      { header: '重大事项数', value: (r) => r.seriousItems },
      { header: '全市信用分', value: (r) => r.cityCreditScore },
      { header: '信用等级', value: (r) => r.grade },
      { header: '红黑榜', value: (r) => r.list },
    ],
    rows,
  );
}

/** ratings.export: the period's results as a spreadsheet for the housing department. */
export const exportActions = {
  export: defineAction({
    summary: '导出本期物业企业信用评价表（供住建部门信用评价）',
    access: 'active',
    input: exportInput,
    // A named community's results are read in the caller's round, and its rows beside the scope
    // check; they are answered only once that check passes (it names the same community).
    load: (input, { store }) =>
      input.communityId
        ? readFirmResults(exportReads({ store }), { communityIds: [input.communityId], label: '' }, input.period).then((read) => ({ read }))
        : Promise.resolve(null),
    run: async (input, ctx) => {
      const reads = exportReads(ctx);
      const [scope, named] = await Promise.all([
        exportScope(ctx, ctx.user, input, ['party_org']),
        ctx.loaded ? creditRowsOf(reads, ctx.loaded.read) : Promise.resolve(null),
      ]);
      if ('ok' in scope) return scope;
      const rows = named ?? (await creditRows(reads, scope, input.period));
      if (!Array.isArray(rows)) return rows;
      const name = `物业服务企业信用评价_${scope.label}_${input.period}.xlsx`;
      const file = await storeWorkbook(ctx, name, [creditSheet(rows)]);
      if (!file.ok) return file;
      await audit(ctx, 'ratings.export', 'file', file.data.fileId, {
        period: input.period,
        communityIds: scope.communityIds,
        rows: rows.length,
      });
      return file;
    },
  }),
} satisfies ActionMap;
