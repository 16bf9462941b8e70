/**
 * Oversized people imports are refused quickly, with little memory and without stalling other
 * requests. Builds two XLSX files in a temporary folder (names "Bench …", nothing real): 580,000
 * rows of varied people (several MB, like a real export gone wrong) and 600,000 identical rows
 * (compresses to a small upload); then, for each, times `parsePeopleFile` until it refuses,
 * samples the process's resident memory every 10 ms, and measures the event loop's longest
 * delay meanwhile (what a `/healthz` request arriving at that moment would wait before being
 * served). Budget: refused in under 2 s, memory growth under 100 MB, event-loop delay < 100 ms.
 *
 * Run alone: `npx tsx bench/import-limits.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { parsePeopleFile } from '../src/features/network/import/parse-file';
import { declaredUnzippedSize } from '../src/features/network/import/zip-size';

async function writeXlsx(path: string, rows: number, varied: boolean) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
  const sheet = workbook.addWorksheet('People');
  sheet.addRow(['Nombre', 'Correo', 'País']).commit();
  for (let i = 0; i < rows; i++)
    sheet
      .addRow(
        varied ? [`Bench ${i}`, `bench${i}@example.org`, 'GT'] : ['Bench', 'b@example.org', 'GT'],
      )
      .commit();
  await workbook.commit();
}

async function measure(name: string, bytes: Uint8Array) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const result = await parsePeopleFile({ name, bytes });
  const ms = Math.round(performance.now() - started);
  loop.disable();
  clearInterval(sampler);
  const growthMb = Math.round((peak - before) / 1024 / 1024);
  const maxDelayMs = Math.round(loop.max / 1e6);
  return { result: 'error' in result ? result.error : 'accepted', ms, growthMb, maxDelayMs };
}

const dir = mkdtempSync(join(tmpdir(), 'convoca-import-limits-'));
try {
  const cases = [
    { file: 'varied-580k.xlsx', rows: 580_000, varied: true },
    { file: 'same-600k.xlsx', rows: 600_000, varied: false },
    { file: 'same-60k.xlsx', rows: 60_000, varied: false },
  ];
  for (const c of cases) {
    const path = join(dir, c.file);
    await writeXlsx(path, c.rows, c.varied);
    const bytes = new Uint8Array(readFileSync(path));
    const unzippedMb = ((declaredUnzippedSize(bytes) ?? 0) / 1048576).toFixed(1);
    const m = await measure(c.file, bytes);
    const pass =
      m.result === 'tooManyRows' && m.ms < 2000 && m.growthMb < 100 && m.maxDelayMs < 100;
    console.log(
      `import ${c.file} (${c.rows.toLocaleString('en')} rows, ${(bytes.length / 1024).toFixed(0)} KB, ${unzippedMb} MB unzipped): ` +
        `${m.result} in ${m.ms} ms, memory +${m.growthMb} MB, longest event-loop delay ${m.maxDelayMs} ms ` +
        `— ${pass ? 'PASS' : 'FAIL'} (budget: refused < 2 s, < 100 MB, < 100 ms)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
