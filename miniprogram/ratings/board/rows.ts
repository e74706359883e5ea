// What the 红黑榜 shows of a board: one row per firm, with its grade, score and why it is listed.
import type { BoardView } from '../../services/ratings';
import { dateText, gradeText, gradeTheme, scoreText } from '../../utils/rating-labels';

export interface FirmRow {
  firmId: string;
  firmName: string;
  grade: string;
  gradeTheme: string;
  score: string;
  listLabel: string;
  /** 信用分 87.50 · 重大事项 1 项 */
  description: string;
}

type Firmish = {
  firmId: string;
  firmName: string;
  grade: BoardView['red'][number]['grade'];
  creditScore: number | null;
  seriousItems: number;
  /** The list's name (红榜), as the server sends it; null on neither. */
  listLabel: string | null;
};

function rowOf(f: Firmish): FirmRow {
  const parts = [`信用分 ${scoreText(f.creditScore)}`];
  if (f.seriousItems > 0) parts.push(`重大事项 ${f.seriousItems} 项`);
  return {
    firmId: f.firmId,
    firmName: f.firmName,
    grade: gradeText(f.grade),
    gradeTheme: gradeTheme(f.grade),
    score: scoreText(f.creditScore),
    listLabel: f.listLabel ?? '',
    description: parts.join(' · '),
  };
}

/** How grades and scores are made, with the figures of the community's rules. */
export function rulesText(rules: BoardView['rules']): string {
  const floors = rules.gradeFloors;
  const grades = floors.map((g, i) => (i === 0 ? `${g.grade} ≥ ${g.floor} 分` : `${g.grade} ${g.floor}–${floors[i - 1].floor}`));
  const last = floors[floors.length - 1];
  const w = rules.weights;
  return (
    `信用等级：${grades.join('，')}${last ? `，C 低于 ${last.floor}` : ''}。` +
    `质量分 = 业主满意度 ${w.ownerSatisfaction}% + 社区党组织评价 ${w.partyOrg}% + 业委会评价 ${w.ownersCommittee}%（缺项按比例折算）；` +
    `每项重大事项扣 ${rules.seriousItemPenalty} 分并列入黑榜。列入黑榜企业所服务小区的业主，可依法共同决定是否更换物业服务企业。`
  );
}

/**
 * Whose board this is, from the server's answer: the city ranking, the caller's own community
 * (only when the community the server answered for is the caller's), or another community, named.
 */
export function whoseBoard(board: Pick<BoardView, 'scope' | 'communityId' | 'communityName'>, ownCommunityId: string): string {
  if (board.scope === 'city') return '全市物业企业信用排名（各社区已发布结果汇总）';
  const name = board.communityName ?? '';
  return board.communityId && board.communityId === ownCommunityId ? `本社区（${name}）红黑榜` : `${name}红黑榜（非本社区）`;
}

/** The rows and headline of a board. */
export function boardRows(board: BoardView): { red: FirmRow[]; black: FirmRow[]; firms: FirmRow[]; headline: string; rules: string } {
  const republished = board.n !== null && board.n > 1 ? `（第 ${board.n} 次发布${board.reason ? `：${board.reason}` : ''}）` : '';
  return {
    red: board.red.map(rowOf),
    black: board.black.map(rowOf),
    firms: board.firms.map(rowOf),
    headline: board.period ? `${board.label}物业服务评价结果，${dateText(board.publishedAt)}发布${republished}` : '',
    rules: rulesText(board.rules),
  };
}
