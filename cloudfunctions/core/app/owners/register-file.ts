import { columnsOf, type RawRegisterRow } from '../../domain/owners-register';

/** A spreadsheet's cells as text, row by row (the first row is the header). */
export type Sheet = string[][];

/** Parses CSV (RFC 4180: quotes, doubled quotes, CRLF; a UTF-8 BOM is dropped). */
export function parseCsv(text: string): Sheet {
  const rows: Sheet = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

type CellValue = unknown;

/** The text of an exceljs cell value: numbers as their shortest decimal, formulas by their result. */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: Array<{ text: string }>; text?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return '';
}

/** Reads the first worksheet of an .xlsx file. exceljs is loaded only here, when a file comes in. */
export async function parseXlsx(data: Buffer): Promise<Sheet> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: Sheet = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}

/** The register rows of a sheet with a header row, or the missing columns. Blank trailing rows are dropped. */
export function rowsOfSheet(sheet: Sheet): { rows: RawRegisterRow[]; missing: string[] } {
  const [header = [], ...body] = sheet;
  const { columns, missing } = columnsOf(header.map((h) => String(h)));
  if (missing.length) return { rows: [], missing };
  while (body.length && body[body.length - 1].every((c) => c.trim() === '')) body.pop();
  const at = (r: string[], k: keyof RawRegisterRow) => (columns[k] === undefined ? undefined : (r[columns[k]] ?? ''));
  return {
    rows: body.map((r) => ({
      building: at(r, 'building'),
      room: at(r, 'room'),
      area: at(r, 'area'),
      ownerName: at(r, 'ownerName'),
      ownerPhone: at(r, 'ownerPhone'),
      developerHeld: at(r, 'developerHeld'),
    })),
    missing: [],
  };
}

/** Whether bytes are an .xlsx (a zip) rather than text. */
export const isZip = (b: Buffer): boolean => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
