/**
 * `npm run bench`: start-up time to the first 200 on `/` (first start with the demo, and warm
 * restart), resident memory, requests per second at 32 connections for `/` and `/healthz`, the
 * time to import 5,000 people, and the large-programme budget (900 sessions: one day's page
 * ≤ 150 KB gzip, < 200 ms; see programme-large.ts), the programme's exports (each median ≤ 300 ms,
 * a session page's p99 ≤ 100 ms while 5 clients loop on the full .ics; see programme-exports.ts),
 * and the registration surge (2,000 attempts
 * from 200 clients for 200 seats, on PGlite then on PostgreSQL with two app processes; see
 * registration-surge.ts), and the check-in desk (three desks, 1,000 people, one offline for half
 * the time, then the click-to-done time in Chromium; see checkin-sync.ts). Prints what it
 * measured; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchImport } from './import';
import { startServer } from './lib/server';
import { benchLargeProgramme, printLargeProgramme } from './programme-large';
import { benchProgrammeExports, printProgrammeExports } from './programme-exports';
import { benchProgrammePage } from './programme-page';
import { printSurge, surgeEmbedded, surgePostgres } from './registration-surge';
import { crashEmbedded, crashPostgres, printCrash } from './crash-surge';
import { benchCheckinSync, benchCheckinSyncPostgres, printCheckinSync } from './checkin-sync';

const PORT = 3400;
const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (label: string, xs: number[], unit: string) =>
  console.log(
    `${label.padEnd(46)} median ${median(xs)} ${unit} (min ${Math.min(...xs)}, max ${Math.max(...xs)}, n=${xs.length})`,
  );

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'convoca-bench-'));
  dirs.push(d);
  return d;
};

try {
  console.log('Convoca benchmarks (embedded PGlite, this machine)\n');
  const first: number[] = [];
  const warm: number[] = [];
  let rssAfterStart = 0;
  let lastDir = '';
  for (let i = 0; i < RUNS; i++) {
    lastDir = freshDir();
    const s = await startServer({ dataDir: lastDir, port: PORT });
    first.push(s.msToFirst200);
    await s.stop();
    const w = await startServer({ dataDir: lastDir, port: PORT });
    warm.push(w.msToFirst200);
    rssAfterStart = w.rssMb();
    await w.stop();
  }
  line('start to first 200 on /, first start + demo', first, 'ms');
  line('start to first 200 on /, warm restart', warm, 'ms');

  const s = await startServer({ dataDir: lastDir, port: PORT });
  const rss = s.rssMb();
  console.log(
    `${'resident memory after start (tsx + node)'.padEnd(46)} ${rss} MB (previous warm start: ${rssAfterStart} MB)`,
  );
  for (const path of ['/', '/healthz']) {
    const r = await autocannon({
      url: `http://127.0.0.1:${PORT}${path}`,
      connections: 32,
      duration: 8,
    });
    console.log(
      `${`GET ${path} at 32 connections, 8 s`.padEnd(46)} ${Math.round(r.requests.average)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
    );
  }
  console.log(`${'resident memory after the load'.padEnd(46)} ${s.rssMb()} MB`);
  const programme = await benchProgrammePage(`http://127.0.0.1:${PORT}`);
  console.log(
    `${'demo programme page (HTML + CSS)'.padEnd(46)} ${programme.compressedBytes} bytes gzip (${programme.htmlBytes} + ${programme.cssBytes} raw), ${programme.scripts} scripts, server+client time median ${programme.medianMs} ms, p95 ${programme.p95Ms} ms`,
  );
  await s.stop();

  const imported = await benchImport(5000);
  console.log(
    `${'import 5,000 people (review + write, in process)'.padEnd(46)} review ${imported.reviewMs} ms, write ${imported.writeMs} ms`,
  );

  console.log('');
  printLargeProgramme(await benchLargeProgramme(PORT + 10));
  console.log('');
  printProgrammeExports(await benchProgrammeExports(PORT + 15));

  console.log('');
  printSurge(await surgeEmbedded(PORT + 20));
  console.log('');
  try {
    printSurge(await surgePostgres(PORT + 21));
  } catch (error) {
    // No PostgreSQL reachable (BENCH_DATABASE_URL): the embedded run above still stands.
    console.log(`registration surge on PostgreSQL not run: ${String(error)}`);
  }
  console.log('');
  printCrash(await crashEmbedded());
  console.log('');
  try {
    printCrash(await crashPostgres());
  } catch (error) {
    console.log(`crash during a surge on PostgreSQL not run: ${String(error)}`);
  }
  console.log('');
  printCheckinSync(await benchCheckinSync(PORT + 40));
  console.log('');
  try {
    printCheckinSync(await benchCheckinSyncPostgres(PORT + 45));
  } catch (error) {
    console.log(`check-in sync on PostgreSQL not run: ${String(error)}`);
  }
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
