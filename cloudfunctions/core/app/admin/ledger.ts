import { CATEGORY_LABELS } from '../../domain/request-categories';
import { STATUS_LABELS } from '../../domain/request-model';
import { PARTY_LABELS, type Role } from '../../domain/roles';
import type { Filter } from '../../ports/store';
import { defineAction, type ActionMap } from '../action';
import { audit } from '../audit';
import { communityFilter, exportScope, readExportScope, type ExportScope } from '../exports/scope';
import { sheetOf, storeWorkbook, type Sheet } from '../exports/workbook';
import { creditRows, creditSheet } from '../ratings/export-actions';
import { REQUESTS, type RequestDoc } from '../requests/request';
import { timelinePartyLabel } from '../requests/timeline';
import { COMMUNITIES, type CommunityDoc } from '../community/community';
import { EXPORT_RECORD_LIMIT, exportReads, exportTooLarge } from '../exports/limits';
import { findAll, findAllUpTo } from '../find-all';
import { OUTREACH_HEADERS, outreachLedgerRows, reportedBefore, type OutreachLedgerRow } from '../outreach/feedback';
import { REPORTS } from '../outreach/model';
import type { StoreReads } from '../pool';
import type { Failure } from '../result';
import { SIGNUPS, type SignupDoc } from '../volunteer/model';
import { serviceRecord } from '../volunteer/views';
import { exportLedgerInput, LEDGERS } from './schemas';

type Ledger = (typeof LEDGERS)[number];
type Reads = { store: StoreReads };
const LEDGER_NAMES: Record<Ledger, string> = {
  requests: '诉求办理台账',
  volunteer_records: '志愿服务台账',
  outreach: '党员报到服务台账',
  ratings: '物业评价台账',
};
/** Who exports a community's ledger besides the street and the admin: the outreach ledger is the party organisation's (RULES.md §7). */
const LEDGER_STAFF: Record<Ledger, readonly Role[]> = {
  requests: ['party_org', 'rc_staff'],
  volunteer_records: ['party_org', 'rc_staff'],
  outreach: ['party_org'],
  ratings: ['party_org', 'rc_staff'],
};

const cst = (iso: string | null | undefined) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

/** The bounds of an open range. */
const EVER = '2000-01-01T00:00:00.000Z';
const NEVER = '9999-12-31T00:00:00.000Z';

/** A time range in China time from dates: `from` 00:00 up to the end of `to`. */
function range(field: string, from?: string, to?: string): Filter {
  if (!from && !to) return {};
  const cond: Record<string, string> = {};
  if (from) cond.$gte = new Date(`${from}T00:00:00+08:00`).toISOString();
  if (to) cond.$lt = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  return { [field]: cond } as Filter;
}

/** Requests with their timelines: one sheet of requests, one of every step (RULES.md §9). Phones masked (§5). */
async function requestSheets(ctx: Reads, scope: ExportScope, from?: string, to?: string): Promise<Sheet[] | Failure> {
  const read = await findAllUpTo<RequestDoc>(
    ctx.store,
    REQUESTS,
    { ...communityFilter(scope), ...range('createdAt', from, to) },
    EXPORT_RECORD_LIMIT,
  );
  if ('tooMany' in read) return exportTooLarge(read.tooMany);
  const rows = read.docs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id));
  const steps = rows.flatMap((r) => r.timeline.map((t) => ({ r, t })));
  return [
    sheetOf(
      '诉求',
      [
        { header: '编号', value: (r) => r._id, width: 24 },
        { header: '小区', value: (r) => r.compoundName },
        { header: '类别', value: (r) => CATEGORY_LABELS[r.category] },
        { header: '标题', value: (r) => r.title, width: 30 },
        { header: '诉求内容', value: (r) => r.description, width: 40 },
        { header: '提交人', value: (r) => r.submitter.name },
        { header: '楼栋', value: (r) => r.submitter.building },
        { header: '联系电话', value: (r) => r.submitter.phoneMasked },
        { header: '提交时间', value: (r) => cst(r.createdAt), width: 18 },
        { header: '状态', value: (r) => STATUS_LABELS[r.status] },
        { header: '牵头方', value: (r) => (r.leadParty ? PARTY_LABELS[r.leadParty] : null) },
        { header: '办理时限', value: (r) => cst(r.dueAt), width: 18 },
        { header: '办结时间', value: (r) => cst(r.resolvedAt), width: 18 },
        { header: '物业企业', value: (r) => r.firmName, width: 24 },
      ],
      rows,
    ),
    sheetOf(
      '办理过程',
      [
        { header: '诉求编号', value: (s) => s.r._id, width: 24 },
        { header: '时间', value: (s) => cst(s.t.at), width: 18 },
        { header: '环节', value: (s) => s.t.action },
        { header: '办理前状态', value: (s) => (s.t.from ? STATUS_LABELS[s.t.from] : null) },
        { header: '办理后状态', value: (s) => STATUS_LABELS[s.t.to] },
        { header: '办理方', value: (s) => timelinePartyLabel(s.t.party) },
        { header: '经办人', value: (s) => s.t.actorName },
        { header: '说明', value: (s) => s.t.note, width: 40 },
      ],
      steps,
    ),
  ];
}

/** Volunteer service records with the fields of the 志愿服务记录证明 (RULES.md §3): attended signups only. */
async function volunteerSheets(ctx: Reads, scope: ExportScope, from?: string, to?: string): Promise<Sheet[] | Failure> {
  const read = await findAllUpTo<SignupDoc>(
    ctx.store,
    SIGNUPS,
    { ...communityFilter(scope), attendance: 'attended', ...range('startAt', from, to) },
    EXPORT_RECORD_LIMIT,
  );
  if ('tooMany' in read) return exportTooLarge(read.tooMany);
  const rows = read.docs.sort((a, b) => a.startAt.localeCompare(b.startAt) || a._id.localeCompare(b._id));
  return [
    sheetOf(
      '志愿服务记录',
      [
        { header: '志愿者姓名', value: (r) => r.volunteerName },
        { header: '志愿者编号', value: (r) => r.volunteerNo },
        { header: '服务项目', value: (r) => r.title, width: 30 },
        { header: '服务类别', value: (r) => r.categoryLabel },
        { header: '服务日期', value: (r) => r.date, width: 12 },
        { header: '服务地点', value: (r) => r.location, width: 24 },
        { header: '服务内容', value: (r) => r.content, width: 40 },
        { header: '签到时间', value: (r) => cst(r.checkInAt), width: 18 },
        { header: '签退时间', value: (r) => cst(r.checkOutAt), width: 18 },
        { header: '服务时长（小时）', value: (r) => r.hours },
        { header: '组织单位', value: (r) => r.organiser.organisation, width: 24 },
        { header: '负责人', value: (r) => r.organiser.personInCharge },
        { header: '联系电话', value: (r) => r.organiser.contact, width: 14 },
      ],
      rows.map(serviceRecord),
    ),
  ];
}

/**
 * Party members' reporting and services (RULES.md §7, §9): one row per member reported to a
 * community of the scope, unit by unit, with the services confirmed and hours served in the range.
 */
async function outreachSheets(ctx: Reads, scope: ExportScope, from?: string, to?: string): Promise<Sheet[] | Failure> {
  const bounds = range('at', from, to).at as { $gte?: string; $lt?: string } | undefined;
  const [fromIso, toIso] = [bounds?.$gte ?? EVER, bounds?.$lt ?? NEVER];
  // One row per member reported before the end of the range: counted before any member is read.
  const [members, communityIds] = await Promise.all([
    ctx.store.count(REPORTS, { ...communityFilter(scope), ...reportedBefore(toIso) }),
    scope.communityIds ?? findAll<CommunityDoc>(ctx.store, COMMUNITIES, {}).then((all) => all.map((c) => c._id)),
  ]);
  if (members > EXPORT_RECORD_LIMIT) return exportTooLarge(members);
  const rows = await outreachLedgerRows(ctx, communityIds, fromIso, toIso);
  const columns = Object.keys(OUTREACH_HEADERS) as Array<keyof OutreachLedgerRow>;
  return [
    sheetOf(
      '党员报到服务',
      columns.map((k) => ({ header: k, value: (r: OutreachLedgerRow) => (k.endsWith('时间') ? cst(r[k] as string) : r[k]), width: 14 })),
      rows,
    ),
  ];
}

/** Each ledger's sheets, or EXPORT_TOO_LARGE past the limit. */
const LEDGER_SHEETS: Record<Ledger, (ctx: Reads, scope: ExportScope, from?: string, to?: string) => Promise<Sheet[] | Failure>> = {
  requests: requestSheets,
  volunteer_records: volunteerSheets,
  outreach: outreachSheets,
  ratings: async (ctx, scope) => {
    const rows = await creditRows(ctx, scope);
    return Array.isArray(rows) ? [creditSheet(rows)] : rows;
  },
};

/** admin.exportLedger: the ledgers (台账) of a community, a street or the city as .xlsx. */
export const ledgerActions = {
  exportLedger: defineAction({
    summary: '导出台账（诉求办理、志愿服务记录、党员报到服务、物业评价结果）',
    access: 'active',
    input: exportLedgerInput,
    // The community or street the input names, read beside the caller's record; the scope is checked after.
    load: (input, { store }) => readExportScope(store, input),
    run: async (input, ctx) => {
      const scope = await exportScope(ctx, ctx.user, input, LEDGER_STAFF[input.ledger], ctx.loaded);
      if ('ok' in scope) return scope;
      const sheets = await LEDGER_SHEETS[input.ledger](exportReads(ctx), scope, input.from, input.to);
      if (!Array.isArray(sheets)) return sheets;
      const span = input.from || input.to ? `_${input.from ?? ''}至${input.to ?? ''}` : '';
      const file = await storeWorkbook(ctx, `${LEDGER_NAMES[input.ledger]}_${scope.label}${span}.xlsx`, sheets);
      if (!file.ok) return file;
      // Every export of personal data is audited (RULES.md §5).
      await audit(ctx, 'admin.exportLedger', 'file', file.data.fileId, {
        ledger: input.ledger,
        communityIds: scope.communityIds,
        from: input.from ?? null,
        to: input.to ?? null,
        rows: file.data.rows,
      });
      return file;
    },
  }),
} satisfies ActionMap;
