import { parse } from 'csv-parse/sync';

/** The columns of a TPMAP-style target-household export: one row per member, grouped by `household_ref`. */
export const tpmapColumns = [
  'household_ref',
  'source',
  'province_code',
  'district_code',
  'tambon_code',
  'village_code',
  'house_number',
  'member_id',
  'relation',
  'title',
  'first_name',
  'last_name',
  'national_id',
  'birth_date',
  'sex',
  'disability',
  'chronic_illness',
] as const;

export type TpmapColumn = (typeof tpmapColumns)[number];

/** A data row with the line of the file it came from (`source_line` when a client split the file into chunks). */
export interface TpmapRow {
  readonly line: number;
  readonly fields: Readonly<Record<TpmapColumn, string>>;
}

export class CsvUnreadable extends Error {
  override readonly name = 'CsvUnreadable';
}

export function readTpmapCsv(text: string): TpmapRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new CsvUnreadable(`the file is not readable CSV: ${(error as { code?: string }).code ?? 'parse error'}`);
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = tpmapColumns.filter((column) => records.length > 0 && !header.includes(column));
  if (missing.length > 0) throw new CsvUnreadable(`missing columns: ${missing.join(', ')}`);
  return records.map(({ record, info }) => ({
    line: record['source_line'] && /^\d+$/.test(record['source_line']) ? Number(record['source_line']) : info.lines,
    fields: Object.fromEntries(tpmapColumns.map((column) => [column, record[column] ?? ''])) as Record<TpmapColumn, string>,
  }));
}
