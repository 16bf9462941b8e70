/**
 * Reads an uploaded CSV or XLSX file into a header row and data rows of strings.
 *
 * @example
 * const { headers, rows } = await parsePeopleFile({ name: 'contacts.csv', bytes });
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export const MAX_ROWS = 10_000;
export const MAX_BYTES = 5 * 1024 * 1024;

export type ParsedFile = { headers: string[]; rows: string[][] };
export type ParseError = 'unsupported' | 'empty' | 'tooManyRows' | 'unreadable';

export async function parsePeopleFile(o: {
  name: string;
  bytes: Uint8Array;
}): Promise<ParsedFile | { error: ParseError }> {
  const lower = o.name.toLowerCase();
  let table: string[][];
  try {
    if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
      if (o.bytes.includes(0)) return { error: 'unsupported' };
      table = parseCsv(o.bytes);
    } else if (lower.endsWith('.xlsx')) {
      // An XLSX file is a ZIP archive: it must start with "PK".
      if (o.bytes[0] !== 0x50 || o.bytes[1] !== 0x4b) return { error: 'unsupported' };
      table = await parseXlsx(o.bytes);
    } else return { error: 'unsupported' };
  } catch {
    return { error: 'unreadable' };
  }
  const nonEmpty = table.filter((r) => r.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length < 2) return { error: 'empty' };
  if (nonEmpty.length - 1 > MAX_ROWS) return { error: 'tooManyRows' };
  const [headers, ...rows] = nonEmpty;
  const width = headers!.length;
  return {
    headers: headers!.map((h) => h.trim()),
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim())),
  };
}

function parseCsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
}

async function parseXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text ?? '';
    });
    out.push(Array.from(cells, (c) => c ?? ''));
  });
  return out;
}
