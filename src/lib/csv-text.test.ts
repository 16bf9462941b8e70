import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText, neutraliseCsvCell } from './csv-text';
import { tableFile } from './table-file';

const dangerous = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
];

describe('CSV cells are neutralised against formula injection', () => {
  it.each(dangerous)('prefixes %j with an apostrophe', (value) => {
    expect(neutraliseCsvCell(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text, numbers and plain signed numbers alone', () => {
    expect(neutraliseCsvCell('Ana López')).toBe('Ana López');
    expect(neutraliseCsvCell('a=b')).toBe('a=b');
    expect(neutraliseCsvCell(-42)).toBe(-42);
    expect(neutraliseCsvCell('-12.50')).toBe('-12.50');
    expect(neutraliseCsvCell('+50255551234')).toBe('+50255551234');
    expect(neutraliseCsvCell(null)).toBe('');
  });

  it('reads back, through a CSV parser, as the same text with the apostrophe in front', () => {
    const text = csvText({ rows: [['name'], ...dangerous.map((d) => [d])] });
    const rows = parse(text) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(dangerous.map((d) => `'${d}`));
  });

  it('is what every table export writes as CSV', async () => {
    const body = await tableFile({
      format: 'csv',
      sheet: 'x',
      header: ['name'],
      rows: [['=1+1']],
    });
    expect(String(body).split('\n')[1]).toBe("'=1+1");
  });
});
