/**
 * Database gone for a while: starts a throwaway PostgreSQL cluster (Debian's initdb/pg_ctl, port
 * 5440, in a temporary folder), starts Convoca on it (port 3405, no demo), and sends light load
 * (`/`, `/sign-in`, `/healthz`, one round every 200 ms). After 3 s it stops PostgreSQL for 20 s,
 * then starts it again. It prints what the pages and `/healthz` answered before, during and
 * after, whether the outage page is the clear one, whether the app process stayed up, and how
 * long it took to serve pages again once PostgreSQL was back. Nothing is restarted by hand.
 *
 * Run alone: `npx tsx bench/database-outage.ts` (needs the postgresql package, not a server).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const PG_PORT = Number(process.env.OUTAGE_PG_PORT ?? 5440);
const APP_PORT = Number(process.env.OUTAGE_APP_PORT ?? 3405);
const OUTAGE_MS = 20_000;
const pgBin = join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().at(-1)!, 'bin');

mkdirSync('/tmp/hard-pg', { recursive: true });
mkdirSync('/tmp/hard-data', { recursive: true });
const dir = mkdtempSync('/tmp/hard-pg/outage-');
const data = join(dir, 'data');
// PostgreSQL refuses to run as root: then its tools run as the `postgres` system user.
const asRoot = process.getuid?.() === 0;
if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
const pgTool = (tool: string, args: string[]) =>
  asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', join(pgBin, tool), ...args], {
        stdio: 'ignore',
      })
    : execFileSync(join(pgBin, tool), args, { stdio: 'ignore' });
const pgCtl = (...args: string[]) =>
  pgTool('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', ...args]);

type Sample = { at: number; path: string; status: number | 'no answer'; outagePage?: boolean };
const samples: Sample[] = [];
let phase: 'before' | 'during' | 'after' = 'before';
const phases: Record<string, Sample[]> = { before: [], during: [], after: [] };

async function probe(path: string) {
  const at = performance.now();
  let sample: Sample;
  try {
    const res = await fetch(`http://127.0.0.1:${APP_PORT}${path}`, {
      signal: AbortSignal.timeout(5000),
    });
    const text = await res.text();
    sample = {
      at,
      path,
      status: res.status,
      outagePage: res.status === 503 && /Servicio no disponible|no podemos llegar/i.test(text),
    };
  } catch {
    sample = { at, path, status: 'no answer' };
  }
  samples.push(sample);
  phases[phase]!.push(sample);
}

const summary = (list: Sample[]) => {
  const counts = new Map<string, number>();
  for (const s of list)
    counts.set(`${s.path} ${s.status}`, (counts.get(`${s.path} ${s.status}`) ?? 0) + 1);
  return [...counts].map(([k, v]) => `${k} ×${v}`).join(', ');
};

let app: ReturnType<typeof spawn> | undefined;
try {
  pgTool('initdb', ['-D', data, '-U', 'convoca', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  pgCtl('-o', `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start');
  app = spawn('node_modules/.bin/tsx', ['src/server.ts'], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      DATABASE_URL: `postgres://convoca@127.0.0.1:${PG_PORT}/postgres`,
      CONVOCA_DATA_DIR: mkdtempSync('/tmp/hard-data/outage-'),
      PORT: String(APP_PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      CONVOCA_DEMO: '0',
      CONVOCA_ADMIN_PASSWORD: 'bench-admin-password',
    },
  });
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('Convoca did not start within 120 s');
    try {
      if ((await fetch(`http://127.0.0.1:${APP_PORT}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let running = true;
  const load = (async () => {
    while (running) {
      await Promise.all(['/', '/sign-in', '/healthz'].map(probe));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  await new Promise((r) => setTimeout(r, 3000));
  phase = 'during';
  pgCtl('-m', 'fast', 'stop');
  const stoppedAt = performance.now();
  await new Promise((r) => setTimeout(r, OUTAGE_MS));
  pgCtl('-o', `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start');
  const restartedAt = performance.now();
  phase = 'after';
  await new Promise((r) => setTimeout(r, 8000));
  running = false;
  await load;
  const firstOk = phases.after!.find((s) => s.path === '/' && s.status === 200);
  const during = phases.during!;
  const pages = during.filter((s) => s.path !== '/healthz');
  console.log(
    `database outage: PostgreSQL stopped for ${Math.round((restartedAt - stoppedAt) / 1000)} s under light load`,
  );
  console.log(`  before: ${summary(phases.before!)}`);
  console.log(`  during: ${summary(during)}`);
  console.log(`  after:  ${summary(phases.after!)}`);
  console.log(
    `  pages during the outage answered with the clear 503 page: ${pages.filter((s) => s.outagePage).length} of ${pages.length}; ` +
      `no answer at all: ${during.filter((s) => s.status === 'no answer').length}`,
  );
  console.log(
    `  /healthz during the outage: ${during.filter((s) => s.path === '/healthz' && s.status === 503).length} × 503 of ${during.filter((s) => s.path === '/healthz').length}`,
  );
  console.log(
    `  app process still running: ${app.exitCode === null ? 'yes' : `no (exit ${app.exitCode})`}; ` +
      `first 200 on / after PostgreSQL was back: ${firstOk ? `${Math.round(firstOk.at - restartedAt)} ms` : 'never (FAIL)'}`,
  );
} finally {
  if (app?.pid && app.exitCode === null) {
    try {
      process.kill(-app.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  try {
    pgCtl('-m', 'immediate', 'stop');
  } catch {
    // not running
  }
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dir, { recursive: true, force: true });
}
