import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_ROWS, MAX_UNZIPPED_BYTES, parsePeopleFile } from './parse-file';
import { declaredUnzippedSize } from './zip-size';

async function xlsx(rows: (string | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('People');
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 1);
    r.forEach((v, j) => {
      if (v !== null) row.getCell(j + 1).value = v;
    });
    row.commit();
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rewrites every central-directory entry to declare `size` uncompressed bytes. */
function declare(bytes: Uint8Array, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 46 < copy.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return copy;
}

describe('import limits come before the parsing', () => {
  it('reads an archive’s declared size without inflating it', async () => {
    const bytes = await xlsx([['Nombre'], ['Ana']]);
    const size = declaredUnzippedSize(bytes)!;
    expect(size).toBeGreaterThan(bytes.length);
    expect(declaredUnzippedSize(new Uint8Array([0x50, 0x4b, 1, 2]))).toBeUndefined();
  });

  it('refuses an XLSX whose archive declares more than the bound, unread', async () => {
    const bytes = declare(await xlsx([['Nombre'], ['Ana']]), MAX_UNZIPPED_BYTES);
    expect(await parsePeopleFile({ name: 'bomb.xlsx', bytes })).toEqual({ error: 'tooManyRows' });
  });

  it('stops at the row limit in an XLSX padded with blank rows', async () => {
    const padded: (string | null)[][] = [['Nombre', 'Correo']];
    for (let i = 0; i < MAX_ROWS * 5 + 10; i++) padded.push(['', '']);
    padded.push(['Ana', 'ana@example.org']);
    const bytes = await xlsx(padded);
    expect(await parsePeopleFile({ name: 'padded.xlsx', bytes })).toEqual({
      error: 'tooManyRows',
    });
  });

  it('stops at the row limit in a CSV and still reads one at the limit', async () => {
    const csv = (n: number) =>
      new TextEncoder().encode(
        ['Nombre,Correo', ...Array.from({ length: n }, (_, i) => `P${i},p${i}@example.org`)].join(
          '\n',
        ),
      );
    expect(await parsePeopleFile({ name: 'big.csv', bytes: csv(MAX_ROWS + 1) })).toEqual({
      error: 'tooManyRows',
    });
    const ok = await parsePeopleFile({ name: 'ok.csv', bytes: csv(MAX_ROWS) });
    expect('rows' in ok && ok.rows.length).toBe(MAX_ROWS);
  });
});
