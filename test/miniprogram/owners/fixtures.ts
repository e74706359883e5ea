import type { MotionList, MotionView, ResultView } from '../../../miniprogram/owners/service';
import { CHOICE_OPTIONS } from '../../../cloudfunctions/core/app/owners/views';
import { APPROVAL_RULE_LABELS, OUTCOME_LABELS, QUORUM_LABEL } from '../../../cloudfunctions/core/domain/owners-count';

export const ok = <T>(data: T) => ({ ok: true as const, data });

export const LIST: MotionList = {
  items: [
    {
      motionId: 'mo_demo_pipes',
      compoundId: 'cp_jiangjin',
      matter: 'fund_use',
      matterLabel: '使用建筑物及其附属设施的维修资金',
      title: '使用维修资金更换供水管网',
      status: 'voting',
      statusLabel: '表决中',
      opensAt: '2026-11-19T01:00:00.000Z',
      closesAt: '2026-12-04T01:00:00.000Z',
      outcome: null,
      outcomeLabel: null,
    },
    {
      motionId: 'mo_demo_covenant',
      compoundId: 'cp_jiangjin',
      matter: 'covenant',
      matterLabel: '制定和修改管理规约',
      title: '修订《江津花园管理规约》',
      status: 'closed',
      statusLabel: '已结束',
      opensAt: '2026-10-11T01:00:00.000Z',
      closesAt: '2026-10-21T01:00:00.000Z',
      outcome: 'passed',
      outcomeLabel: '通过',
    },
  ],
  nextCursor: null,
  compoundId: 'cp_jiangjin',
  canDraft: false,
  proposeReplacement: false,
};

export const MOTION: MotionView = {
  ...LIST.items[0],
  text: '拟使用专项维修资金约 38 万元更换供水主管。',
  candidates: [],
  seats: null,
  requestId: null,
  createdAt: '2026-11-03T01:00:00.000Z',
  announcedAt: '2026-11-04T01:00:00.000Z',
  totals: { units: 12, number: 10, area: 120272, areaText: '1202.72' },
  turnout: {
    area: 29935,
    number: 3,
    areaShare: 0.2489,
    numberShare: 0.3,
    areaText: '299.35',
    quorumArea: 80182,
    quorumNumber: 7,
    quorate: false,
    quorumLabel: QUORUM_LABEL,
  },
  approvalRule: '1/2',
  approvalRuleLabel: APPROVAL_RULE_LABELS['1/2'],
  choiceOptions: CHOICE_OPTIONS,
  myBallot: null,
  isOwner: true,
  canVote: true,
  canManage: false,
  canRecordPaper: false,
};

export const RESULT: ResultView = {
  motionId: 'mo_demo_covenant',
  outcome: 'passed',
  totals: { units: 12, number: 10, area: 120272 },
  participating: { number: 9, area: 94362 },
  agree: { number: 6, area: 63000 },
  object: { number: 2, area: 19000 },
  abstain: { number: 1, area: 12362 },
  receipts: ['1A2B-3C4D-5E6F-7A8B', 'C0FF-EE00-1234-ABCD'],
  chainHead: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ballots: 9,
  publishedAt: '2026-10-21T01:00:00.000Z',
  outcomeLabel: OUTCOME_LABELS.passed,
};
