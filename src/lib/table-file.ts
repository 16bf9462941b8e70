/**
 * A table as a CSV or XLSX file, for every export: the same header and rows either way.
 *
 * @example
 * const body = await tableFile({ format: 'csv', sheet: 'People', header: ['Name'], rows: [['Ana']] });
 */
import ExcelJS from 'exceljs';
import { csvText } from './csv-text';

export const tableFileTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type TableFormat = keyof typeof tableFileTypes;

export async function tableFile(o: {
  format: TableFormat;
  sheet: string;
  header: string[];
  rows: (string | number)[][];
}): Promise<string | Uint8Array<ArrayBuffer>> {
  if (o.format === 'csv') return csvText({ rows: [o.header, ...o.rows] });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(o.sheet.slice(0, 31));
  sheet.addRow(o.header).font = { bold: true };
  for (const row of o.rows) sheet.addRow(row);
  sheet.columns.forEach((c) => (c.width = 24));
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
