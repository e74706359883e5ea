// Backend answers of the ratings pages, shaped like the demo seed.
import type { BoardView, FirmView, MySheetsView, PeriodView } from '../../../miniprogram/services/ratings';
import { boardLists, PERIOD_STATE_LABELS, ratingRulesView } from '../../../cloudfunctions/core/app/ratings/views';
import { DIMENSION_OPTIONS, LIST_LABELS, RATER_ROLE_LABELS } from '../../../cloudfunctions/core/domain/credit';
import { DEFAULT_RULES } from '../../../cloudfunctions/core/domain/rules-config';

/** The credit rules as the server shows them, with the default rules. */
const DEFAULT_RATING_RULES = ratingRulesView(DEFAULT_RULES);

const dims = (n: number | null) => ({ environment: n, greening: n, security: n, facilities: n, repairs: n, fees: n, coGovernance: n });
export const allScores = (n: number) => ({ environment: n, greening: n, security: n, facilities: n, repairs: n, fees: n, coGovernance: n });

const firm = (
  firmId: string,
  firmName: string,
  creditScore: number | null,
  grade: 'AAA' | 'AA' | 'A' | 'B' | 'C' | null,
  list: 'red' | 'black' | null,
  seriousItems = 0,
) => ({
  firmId,
  firmName,
  creditScore,
  grade,
  list,
  seriousItems,
  sheetCount: 3,
  dimensions: dims(4),
  compounds: [],
});

/** The community a board is of: 红星社区 unless said otherwise. */
const HONGXING = { communityId: 'cm_hongxing', communityName: '红星社区' };

export function boardOf(period: '2026-H1' | '2025-H2', community: { communityId: string; communityName: string } = HONGXING): BoardView {
  const h1 = period === '2026-H1';
  const chuyun = firm('f_chuyun', '荆州楚韵物业服务有限公司', h1 ? 89.29 : 75.89, h1 ? 'AAA' : 'A', h1 ? 'red' : null);
  const jinghua = firm('f_jinghua', '荆州荆华物业管理有限公司', h1 ? 61.43 : 58.93, h1 ? 'B' : 'C', 'black', h1 ? 1 : 0);
  const entry = (f: ReturnType<typeof firm>) => ({
    firmId: f.firmId,
    firmName: f.firmName,
    grade: f.grade,
    creditScore: f.creditScore,
    seriousItems: f.seriousItems,
  });
  return {
    rules: DEFAULT_RATING_RULES,
    scope: 'community',
    ...community,
    period,
    label: h1 ? '2026年上半年' : '2025年下半年',
    n: 1,
    reason: null,
    publishedAt: h1 ? '2026-07-15T02:00:00.000Z' : '2026-01-15T02:00:00.000Z',
    ...boardLists({ red: h1 ? [entry(chuyun)] : [], black: [entry(jinghua)], firms: [chuyun, jinghua] }),
    periods: [
      { period: '2026-H1', label: '2026年上半年' },
      { period: '2025-H2', label: '2025年下半年' },
    ],
  };
}

export const EMPTY_BOARD: BoardView = {
  rules: DEFAULT_RATING_RULES,
  scope: 'community',
  ...HONGXING,
  period: null,
  label: null,
  n: null,
  reason: null,
  publishedAt: null,
  red: [],
  black: [],
  firms: [],
  periods: [],
};

/** The city-wide ranking of 2026-H1: the same firms, no community. */
export function cityBoard(): BoardView {
  return {
    ...boardOf('2026-H1'),
    scope: 'city',
    communityId: null,
    communityName: null,
    n: null,
    periods: [{ period: '2026-H1', label: '2026年上半年' }],
  };
}

export const FIRM: FirmView = {
  firmId: 'f_chuyun',
  name: '荆州楚韵物业服务有限公司',
  creditCode: '91421002MA4A1B2C3X',
  latest: { period: '2026-H1', label: '2026年上半年', grade: 'AAA', creditScore: 89.29, list: 'red', listLabel: LIST_LABELS.red },
  compounds: [{ compoundId: 'cp_jiangjin', name: '江津花园', communityId: 'cm_hongxing' }],
  history: [
    {
      communityId: 'cm_hongxing',
      period: '2026-H1',
      label: '2026年上半年',
      n: 1,
      publishedAt: '2026-07-15T02:00:00.000Z',
      grade: 'AAA',
      creditScore: 89.29,
      list: 'red',
      listLabel: LIST_LABELS.red,
      seriousItems: 0,
      sheetCount: 3,
      dimensions: { environment: 4.67, greening: 4.33, security: 4.33, facilities: 4.67, repairs: 4.33, fees: 4.33, coGovernance: 5 },
      compounds: [{ compoundId: 'cp_jiangjin', compoundName: '江津花园', score: 89.29 }],
    },
    {
      communityId: 'cm_hongxing',
      period: '2025-H2',
      label: '2025年下半年',
      n: 1,
      publishedAt: '2026-01-15T02:00:00.000Z',
      grade: 'A',
      creditScore: 75.89,
      list: null,
      listLabel: null,
      seriousItems: 0,
      sheetCount: 3,
      dimensions: { environment: 4.33, greening: 4, security: 3.67, facilities: 4, repairs: 4.33, fees: 4, coGovernance: 4 },
      compounds: [{ compoundId: 'cp_jiangjin', compoundName: '江津花园', score: 75.89 }],
    },
  ],
  dimensions: DIMENSION_OPTIONS,
};

const sheetOf = (compoundId: string, compoundName: string, n: number) => ({
  sheetId: `2026-H2:${compoundId}:u_oc`,
  compoundId,
  compoundName,
  firmId: 'f_chuyun',
  firmName: '荆州楚韵物业服务有限公司',
  period: '2026-H2' as const,
  raterId: 'u_oc',
  raterName: '张志强',
  raterRole: 'oc_member' as const,
  raterRoleLabel: RATER_ROLE_LABELS.oc_member,
  scores: allScores(n),
  comment: '保持良好',
  rating: ((n - 1) / 4) * 100,
  version: 1,
  submittedAt: '2026-11-10T02:00:00.000Z',
});

export function mySheetsOf(state: 'draft' | 'submitted' | 'closed'): MySheetsView {
  return {
    period: '2026-H2',
    label: '2026年下半年',
    periodState: state === 'closed' ? 'published' : 'open',
    items: [
      {
        compoundId: 'cp_jiangjin',
        compoundName: '江津花园',
        firmId: 'f_chuyun',
        firmName: '荆州楚韵物业服务有限公司',
        raterRole: 'oc_member',
        raterRoleLabel: RATER_ROLE_LABELS.oc_member,
        state,
        sheet: state === 'draft' ? null : sheetOf('cp_jiangjin', '江津花园', 4),
      },
    ],
    dimensions: DIMENSION_OPTIONS,
  };
}

export function periodViewOf(options: { canPublish: boolean; published?: boolean }): PeriodView {
  const published = options.published ?? false;
  return {
    rules: DEFAULT_RATING_RULES,
    communityId: 'cm_hongxing',
    period: '2026-H2',
    label: '2026年下半年',
    state: published ? 'published' : 'open',
    stateLabel: PERIOD_STATE_LABELS[published ? 'published' : 'open'],
    sheetCount: 2,
    canPublish: options.canPublish,
    canRecordSeriousItem: options.canPublish,
    publications: published ? [{ n: 1, reason: null, publishedAt: '2026-11-20T01:00:00.000Z', publishedByName: '李红梅' }] : [],
    compounds: [
      {
        compoundId: 'cp_jiangjin',
        name: '江津花园',
        firmId: 'f_chuyun',
        firmName: '荆州楚韵物业服务有限公司',
        ratedCount: 1,
        raterCount: 3,
        raters: [
          {
            userId: 'u_party',
            name: '李红梅',
            role: 'party_org',
            roleLabel: RATER_ROLE_LABELS.party_org,
            rated: false,
            rating: null,
            version: null,
            submittedAt: null,
          },
          {
            userId: 'u_oc',
            name: '张志强',
            role: 'oc_member',
            roleLabel: RATER_ROLE_LABELS.oc_member,
            rated: false,
            rating: null,
            version: null,
            submittedAt: null,
          },
          {
            userId: 'u_oc2',
            name: '孙立新',
            role: 'oc_member',
            roleLabel: RATER_ROLE_LABELS.oc_member,
            rated: true,
            rating: 75,
            version: 1,
            submittedAt: '2026-11-10T02:00:00.000Z',
          },
        ],
      },
      {
        compoundId: 'cp_wanshou',
        name: '万寿园小区',
        firmId: 'f_jinghua',
        firmName: '荆州荆华物业管理有限公司',
        ratedCount: 1,
        raterCount: 2,
        raters: [
          {
            userId: 'u_party',
            name: '李红梅',
            role: 'party_org',
            roleLabel: RATER_ROLE_LABELS.party_org,
            rated: false,
            rating: null,
            version: null,
            submittedAt: null,
          },
          {
            userId: 'u_oc3',
            name: '黄丽华',
            role: 'oc_member',
            roleLabel: RATER_ROLE_LABELS.oc_member,
            rated: true,
            rating: 64.29,
            version: 1,
            submittedAt: '2026-11-10T02:00:00.000Z',
          },
        ],
      },
    ],
    seriousItems: [],
    periods: [
      { period: '2026-H2', label: '2026年下半年' },
      { period: '2026-H1', label: '2026年上半年' },
    ],
  };
}
