// Reads an exported workbook back with exceljs, as the person opening it would see it.
import ExcelJS from 'exceljs';
import type { Deps } from '../../cloudfunctions/core/app/context';

/** The exported workbook's sheets as arrays of row objects keyed by header. */
export async function openWorkbook(deps: Pick<Deps, 'files'>, fileId: string): Promise<Record<string, Array<Record<string, unknown>>>> {
  const body = await deps.files?.read(fileId);
  if (!body) throw new Error(`no file ${fileId}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(body) as unknown as ArrayBuffer);
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const ws of wb.worksheets) {
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Array<Record<string, unknown>> = [];
    for (let n = 2; n <= ws.rowCount; n++) {
      const values = (ws.getRow(n).values as unknown[]).slice(1);
      rows.push(Object.fromEntries(headers.map((k, i) => [k, values[i] ?? ''])));
    }
    out[ws.name] = rows;
  }
  return out;
}
