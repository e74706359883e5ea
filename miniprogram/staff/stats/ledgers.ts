// 台账导出 (admin.exportLedger, API.md §6) for 社区统计. The input type is checked against the
// server's schema in typings/api-contract.ts.
import type { ApiResult } from '../../../typings/api';
import type { ExportLedgerInput } from '../../../typings/admin';
import type { ExportedFile } from '../export-file';
import type { AdminReason } from '../../../cloudfunctions/core/app/admin/reasons';
import { call } from '../../services/transport';

export type Ledger = ExportLedgerInput['ledger'];

/** The ledgers, in the order a page offers them, with what each is called. */
export const LEDGER_CHOICES: ReadonlyArray<{ ledger: Ledger; label: string }> = [
  { ledger: 'requests', label: '诉求办理台账' },
  { ledger: 'volunteer_records', label: '志愿服务台账' },
  { ledger: 'outreach', label: '党员报到服务台账' },
  { ledger: 'ratings', label: '物业评价台账' },
];

/** 导出台账（.xlsx；记录超过上限时整体拒绝并说明，须缩小范围） */
export function exportLedger(input: ExportLedgerInput): Promise<ApiResult<ExportedFile & { rows: Record<string, number> }, AdminReason>> {
  return call('admin', 'exportLedger', input);
}
