import type { core } from 'zod/mini';
import { structureRow, type StructureRow } from './schemas';

/** One refused row of an import: its line (the spreadsheet's row number, header = 1) and why. */
export interface RowError {
  line: number;
  message: string;
}

/** Column headers a sheet may use, Chinese or English, for each field of a row. */
const HEADERS: Record<string, keyof StructureRow> = {
  区: 'district',
  区县: 'district',
  district: 'district',
  街道: 'street',
  street: 'street',
  社区: 'community',
  community: 'community',
  小区: 'compound',
  compound: 'compound',
  楼栋: 'building',
  building: 'building',
  人口: 'population',
  常住人口: 'population',
  population: 'population',
};

/** The field a header names, or null for a column we do not read. */
export function fieldOfHeader(header: string): keyof StructureRow | null {
  return HEADERS[header.trim()] ?? HEADERS[header.trim().toLowerCase()] ?? null;
}

function describe(error: core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

/**
 * Checks every row (numbered from `firstLine`) and answers the good rows or every bad one with
 * its reason: a street named twice with different districts, a field missing or too long, a
 * building without its compound.
 */
export function checkRows(raw: Array<Record<string, unknown>>, firstLine: number): { rows: StructureRow[]; errors: RowError[] } {
  const rows: StructureRow[] = [];
  const errors: RowError[] = [];
  const districtOfStreet = new Map<string, string>();
  raw.forEach((r, i) => {
    const line = firstLine + i;
    const cleaned = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '' && v !== null && v !== undefined));
    if (typeof cleaned.population === 'string' && /^\d+$/.test(cleaned.population)) cleaned.population = Number(cleaned.population);
    const parsed = structureRow.safeParse(cleaned);
    if (!parsed.success) {
      errors.push({ line, message: describe(parsed.error) });
      return;
    }
    const row = parsed.data;
    if (row.building && !row.compound) {
      errors.push({ line, message: '填写楼栋时须同时填写小区' });
      return;
    }
    const seen = districtOfStreet.get(row.street);
    if (seen && seen !== row.district) {
      errors.push({ line, message: `街道“${row.street}”已在前面的行中属于“${seen}”` });
      return;
    }
    districtOfStreet.set(row.street, row.district);
    rows.push(row);
  });
  return { rows, errors };
}
