/**
 * `npm test`: the whole suite on embedded PGlite; again on PostgreSQL when TEST_DATABASE_URL is
 * set; then the browser journeys when Chromium is found (CHROMIUM_PATH or /usr/bin/chromium),
 * otherwise one line saying they were skipped. Ends with one summary line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const cache = join(root, '.cache');
mkdirSync(cache, { recursive: true });
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

type Counts = { passed: number; failed: number; skipped: number };
/** The few fields read from vitest's and Playwright's JSON reports. */
type Report = {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
};
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = 0;

function run(
  label: string,
  cmd: string,
  args: string[],
  env: Record<string, string>,
  report: string,
  read: (json: Report) => Counts,
) {
  process.stdout.write(`\n=== ${label} ===\n`);
  rmSync(report, { force: true });
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failedSteps++;
  if (existsSync(report)) {
    const c = read(JSON.parse(readFileSync(report, 'utf8')));
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  } else if (r.status !== 0) {
    total.failed += 1;
  }
}

const vitestCounts = (j: Report): Counts => ({
  passed: j.numPassedTests ?? 0,
  failed: j.numFailedTests ?? 0,
  skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
});

function vitest(label: string, driver: 'pglite' | 'postgres') {
  const report = join(cache, `vitest-${driver}.json`);
  run(
    label,
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
    { CONVOCA_TEST_DRIVER: driver },
    report,
    vitestCounts,
  );
}

vitest('Unit and route tests on embedded PGlite', 'pglite');

if (process.env.TEST_DATABASE_URL)
  vitest('Unit and route tests on PostgreSQL (TEST_DATABASE_URL)', 'postgres');
else process.stdout.write('\nPostgreSQL suite skipped: TEST_DATABASE_URL is not set.\n');

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(chromium)) {
  const report = join(cache, 'playwright.json');
  run(
    'Browser journeys (Playwright, Chromium)',
    bin('playwright'),
    ['test'],
    { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    report,
    (j) => ({
      passed: j.stats?.expected ?? 0,
      failed: (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0),
      skipped: j.stats?.skipped ?? 0,
    }),
  );
} else {
  process.stdout.write(
    `\nBrowser journeys skipped: Chromium not found at ${chromium} (install Debian's chromium or set CHROMIUM_PATH).\n`,
  );
}

process.stdout.write(
  `\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`,
);
process.exit(failedSteps > 0 || total.failed > 0 ? 1 : 0);
