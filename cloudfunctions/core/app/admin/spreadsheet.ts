import { Readable } from 'node:stream';
import { fieldOfHeader } from './import-rows';

/** The rows of the first sheet of an .xlsx or .csv file, keyed by field, with their line numbers. */
export interface SheetRows {
  firstLine: number;
  rows: Array<Record<string, unknown>>;
}

function cellText(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'text' in v) return String((v as { text: unknown }).text);
  if (typeof v === 'object' && v !== null && 'result' in v) return (v as { result: unknown }).result;
  if (typeof v === 'string') return v.trim();
  return v;
}

/**
 * Reads a structure sheet. exceljs is loaded here, inside the import, so no other action's cold
 * start pays for it (shared TOOLCHAIN.md, "Spreadsheets"). A file that is neither a readable .xlsx
 * (a zip) nor text answers null.
 */
export async function readStructureSheet(body: Buffer): Promise<SheetRows | null> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const isZip = body.length > 4 && body.readUInt32LE(0) === 0x04034b50;
  let sheet;
  try {
    if (isZip) {
      // exceljs' typings want its own Buffer type; a Node Buffer is what it reads.
      await wb.xlsx.load(body as unknown as ArrayBuffer);
      sheet = wb.worksheets[0];
    } else {
      sheet = await wb.csv.read(Readable.from([body.toString('utf8').replace(/^\uFEFF/, '')]));
    }
  } catch {
    return null;
  }
  if (!sheet) return null;
  const header = sheet.getRow(1);
  const fields = new Map<number, string>();
  header.eachCell((cell, col) => {
    const f = fieldOfHeader(String(cellText(cell.value)));
    if (f) fields.set(col, f);
  });
  const rows: Array<Record<string, unknown>> = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const r = sheet.getRow(n);
    const out: Record<string, unknown> = {};
    for (const [col, f] of fields) {
      const v = cellText(r.getCell(col).value);
      out[f] = typeof v === 'number' && f !== 'population' ? String(v) : v;
    }
    rows.push(out);
  }
  // Trailing empty rows are not lines of data.
  while (rows.length > 0 && Object.values(rows[rows.length - 1]).every((v) => v === '')) rows.pop();
  return { firstLine: 2, rows };
}
