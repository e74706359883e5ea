import { cityCredit } from '../domain/city-credit';
import { CITY_RESULTS, cityResultId, type CityResultDoc } from '../app/ratings/city';
import { DIMENSIONS, evaluatePeriod, sheetRating, type DimensionScores, type RaterRole, type SeriousItemInput } from '../domain/credit';
import type { Period } from '../domain/period';
import { DEFAULT_RULES } from '../domain/rules-config';
import { publicationOf, storePublication } from '../app/ratings/publication';
import {
  periodId,
  RATING_PERIODS,
  RATING_SHEETS,
  SERIOUS_ITEMS,
  sheetId,
  type RatingPeriodDoc,
  type RatingSheetDoc,
  type SeriousItemDoc,
} from '../app/ratings/rating';
import { DEMO } from './demo-ids';
import type { SeedContext } from './seed-context';

const COMPOUNDS = {
  [DEMO.compound1]: { name: '江津花园', firmId: DEMO.firm1, firmName: '荆州楚韵物业服务有限公司' },
  [DEMO.compound2]: { name: '万寿园小区', firmId: DEMO.firm2, firmName: '荆州荆华物业管理有限公司' },
} as const;

const RATERS: Record<string, { name: string; role: RaterRole }> = {
  'demo-party': { name: '李红梅', role: 'party_org' },
  'demo-oc': { name: '张志强', role: 'oc_member' },
  'demo-oc2': { name: '孙立新', role: 'oc_member' },
  'demo-oc3': { name: '黄丽华', role: 'oc_member' },
};

/** Scores in DIMENSIONS order: environment, greening, security, facilities, repairs, fees, coGovernance. */
type Row = [openid: string, compoundId: keyof typeof COMPOUNDS, scores: number[], comment: string | null];

interface SeedPeriod {
  period: Period;
  /** When the sheets were filled in and, if published, when the period was published. */
  ratedAt: string;
  publishedAt: string | null;
  sheets: Row[];
  serious: Array<{ compoundId: keyof typeof COMPOUNDS; description: string; evidence: string[] }>;
}

/**
 * Two published half-years (the board and the firm history have something to show: 楚韵 rises
 * from A to AAA and the red list, 荆华 is black-listed twice, once for a C and once for a serious
 * item) and the current half-year open with some sheets in, some raters still to rate.
 */
export const SEED_PERIODS: SeedPeriod[] = [
  {
    period: '2025-H2',
    ratedAt: '2026-01-08T10:00:00+08:00',
    publishedAt: '2026-01-15T10:00:00+08:00',
    sheets: [
      ['demo-party', DEMO.compound1, [4, 4, 4, 4, 4, 4, 4], '整体平稳，报修响应仍需提速。'],
      ['demo-oc', DEMO.compound1, [5, 4, 4, 4, 5, 4, 4], null],
      ['demo-oc2', DEMO.compound1, [4, 4, 3, 4, 4, 4, 4], '夜间巡逻不够。'],
      ['demo-party', DEMO.compound2, [3, 3, 4, 3, 3, 4, 3], '环境卫生和设施维护问题较多。'],
      ['demo-oc3', DEMO.compound2, [4, 3, 3, 4, 3, 4, 3], '绿化长期无人修剪。'],
    ],
    serious: [],
  },
  {
    period: '2026-H1',
    ratedAt: '2026-07-06T10:00:00+08:00',
    publishedAt: '2026-07-15T10:00:00+08:00',
    sheets: [
      ['demo-party', DEMO.compound1, [5, 5, 4, 5, 4, 5, 5], '积极参与共建共治，整改到位。'],
      ['demo-oc', DEMO.compound1, [5, 4, 5, 4, 5, 4, 5], null],
      ['demo-oc2', DEMO.compound1, [4, 4, 4, 5, 4, 4, 5], '电梯维保及时。'],
      ['demo-party', DEMO.compound2, [4, 4, 4, 4, 3, 4, 4], null],
      ['demo-oc3', DEMO.compound2, [4, 4, 4, 4, 4, 4, 3], '有进步。'],
    ],
    serious: [
      {
        compoundId: DEMO.compound2,
        description: '5月汛期地下车库排水泵长期故障未报修，造成车辆被淹，经查属实。',
        evidence: ['现场照片：地下车库积水（2026-05-21）', '居委会调查记录 2026-05-23'],
      },
    ],
  },
  {
    period: '2026-H2',
    ratedAt: '2026-11-10T10:00:00+08:00',
    publishedAt: null,
    sheets: [
      ['demo-oc2', DEMO.compound1, [4, 4, 4, 4, 4, 4, 4], '保持良好。'],
      ['demo-oc3', DEMO.compound2, [4, 3, 4, 4, 3, 4, 4], null],
    ],
    serious: [],
  },
];

const scoresOf = (row: number[]): DimensionScores => Object.fromEntries(DIMENSIONS.map((d, i) => [d, row[i]])) as DimensionScores;

/** Demo data of the ratings feature: sheets, serious items and publications made by the real rules. */
export async function seedRatings(s: SeedContext): Promise<void> {
  for (const p of SEED_PERIODS) {
    const sheets: RatingSheetDoc[] = p.sheets.map(([openid, compoundId, row, comment]) => {
      const c = COMPOUNDS[compoundId];
      const raterId = s.userId(openid);
      const scores = scoresOf(row);
      return {
        _id: sheetId(p.period, compoundId, raterId),
        communityId: DEMO.communityId,
        compoundId,
        compoundName: c.name,
        firmId: c.firmId,
        firmName: c.firmName,
        period: p.period,
        raterId,
        raterName: RATERS[openid].name,
        raterRole: RATERS[openid].role,
        scores,
        comment,
        rating: sheetRating(scores),
        version: 1,
        createdAt: p.ratedAt,
        submittedAt: p.ratedAt,
      };
    });
    for (const sheet of sheets) await s.ops.insert(RATING_SHEETS, sheet);
    const items: SeriousItemDoc[] = p.serious.map((x, i) => ({
      _id: `si_seed_${p.period}_${i}`,
      communityId: DEMO.communityId,
      compoundId: x.compoundId,
      compoundName: COMPOUNDS[x.compoundId].name,
      firmId: COMPOUNDS[x.compoundId].firmId,
      firmName: COMPOUNDS[x.compoundId].firmName,
      period: p.period,
      description: x.description,
      evidence: x.evidence,
      recordedBy: s.userId('demo-party'),
      recordedByName: RATERS['demo-party'].name,
      recordedAt: p.ratedAt,
    }));
    for (const item of items) await s.ops.insert(SERIOUS_ITEMS, item);
    const period: RatingPeriodDoc = {
      _id: periodId(DEMO.communityId, p.period),
      communityId: DEMO.communityId,
      period: p.period,
      state: 'open',
      version: sheets.length + items.length,
      sheetCount: sheets.length,
      publicationCount: 0,
      current: null,
      noticesPending: false,
      createdAt: p.ratedAt,
      updatedAt: p.ratedAt,
    };
    await s.ops.insert(RATING_PERIODS, period);
    if (!p.publishedAt) continue;
    const compounds = Object.entries(COMPOUNDS).map(([compoundId, c]) => ({
      compoundId,
      compoundName: c.name,
      firmId: c.firmId,
      firmName: c.firmName,
      satisfaction: null,
    }));
    const serious: SeriousItemInput[] = items.map((i) => ({ firmId: i.firmId, firmName: i.firmName }));
    const results = publicationOf(evaluatePeriod(compounds, sheets, serious, DEFAULT_RULES), {
      communityId: DEMO.communityId,
      period: p.period,
      n: 1,
      reason: null,
      publishedAt: p.publishedAt,
      publishedBy: s.userId('demo-party'),
      publishedByName: RATERS['demo-party'].name,
      sheetCount: sheets.length,
    });
    await storePublication(s.ops, results, period);
    // One community has published: each firm's city-wide result is its result here.
    for (const f of results.firms) {
      const city: CityResultDoc = {
        _id: cityResultId(f.firmId, p.period),
        ...cityCredit([
          {
            communityId: DEMO.communityId,
            compounds: f.compounds,
            seriousItems: f.seriousItems,
            penalty: DEFAULT_RULES.seriousItemPenalty,
          },
        ]),
        firmId: f.firmId,
        firmName: f.firmName,
        period: p.period,
        sources: [{ communityId: DEMO.communityId, n: 1 }],
        version: 1,
        updatedAt: p.publishedAt,
      };
      await s.ops.insert(CITY_RESULTS, city);
    }
    // Past black lists were notified at the time; nothing is left for the scheduler.
    await s.ops.update(RATING_PERIODS, period._id, { $set: { noticesPending: false } });
  }
}
