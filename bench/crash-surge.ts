/**
 * Crash during a surge: the registration surge (smaller than registration-surge.ts so that it
 * finishes in a few minutes on a busy machine) against one app process delivering its mail to an
 * in-process SMTP sink; when half of the attempts are answered, the app's whole process group is
 * killed with SIGKILL, then started again on the same database. Clients whose request failed
 * (connection refused or reset) wait and try the same person again, as a person would; a POST
 * whose answer was lost in the crash then meets "already registered", which is correct. When the
 * surge is over, the bench waits for the outbox to drain (the outbox job delivers what the killed
 * process stored but never sent, after its grace period) and checks:
 * - every registration a client got an acknowledgement (303) for is present exactly once;
 * - no seat and no bus oversold;
 * - every registration's e-mail delivered exactly once (the sink counts per Message-ID and per
 *   recipient; duplicates and losses are reported with their count).
 * On the embedded database (PGlite) and on PostgreSQL (a fresh database, dropped afterwards).
 *
 * @example
 * npx tsx bench/crash-surge.ts             # both; `pglite` or `postgres` for one
 * CRASH_PORT=3500 CRASH_PG_DATABASE=bench_crash npx tsx bench/crash-surge.ts postgres
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { outbox } from '../src/core/mail/schema';
import { openDatabase, type Database } from '../src/db/client';
import {
  holdingOrWaiting,
  registrations,
  transportRoutes,
} from '../src/features/registration/schema';
import { sha256 } from '../src/lib/crypto';
import {
  attempt,
  buildSurgeEvent,
  describeFailure,
  Failed,
  quantile,
  startApp,
  type AppProcess,
  type Outcome,
} from './lib/surge';

const SEATS = 100;
const BUSES = 2;
const BUS_SEATS = 25;
const CLIENTS = 40;
const ATTEMPTS = 400;
/** Every REPEAT_EVERY-th attempt reuses the previous attempt's e-mail. */
const REPEAT_EVERY = 10;
/** The app is killed when this share of the attempts has been answered. */
const KILL_AT = 0.5;
const SLUG = 'bench-crash-surge';
/** Longest a client keeps trying one person while the app is down. */
const RETRY_FOR_MS = 180_000;
/** Longest the bench waits for the outbox to drain after the surge. */
const DRAIN_MS = 300_000;
const PORT = Number(process.env.CRASH_PORT ?? 3430);
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://convoca_ci:convoca_ci@127.0.0.1:5432/convoca_ci';
const PG_DATABASE = process.env.CRASH_PG_DATABASE ?? 'convoca_bench_crash';

const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function emailOf(i: number): string {
  if (i % REPEAT_EVERY === REPEAT_EVERY - 1) return emailOf(i - 1).toUpperCase();
  return `bench.crash.${i}@example.org`;
}

/** An SMTP server in this process counting what it receives per Message-ID and per recipient. */
async function startSink() {
  const byMessageId = new Map<string, number>();
  const byRecipient = new Map<string, number>();
  let total = 0;
  let last = performance.now();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // Messages carry a QR code and an .ics: no size limit of interest here.
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const head = Buffer.concat(chunks).toString('utf8', 0, 8192);
        const id = /^Message-ID:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? '(none)';
        byMessageId.set(id, (byMessageId.get(id) ?? 0) + 1);
        for (const r of session.envelope.rcptTo) {
          const to = r.address.toLowerCase();
          byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
        }
        total++;
        last = performance.now();
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    byMessageId,
    byRecipient,
    total: () => total,
    idleMs: () => performance.now() - last,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Sink = Awaited<ReturnType<typeof startSink>>;

type Check = { name: string; pass: boolean; detail: string };

/** The surge with one kill and restart in the middle. */
async function surgeWithCrash(o: { path: string; start: () => Promise<AppProcess> }): Promise<{
  outcomes: Outcome[];
  seconds: number;
  retried: number;
  killAfterS: number;
  downS: number;
  app: AppProcess;
  stderr: string;
}> {
  const outcomes: Outcome[] = [];
  let app = await o.start();
  let stderr = '';
  let retried = 0;
  let killAfterS = 0;
  let downS = 0;
  let crash: Promise<void> | undefined;
  const started = performance.now();
  const origin = `http://127.0.0.1:${PORT}`;
  const maybeCrash = () => {
    if (crash || outcomes.length < ATTEMPTS * KILL_AT) return;
    crash = (async () => {
      killAfterS = (performance.now() - started) / 1000;
      await app.kill();
      stderr += app.stderr();
      const down = performance.now();
      await sleep(1000);
      app = await o.start();
      downS = (performance.now() - down) / 1000;
    })();
  };
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const ip = `10.78.${Math.floor(c / 250)}.${(c % 250) + 1}`;
      for (let i = c; i < ATTEMPTS; i += CLIENTS) {
        const first = performance.now();
        for (;;) {
          try {
            outcomes.push(await attempt(origin, o.path, ip, i, emailOf(i)));
            break;
          } catch (error) {
            // The app is down (killed, not yet restarted): try this person again shortly.
            if (!(error instanceof Failed) || performance.now() - first > RETRY_FOR_MS) {
              outcomes.push({
                kind: 'error',
                email: emailOf(i),
                what: describeFailure(error),
                ms: 0,
                getMs: 0,
              });
              break;
            }
            retried++;
            await sleep(250);
          }
        }
        maybeCrash();
      }
    }),
  );
  await crash;
  return {
    outcomes,
    seconds: (performance.now() - started) / 1000,
    retried,
    killAfterS,
    downS,
    app,
    stderr,
  };
}

/** What the database and the SMTP sink say, against what the clients were told. */
async function verify(
  db: Database['db'],
  eventId: string,
  outcomes: Outcome[],
  sink: Sink,
): Promise<Check[]> {
  const rows = await db
    .select({
      email: registrations.email,
      status: registrations.status,
      tokenHash: registrations.tokenHash,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  const perEmail = new Map<string, number>();
  for (const r of rows)
    perEmail.set(r.email.toLowerCase(), (perEmail.get(r.email.toLowerCase()) ?? 0) + 1);
  const byHash = new Map(rows.map((r) => [r.tokenHash, r]));
  const acks = outcomes.filter((x) => x.kind === 'ack');
  const lost = acks.filter((a) => byHash.get(sha256(a.token))?.email !== a.email.toLowerCase());
  const twice = acks.filter((a) => (perEmail.get(a.email.toLowerCase()) ?? 0) > 1);
  const confirmed = rows.filter((r) => r.status === 'confirmed').length;
  const riders = await db
    .select({
      name: transportRoutes.name,
      seats: transportRoutes.seats,
      n: sql<number>`count(${registrations.id})::int`,
    })
    .from(transportRoutes)
    .leftJoin(
      registrations,
      and(
        eq(registrations.transportRouteId, transportRoutes.id),
        inArray(registrations.status, holdingOrWaiting),
      ),
    )
    .where(eq(transportRoutes.eventId, eventId))
    .groupBy(transportRoutes.id, transportRoutes.name, transportRoutes.seats)
    .orderBy(transportRoutes.name);

  const queued = await db
    .select({ to: outbox.to, n: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.to);
  const queuedTo = new Map(queued.map((q) => [q.to.toLowerCase(), q.n]));
  const [pending] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(ne(outbox.status, 'sent'));
  const emails = rows.map((r) => r.email.toLowerCase());
  const neverQueued = emails.filter((e) => !queuedTo.has(e));
  const notDelivered = emails.filter((e) => !sink.byRecipient.has(e));
  const deliveredTwice = emails.filter((e) => (sink.byRecipient.get(e) ?? 0) > 1);
  const duplicateIds = [...sink.byMessageId].filter(([, n]) => n > 1);
  const extraCopies = duplicateIds.reduce((s, [, n]) => s + n - 1, 0);
  const sample = (xs: string[]) => (xs.length ? ` e.g. ${xs.slice(0, 3).join(', ')}` : '');

  return [
    {
      name: 'every acknowledged registration present',
      pass: lost.length === 0,
      detail: `${acks.length} acknowledged, ${lost.length} without their row${sample(lost.map((a) => a.email))}`,
    },
    {
      name: 'each present exactly once',
      pass: twice.length === 0 && [...perEmail.values()].every((n) => n === 1),
      detail: `${rows.length} rows for ${perEmail.size} distinct e-mails`,
    },
    {
      name: `no seat oversold (≤ ${SEATS} confirmed)`,
      pass: confirmed <= SEATS && (rows.length <= SEATS || confirmed === SEATS),
      detail: `${confirmed} confirmed, ${rows.length - confirmed} waiting or other`,
    },
    {
      name: `no bus oversold (≤ ${BUS_SEATS} each)`,
      pass: riders.every((r) => r.n <= r.seats),
      detail: riders.map((r) => `${r.name} ${r.n}/${r.seats}`).join(', '),
    },
    {
      name: 'every registration’s e-mail stored in the outbox',
      pass: neverQueued.length === 0,
      detail: `${neverQueued.length} registrations with no message in the outbox${sample(neverQueued)}`,
    },
    {
      name: 'outbox drained',
      pass: (pending?.n ?? 0) === 0,
      detail: `${pending?.n ?? 0} messages not sent`,
    },
    {
      name: 'every registration’s e-mail delivered',
      pass: notDelivered.length === 0,
      detail: `${notDelivered.length} registrations without a delivered message${sample(notDelivered)}`,
    },
    {
      name: 'delivered exactly once',
      pass: deliveredTwice.length === 0 && duplicateIds.length === 0,
      detail: `${sink.total()} messages received, ${sink.byMessageId.size} distinct Message-IDs; ${duplicateIds.length} Message-IDs received more than once (${extraCopies} extra copies), ${deliveredTwice.length} recipients with more than one message${sample(deliveredTwice)}`,
    },
  ];
}

export type CrashResult = {
  label: string;
  seconds: number;
  killAfterS: number;
  downS: number;
  drainS: number;
  retried: number;
  acks: number;
  refused: number;
  errors: string[];
  postP50: number;
  postP99: number;
  load: [number, number];
  checks: Check[];
  serverErrors: string[];
};

async function measure(
  label: string,
  open: () => Promise<Database>,
  where: { dataDir?: string; databaseUrl?: string },
): Promise<CrashResult> {
  const sink = await startSink();
  let database = await open();
  let eventId: string;
  try {
    eventId = await buildSurgeEvent(database, {
      slug: SLUG,
      seats: SEATS,
      buses: BUSES,
      busSeats: BUS_SEATS,
    });
  } finally {
    if (database.driver === 'pglite') await database.close();
  }
  const loadBefore = loadavg()[0]!;
  const run = await surgeWithCrash({
    path: `/e/${SLUG}/events/${eventId}/register`,
    start: () => startApp({ port: PORT, ...where, smtpUrl: sink.url }),
  });
  // Let the outbox drain: on PostgreSQL until nothing is left to send; on PGlite (one process
  // at a time) until the sink has been idle for a while after the job's grace period and a tick.
  const draining = performance.now();
  const sinceKill = () => run.seconds - run.killAfterS + (performance.now() - draining) / 1000;
  for (;;) {
    if (performance.now() - draining > DRAIN_MS) break;
    if (database.driver === 'postgres') {
      const [p] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(outbox)
        .where(ne(outbox.status, 'sent'));
      if ((p?.n ?? 0) === 0 && sink.idleMs() > 2000) break;
    } else if (sinceKill() > 200 && sink.idleMs() > 15_000) break;
    await sleep(1000);
  }
  const drainS = (performance.now() - draining) / 1000;
  await run.app.stop();
  const stderr = run.stderr + run.app.stderr();
  try {
    if (database.driver === 'pglite') database = await open();
    const checks = await verify(database.db, eventId, run.outcomes, sink);
    const posts = run.outcomes.filter((x) => x.ms > 0).map((x) => x.ms);
    const errorKinds = new Map<string, number>();
    for (const e of run.outcomes)
      if (e.kind === 'error') errorKinds.set(e.what, (errorKinds.get(e.what) ?? 0) + 1);
    return {
      label,
      seconds: round(run.seconds),
      killAfterS: round(run.killAfterS),
      downS: round(run.downS),
      drainS: round(drainS),
      retried: run.retried,
      acks: run.outcomes.filter((x) => x.kind === 'ack').length,
      refused: run.outcomes.filter((x) => x.kind === 'refused').length,
      errors: [...errorKinds].map(([k, n]) => `${n}× ${k}`),
      postP50: round(quantile(posts, 0.5)),
      postP99: round(quantile(posts, 0.99)),
      load: [round(loadBefore), round(loadavg()[0]!)],
      checks,
      serverErrors: stderr
        .split('\n')
        .filter((l) => l.trim() && !/rate_limit|csrf\.rejected/.test(l))
        .map((l) => l.slice(0, 300)),
    };
  } finally {
    await database.close().catch(() => undefined);
    await sink.close();
  }
}

/** Embedded default: a fresh PGlite folder, one app process killed and restarted. */
export async function crashEmbedded(): Promise<CrashResult> {
  const dir = mkdtempSync(join(tmpdir(), 'convoca-bench-crash-'));
  try {
    return await measure(
      'embedded PGlite, 1 app process',
      () => openDatabase({ dataDir: join(dir, 'pglite') }),
      { dataDir: dir },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PostgreSQL: a fresh database, one app process killed and restarted. */
export async function crashPostgres(): Promise<CrashResult> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${PG_DATABASE}`;
  try {
    await admin.query(`drop database if exists ${PG_DATABASE} with (force)`);
    await admin.query(`create database ${PG_DATABASE}`);
    return await measure('PostgreSQL, 1 app process', () => openDatabase({ url: url.href }), {
      databaseUrl: url.href,
    });
  } finally {
    await admin.query(`drop database if exists ${PG_DATABASE} with (force)`).catch(() => {});
    await admin.end();
  }
}

export function printCrash(r: CrashResult): void {
  console.log(
    `crash during a surge, ${r.label}: ${ATTEMPTS} attempts (GET form + POST) from ${CLIENTS} clients for ${SEATS} seats and ${BUSES} buses of ${BUS_SEATS}, SMTP to an in-process sink`,
  );
  console.log(
    `  SIGKILL to the app's process group after ${r.killAfterS} s (${KILL_AT * 100}% answered); restarted and answering ${r.downS} s later; surge over after ${r.seconds} s; outbox drained ${r.drainS} s after that`,
  );
  console.log(
    `  answers: ${r.acks} acknowledged (303), ${r.refused} refused as already registered (422), ${r.errors.length ? r.errors.join('; ') : 'no errors'}; ${r.retried} requests tried again while the app was down`,
  );
  console.log(
    `  POST latency p50 ${r.postP50} ms, p99 ${r.postP99} ms; load average (1 min, ${cpus().length} cores) ${r.load[0]} before, ${r.load[1]} after`,
  );
  for (const c of r.checks)
    console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name.padEnd(50)} ${c.detail}`);
  if (r.serverErrors.length) {
    console.log(`  server warnings/errors logged: ${r.serverErrors.length}, first ones:`);
    for (const line of r.serverErrors.slice(0, 5)) console.log(`    ${line}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv[2];
  if (only !== 'postgres') printCrash(await crashEmbedded());
  if (!only) console.log('');
  if (only !== 'pglite') printCrash(await crashPostgres());
}
