// What the 红黑榜 shows of a board: one row per firm, with its grade, score and why it is listed.
import type { BoardView } from '../../../services/ratings';
import { dateText, gradeText, gradeTheme, LIST_LABELS, scoreText } from '../labels';

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
};

function rowOf(f: Firmish, list: 'red' | 'black' | null): FirmRow {
  const parts = [`信用分 ${scoreText(f.creditScore)}`];
  if (f.seriousItems > 0) parts.push(`重大事项 ${f.seriousItems} 项`);
  return {
    firmId: f.firmId,
    firmName: f.firmName,
    grade: gradeText(f.grade),
    gradeTheme: gradeTheme(f.grade),
    score: scoreText(f.creditScore),
    listLabel: list ? LIST_LABELS[list] : '',
    description: parts.join(' · '),
  };
}

/** The rows and headline of a board. */
export function boardRows(board: BoardView): { red: FirmRow[]; black: FirmRow[]; firms: FirmRow[]; headline: string } {
  const republished = board.n !== null && board.n > 1 ? `（第 ${board.n} 次发布${board.reason ? `：${board.reason}` : ''}）` : '';
  return {
    red: board.red.map((f) => rowOf(f, 'red')),
    black: board.black.map((f) => rowOf(f, 'black')),
    firms: board.firms.map((f) => rowOf(f, f.list)),
    headline: board.period ? `${board.label}物业服务评价结果，${dateText(board.publishedAt)}发布${republished}` : '',
  };
}
