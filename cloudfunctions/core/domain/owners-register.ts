/**
 * Checking an owners' register before import (RULES.md §6): every row valid or nothing is
 * imported, and each bad row is named by its line.
 */
import { ownerIdentity, parseArea } from './owners-count';

/** A row as it comes from the payload or a spreadsheet, before checking. */
export interface RawRegisterRow {
  building?: unknown;
  room?: unknown;
  area?: unknown;
  ownerName?: unknown;
  ownerPhone?: unknown;
  developerHeld?: unknown;
}

export interface RegisterRow {
  line: number;
  building: string;
  room: string;
  area: number;
  ownerName: string;
  ownerPhone: string;
  developerHeld: boolean;
  identity: string;
}

export interface RowError {
  line: number;
  message: string;
}

/** The most rows one register holds (the largest compounds have a few thousand units). */
export const MAX_REGISTER_ROWS = 20_000;
/** The most errors reported; the rest are counted in the last message. */
export const MAX_ROW_ERRORS = 50;

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const YES = new Set(['true', '1', '是', 'y', 'yes', '开发商']);

function developer(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  return YES.has(text(v).toLowerCase());
}

/** Checks every row; `firstLine` is the line number of the first row (2 under a header row). */
export function checkRegister(raw: readonly RawRegisterRow[], firstLine = 1): { rows: RegisterRow[]; errors: RowError[] } {
  const rows: RegisterRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  if (raw.length === 0) errors.push({ line: firstLine, message: '名册为空' });
  if (raw.length > MAX_REGISTER_ROWS) errors.push({ line: firstLine, message: `名册不能超过 ${MAX_REGISTER_ROWS} 行` });
  raw.slice(0, MAX_REGISTER_ROWS).forEach((r, i) => {
    const line = firstLine + i;
    const problems: string[] = [];
    const building = text(r.building);
    const room = text(r.room);
    const ownerName = text(r.ownerName);
    const ownerPhone = text(r.ownerPhone).replace(/\s+/g, '');
    const area = typeof r.area === 'string' || typeof r.area === 'number' ? parseArea(r.area) : null;
    if (!building || building.length > 20) problems.push('楼栋须为 1–20 个字');
    if (!room || room.length > 20) problems.push('房号须为 1–20 个字');
    if (area === null) problems.push('面积须为正数，最多两位小数');
    if (!ownerName || ownerName.length > 40) problems.push('业主姓名须为 1–40 个字');
    if (!PHONE.test(ownerPhone)) problems.push('联系电话格式不正确');
    const unit = `${building}\u0000${room}`;
    if (building && room) {
      const earlier = seen.get(unit);
      if (earlier !== undefined) problems.push(`与第 ${earlier} 行是同一户（${building} ${room}）`);
      else seen.set(unit, line);
    }
    if (problems.length) {
      errors.push({ line, message: problems.join('；') });
      return;
    }
    const developerHeld = developer(r.developerHeld);
    rows.push({
      line,
      building,
      room,
      area: area as number,
      ownerName,
      ownerPhone,
      developerHeld,
      identity: ownerIdentity({ ownerName, ownerPhone, developerHeld }),
    });
  });
  if (errors.length > MAX_ROW_ERRORS) {
    const rest = errors.length - MAX_ROW_ERRORS;
    errors.splice(MAX_ROW_ERRORS, rest, { line: errors[MAX_ROW_ERRORS].line, message: `另有 ${rest} 行有误` });
  }
  return { rows, errors };
}

/** Spreadsheet headers we recognise, by the field they fill. */
export const REGISTER_HEADERS: Record<keyof RawRegisterRow, readonly string[]> = {
  building: ['楼栋', '楼号', 'building'],
  room: ['房号', '房间', '户号', 'room'],
  area: ['面积', '建筑面积', '专有部分面积', 'area'],
  ownerName: ['业主姓名', '业主', '姓名', 'ownerName'],
  ownerPhone: ['联系电话', '电话', '手机', '手机号', 'ownerPhone'],
  developerHeld: ['开发商持有', '开发商', 'developerHeld'],
};

/** Which column holds which field, from a header row; the missing fields by name. */
export function columnsOf(header: readonly string[]): { columns: Partial<Record<keyof RawRegisterRow, number>>; missing: string[] } {
  const columns: Partial<Record<keyof RawRegisterRow, number>> = {};
  const norm = header.map((h) => h.replace(/\s+/g, '').replace(/[（(].*[)）]/, ''));
  for (const [field, names] of Object.entries(REGISTER_HEADERS) as Array<[keyof RawRegisterRow, readonly string[]]>) {
    const i = norm.findIndex((h) => names.some((n) => n.toLowerCase() === h.toLowerCase()));
    if (i >= 0) columns[field] = i;
  }
  const missing = (['building', 'room', 'area', 'ownerName', 'ownerPhone'] as const)
    .filter((f) => columns[f] === undefined)
    .map((f) => REGISTER_HEADERS[f][0]);
  return { columns, missing };
}
