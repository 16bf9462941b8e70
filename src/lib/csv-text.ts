/**
 * CSV text for every export, with each cell neutralised against formula injection: a text cell
 * that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) gets a leading apostrophe, so it opens as text. Numbers stay numbers, and so
 * does text that is only a number (`-12.50`), which no spreadsheet evaluates as a formula.
 *
 * @example
 * csvText({ rows: [['Name'], ['=HYPERLINK("http://x","y")']] });
 * // 'Name\n"\'=HYPERLINK(""http://x"",""y"")"\n'
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/;

/** One cell as a spreadsheet will safely read it. */
export function neutraliseCsvCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return `'${value}`;
  return value;
}

export function csvText(o: { rows: (string | number | null | undefined)[][] }): string {
  return stringify(o.rows.map((row) => row.map(neutraliseCsvCell)));
}
