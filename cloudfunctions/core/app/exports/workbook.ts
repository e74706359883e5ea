/**
 * Spreadsheets out (ledgers, the credit evaluation feed): rows become an .xlsx stored through the
 * FileStore port, answered as `{ fileId, name }` (API.md §6; the mini-program opens it with
 * `wx.openDocument`, locally the gateway serves it under /files/).
 */
import type { AppContext } from '../context';
import { failures, ok, type Failure } from '../result';

export interface SheetColumn<R> {
  header: string;
  value: (row: R) => string | number | null;
  width?: number;
}

/** A sheet ready to write: its headers and its rows of cells. */
export interface Sheet {
  name: string;
  columns: Array<{ header: string; width?: number }>;
  cells: Array<Array<string | number | null>>;
}

/** A sheet of typed rows, each column a header and how to read its cell from a row. */
export const sheetOf = <R>(name: string, columns: Array<SheetColumn<R>>, rows: readonly R[]): Sheet => ({
  name,
  columns: columns.map(({ header, width }) => ({ header, width })),
  cells: rows.map((r) => columns.map((c) => c.value(r))),
});

/** An exported file. */
export interface ExportFile {
  fileId: string;
  name: string;
  /** Data rows per sheet, so a page can say what the file holds. */
  rows: Record<string, number>;
}

/**
 * Writes the sheets as one .xlsx. exceljs is loaded here, inside the exporting actions only, so
 * no other action's cold start pays for it (shared TOOLCHAIN.md, "Spreadsheets").
 */
export async function workbookBytes(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '荆州红色物业';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
    ws.getRow(1).font = { bold: true };
    for (const r of sheet.cells) ws.addRow(r.map((v) => v ?? ''));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Stores the workbook and answers the file; UNAVAILABLE where the runtime has no file storage. */
export async function storeWorkbook(
  ctx: Pick<AppContext, 'files'>,
  name: string,
  sheets: readonly Sheet[],
): Promise<{ ok: true; data: ExportFile } | Failure> {
  if (!ctx.files) return failures.unavailable();
  const fileId = await ctx.files.write(name, await workbookBytes(sheets));
  const rows = Object.fromEntries(sheets.map((s) => [s.name, s.cells.length]));
  return ok({ fileId, name, rows });
}
