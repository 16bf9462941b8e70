/**
 * Reads an uploaded CSV or XLSX file into a header row and data rows of strings, with the limits
 * checked before and during parsing rather than after: an XLSX whose archive declares more than
 * `MAX_UNZIPPED_BYTES` is refused without inflating it, both formats are read as a stream of rows
 * that stops at the first row past `MAX_ROWS`, and the reading yields to other requests as it goes.
 *
 * @example
 * const { headers, rows } = await parsePeopleFile({ name: 'contacts.csv', bytes });
 */
import { Readable } from 'node:stream';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { declaredUnzippedSize } from './zip-size';

export const MAX_ROWS = 10_000;
export const MAX_BYTES = 5 * 1024 * 1024;
/** What a 10,000-row sheet of people needs many times over; larger archives are refused unread. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
/** Row elements read (blank ones included) before giving up on a sheet padded with empty rows. */
const MAX_RAW_ROWS = MAX_ROWS * 5;

export type ParsedFile = { headers: string[]; rows: string[][] };
export type ParseError = 'unsupported' | 'empty' | 'tooManyRows' | 'unreadable';

class TooManyRows extends Error {}

export async function parsePeopleFile(o: {
  name: string;
  bytes: Uint8Array;
}): Promise<ParsedFile | { error: ParseError }> {
  const lower = o.name.toLowerCase();
  let table: string[][];
  try {
    if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
      if (o.bytes.includes(0)) return { error: 'unsupported' };
      table = await parseCsv(o.bytes);
    } else if (lower.endsWith('.xlsx')) {
      // An XLSX file is a ZIP archive: it must start with "PK".
      if (o.bytes[0] !== 0x50 || o.bytes[1] !== 0x4b) return { error: 'unsupported' };
      const unzipped = declaredUnzippedSize(o.bytes);
      if (unzipped === undefined) return { error: 'unreadable' };
      if (unzipped > MAX_UNZIPPED_BYTES) return { error: 'tooManyRows' };
      table = await parseXlsx(o.bytes);
    } else return { error: 'unsupported' };
  } catch (error) {
    if (error instanceof TooManyRows) return { error: 'tooManyRows' };
    return { error: 'unreadable' };
  }
  if (table.length < 2) return { error: 'empty' };
  const [headers, ...rows] = table;
  const width = headers!.length;
  return {
    headers: headers!.map((h) => h.trim()),
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim())),
  };
}

/** Collects non-empty rows, throwing as soon as there are more than the header plus MAX_ROWS. */
function rowCollector() {
  const rows: string[][] = [];
  let raw = 0;
  return {
    rows,
    async add(row: string[]) {
      if (++raw > MAX_RAW_ROWS) throw new TooManyRows();
      if (raw % 100 === 0) await yieldToOthers();
      if (!row.some((cell) => cell.trim() !== '')) return;
      rows.push(row);
      if (rows.length - 1 > MAX_ROWS) throw new TooManyRows();
    },
  };
}

async function parseCsv(bytes: Uint8Array): Promise<string[][]> {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = Readable.from([text]).pipe(
    parse({ delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }),
  );
  const collect = rowCollector();
  try {
    for await (const record of parser) await collect.add(record as string[]);
  } finally {
    parser.destroy();
  }
  return collect.rows;
}

async function parseXlsx(bytes: Uint8Array): Promise<string[][]> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const collect = rowCollector();
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = cell.text ?? '';
        });
        await collect.add(Array.from(cells, (c) => c ?? ''));
      }
      break; // the first sheet only
    }
  } finally {
    input.destroy();
  }
  return collect.rows;
}
