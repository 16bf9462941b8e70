/**
 * The budget for the programme's exports: for a 900-session programme, each export's
 * median ≤ 300 ms, and a session page's p99 ≤ 100 ms while 5 clients fetch the full `.ics` in a
 * loop (without conditional headers: the worst case, every one a full 200). Measured on the
 * synthetic 900-session programme that `programme-large.ts` builds (every name says "Bench …")
 * and on the demo. For each export: the first request after start (which builds it), the median
 * and p95 of the following full requests, and the median of a `304` revalidation.
 *
 * @example
 * npx tsx bench/programme-exports.ts          # port 3420
 * npx tsx bench/programme-exports.ts 3505
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lib/server';
import { buildLargeProgramme } from './programme-large';

const LARGE_SLUG = 'bench-large-programme';
const DEMO_SLUG = 'igf-guatemala-2018';
const EXPORT_TIMED = 20;
const LOOPING_CLIENTS = 5;
const PAGE_TIMED = 200;
const EXPORT_BUDGET_MS = 300;
const PAGE_P99_BUDGET_MS = 100;

type Answer = { status: number; bytes: number; etag?: string; ms: number };

/** One GET asking for gzip like a browser does; the body is read and dropped. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'Accept-Encoding': 'gzip', ...headers } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          etag: res.headers.etag,
          ms: performance.now() - started,
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const round = (x: number) => Math.round(x * 10) / 10;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

export type ExportFigures = {
  path: string;
  firstMs: number;
  wireBytes: number;
  medianMs: number;
  p95Ms: number;
  notModifiedMedianMs: number;
};

async function measureExport(origin: string, path: string): Promise<ExportFigures> {
  const first = await get(origin + path);
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
  const full: number[] = [];
  const revalidated: number[] = [];
  for (let i = 0; i < EXPORT_TIMED; i++) full.push((await get(origin + path)).ms);
  for (let i = 0; i < EXPORT_TIMED; i++) {
    const r = await get(origin + path, { 'If-None-Match': first.etag ?? '' });
    if (r.status !== 304) throw new Error(`${path} revalidated with ${r.status}`);
    revalidated.push(r.ms);
  }
  return {
    path,
    firstMs: round(first.ms),
    wireBytes: first.bytes,
    medianMs: round(quantile(full, 0.5)),
    p95Ms: round(quantile(full, 0.95)),
    notModifiedMedianMs: round(quantile(revalidated, 0.5)),
  };
}

export type PageUnderLoad = {
  path: string;
  idle: { medianMs: number; p99Ms: number };
  loaded: { medianMs: number; p99Ms: number; icsFetched: number };
};

/** A session page's times alone, then while `LOOPING_CLIENTS` fetch the full `.ics` in a loop. */
async function measurePageUnderLoad(origin: string, slug: string): Promise<PageUnderLoad> {
  const json = await (await fetch(`${origin}/e/${slug}/schedule.json`)).text();
  const url = /"url":"[^"]*(\/e\/[^"]+\/sessions\/[0-9a-f-]{36})"/.exec(json)?.[1];
  if (!url) throw new Error('no session page found in schedule.json');
  const times = async () => {
    const ms: number[] = [];
    for (let i = 0; i < PAGE_TIMED; i++) {
      const r = await get(origin + url);
      if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
      ms.push(r.ms);
    }
    return { medianMs: round(quantile(ms, 0.5)), p99Ms: round(quantile(ms, 0.99)) };
  };
  for (let i = 0; i < 10; i++) await get(origin + url);
  const idle = await times();
  let running = true;
  let icsFetched = 0;
  const loop = async () => {
    while (running) {
      await get(`${origin}/e/${slug}/programme.ics`);
      icsFetched++;
    }
  };
  const clients = Array.from({ length: LOOPING_CLIENTS }, loop);
  await new Promise((r) => setTimeout(r, 500));
  const loaded = await times();
  running = false;
  await Promise.all(clients);
  return { path: url, idle, loaded: { ...loaded, icsFetched } };
}

export type ExportsResult = {
  label: string;
  exports: ExportFigures[];
  page: PageUnderLoad;
  /** The machine's 1-minute load average at the end: above its core count, times are inflated. */
  load: number;
};

async function measure(origin: string, label: string, slug: string): Promise<ExportsResult> {
  const exports = [];
  for (const path of [
    `/e/${slug}/programme.ics`,
    `/e/${slug}/programme.ics?lang=en`,
    `/e/${slug}/schedule.json`,
    `/e/${slug}/schedule.xml`,
  ])
    exports.push(await measureExport(origin, path));
  const page = await measurePageUnderLoad(origin, slug);
  return { label, exports, page, load: round(loadavg()[0]!) };
}

/** Builds the synthetic programme, serves it, measures; then the same on the demo. */
export async function benchProgrammeExports(port = 3420): Promise<ExportsResult[]> {
  const results: ExportsResult[] = [];
  const origin = `http://127.0.0.1:${port}`;
  const large = mkdtempSync(join(tmpdir(), 'convoca-bench-exports-'));
  try {
    const built = await buildLargeProgramme(large);
    const server = await startServer({ dataDir: large, port, demo: false });
    try {
      results.push(await measure(origin, `synthetic, ${built.sessions} sessions`, LARGE_SLUG));
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(large, { recursive: true, force: true });
  }
  const demo = mkdtempSync(join(tmpdir(), 'convoca-bench-exports-demo-'));
  try {
    const server = await startServer({ dataDir: demo, port, demo: true });
    try {
      results.push(await measure(origin, 'demo (IGF Guatemala 2018)', DEMO_SLUG));
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(demo, { recursive: true, force: true });
  }
  return results;
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

export function printProgrammeExports(results: ExportsResult[]): void {
  for (const r of results) {
    console.log(`programme exports: ${r.label} (load average ${r.load} at the end)`);
    for (const e of r.exports) {
      console.log(
        `  GET ${e.path.padEnd(44)} ${kb(e.wireBytes).padStart(9)} gzip; first (builds) ${e.firstMs} ms; then median ${e.medianMs} ms, p95 ${e.p95Ms} ms (n=${EXPORT_TIMED}); 304 median ${e.notModifiedMedianMs} ms  median≤${EXPORT_BUDGET_MS}ms ${e.medianMs <= EXPORT_BUDGET_MS ? 'PASS' : 'FAIL'}`,
      );
    }
    const p = r.page;
    console.log(
      `  session page alone:                median ${p.idle.medianMs} ms, p99 ${p.idle.p99Ms} ms (n=${PAGE_TIMED})`,
    );
    console.log(
      `  session page, ${LOOPING_CLIENTS} clients looping .ics: median ${p.loaded.medianMs} ms, p99 ${p.loaded.p99Ms} ms (n=${PAGE_TIMED}; ${p.loaded.icsFetched} full .ics served meanwhile)  p99≤${PAGE_P99_BUDGET_MS}ms ${p.loaded.p99Ms <= PAGE_P99_BUDGET_MS ? 'PASS' : 'FAIL'}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printProgrammeExports(await benchProgrammeExports(Number(process.argv[2] ?? 3420)));
}
