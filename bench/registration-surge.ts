/**
 * The issue's budget for a registration surge — 2,000 attempts from 200 concurrent clients for
 * 200 seats and three 50-seat buses: exactly 200 confirmed, the rest on the waiting list, no bus
 * over 50, no duplicate, no lost acknowledgement. Run on the embedded default (PGlite, one app process), then on PostgreSQL with
 * two app processes sharing one fresh database.
 *
 * Each run builds its own database through the project's functions (an initiative, an edition,
 * one event, registration open with 200 seats and no approval; every name says "Bench …"), starts
 * the real server(s) the way `npm start` does (TRUST_PROXY=1 so each simulated client has its own
 * X-Forwarded-For address and the per-address rate limit of the form applies as in production;
 * no SMTP, so mails stay in the outbox table), then lets 200 clients each make 10 attempts: GET the
 * public form (CSRF cookie + token), then POST it. One attempt in ten repeats the e-mail of the
 * attempt just before it (in capitals), usually in flight at the same moment on another
 * client. A 303 to /r/{token} is an acknowledgement; a 422 saying "already registered" is the
 * correct refusal of a repeat; anything else (5xx, 429, CSRF, connection errors, no answer within
 * 60 s) is an error. Three attempts in four ask for a bus the form still offers; when it fills up
 * meanwhile ("bus full" beside the field), the client sends the form again without a bus.
 *
 * Afterwards it checks the database and prints throughput, POST latency and PASS/FAIL per check.
 *
 * @example
 * npx tsx bench/registration-surge.ts            # both runs; `pglite` or `postgres` for one
 * BENCH_DATABASE_URL=postgres://user:pass@host:5432/postgres npx tsx bench/registration-surge.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import { outbox } from '../src/core/mail/schema';
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
  quantile,
  REQUEST_TIMEOUT_MS,
  startApp,
  type AppProcess,
  type Outcome,
} from './lib/surge';

const SEATS = 200;
/** Three buses of 50 seats, as the issue's budget asks. */
const BUSES = 3;
const BUS_SEATS = 50;
const CLIENTS = 200;
const ATTEMPTS = 2000;
/** Every REPEAT_EVERY-th attempt reuses the previous attempt's e-mail. */
const REPEAT_EVERY = 10;
const SLUG = 'bench-registration-surge';
/** Where the PostgreSQL run creates (and afterwards drops) its database. */
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://convoca_ci:convoca_ci@127.0.0.1:5432/convoca_ci';
const PG_DATABASE = 'convoca_bench_surge';

/** Forms sent again without a bus because the chosen one filled up meanwhile. */
let busFullRetries = 0;

/** The e-mail of attempt `i`: distinct, except each tenth repeats the previous one (capitalised). */
function emailOf(i: number): string {
  if (i % REPEAT_EVERY === REPEAT_EVERY - 1) return emailOf(i - 1).toUpperCase();
  return `bench.surge.${i}@example.org`;
}

/** 200 clients, each with its own address, 10 attempts each (client c makes c, c+200, …). */
async function surge(origins: string[], path: string) {
  const outcomes: Outcome[] = [];
  busFullRetries = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const origin = origins[c % origins.length]!;
      const ip = `10.77.${Math.floor(c / 250)}.${(c % 250) + 1}`;
      for (let i = c; i < ATTEMPTS; i += CLIENTS) {
        try {
          outcomes.push(await attempt(origin, path, ip, i, emailOf(i), () => busFullRetries++));
        } catch (error) {
          outcomes.push({
            kind: 'error',
            email: emailOf(i),
            what: describeFailure(error),
            ms: 0,
            getMs: 0,
          });
        }
      }
    }),
  );
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}

type Check = { name: string; pass: boolean; detail: string };

/** What the database says after the surge, against what the clients were told. */
async function verify(db: Database['db'], eventId: string, outcomes: Outcome[]): Promise<Check[]> {
  const rows = await db
    .select({
      email: registrations.email,
      status: registrations.status,
      tokenHash: registrations.tokenHash,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  const distinct = new Set(Array.from({ length: ATTEMPTS }, (_, i) => emailOf(i).toLowerCase()));
  // E-mails whose every attempt failed (errors) never reached the event: they are not expected.
  const answered = new Set(
    outcomes.filter((o) => o.kind !== 'error').map((o) => o.email.toLowerCase()),
  );
  const expectedConfirmed = Math.min(SEATS, answered.size);
  const rowEmails = new Set(rows.map((r) => r.email.toLowerCase()));
  const byStatus = new Map<string, number>();
  for (const r of rows) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  const confirmed = byStatus.get('confirmed') ?? 0;
  const waiting = byStatus.get('waiting') ?? 0;
  const others = rows.length - confirmed - waiting;

  const dupes = await db
    .select({ email: sql<string>`lower(${registrations.email})`, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .groupBy(sql`lower(${registrations.email})`)
    .having(sql`count(*) > 1`);

  const acks = outcomes.filter((o) => o.kind === 'ack');
  const refused = outcomes.filter((o) => o.kind === 'refused');
  const errors = outcomes.filter((o) => o.kind === 'error');
  const byHash = new Map(rows.map((r) => [r.tokenHash, r]));
  const lostAcks = acks.filter((a) => byHash.get(sha256(a.token))?.email !== a.email.toLowerCase());
  const ackedHashes = new Set(acks.map((a) => sha256(a.token)));
  const unacked = rows.filter((r) => !ackedHashes.has(r.tokenHash));
  const ackedTwice = acks.length - ackedHashes.size;
  const wrongRefusals = refused.filter((r) => !rowEmails.has(r.email.toLowerCase()));

  const mails = await db
    .select({
      to: outbox.to,
      n: sql<number>`count(*)::int`,
      withTicket: sql<number>`count(*) filter (where jsonb_array_length(${outbox.attachments}) > 0)::int`,
    })
    .from(outbox)
    .groupBy(outbox.to);
  const mailsTo = new Map(mails.map((m) => [m.to.toLowerCase(), m]));
  const mailProblems = rows.filter((r) => {
    const m = mailsTo.get(r.email.toLowerCase());
    return !m || m.n !== 1 || (m.withTicket === 1) !== (r.status === 'confirmed');
  });
  const strayMails = mails.filter((m) => !rowEmails.has(m.to.toLowerCase()));
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
  const sample = (xs: string[]) => (xs.length ? ` e.g. ${xs.slice(0, 3).join(', ')}` : '');
  const errorKinds = new Map<string, number>();
  for (const e of errors)
    if (e.kind === 'error') errorKinds.set(e.what, (errorKinds.get(e.what) ?? 0) + 1);

  return [
    {
      name: 'no errors (5xx, 429, CSRF, timeouts)',
      pass: errors.length === 0,
      detail: `${errors.length} errors${errors.length ? `: ${[...errorKinds].map(([k, n]) => `${n}× ${k}`).join('; ')}` : ''}`,
    },
    {
      name: `exactly ${expectedConfirmed} confirmed`,
      pass: confirmed === expectedConfirmed,
      detail: `${confirmed} confirmed`,
    },
    {
      name: 'the rest waiting (one row per answered e-mail)',
      pass:
        waiting === rows.length - confirmed &&
        others === 0 &&
        [...answered].every((e) => rowEmails.has(e)) &&
        rows.length === answered.size,
      detail: `${waiting} waiting, ${others} in other statuses; ${rows.length} rows for ${answered.size} answered distinct e-mails (${distinct.size - answered.size} of ${distinct.size} never answered: errors)`,
    },
    {
      name: 'no duplicate lower(email) for the event',
      pass: dupes.length === 0,
      detail: `${dupes.length} duplicated e-mails${sample(dupes.map((d) => `${d.email}×${d.n}`))}`,
    },
    {
      name: `no bus over ${BUS_SEATS} (each filled)`,
      pass: riders.length === BUSES && riders.every((r) => r.n <= r.seats && r.n === BUS_SEATS),
      detail: `${riders.map((r) => `${r.name} ${r.n}/${r.seats}`).join(', ')}; ${busFullRetries} forms sent again without a bus after "bus full"`,
    },
    {
      name: 'no lost acknowledgement',
      pass: lostAcks.length === 0 && ackedTwice === 0,
      detail: `${acks.length} acknowledged, ${lostAcks.length} without their registration row, ${ackedTwice} acknowledged twice${sample(lostAcks.map((a) => a.email))}`,
    },
    {
      name: 'every registration was acknowledged',
      pass: unacked.length === 0,
      detail: `${unacked.length} rows no client was told about${sample(unacked.map((r) => r.email))}`,
    },
    {
      name: 'refusals only for repeated e-mails',
      pass: wrongRefusals.length === 0 && refused.length + acks.length + errors.length === ATTEMPTS,
      detail: `${refused.length} refused as already registered, ${wrongRefusals.length} of them without a registration`,
    },
    {
      name: 'one e-mail per registration in the outbox',
      pass: mailProblems.length === 0 && strayMails.length === 0,
      detail: `${mails.reduce((s, m) => s + m.n, 0)} messages; ${mailProblems.length} registrations without exactly one (ticket only when confirmed), ${strayMails.length} stray${sample(mailProblems.map((r) => r.email))}`,
    },
  ];
}

export type SurgeResult = {
  label: string;
  attempts: number;
  seconds: number;
  postP50: number;
  postP99: number;
  postMax: number;
  getP50: number;
  getP99: number;
  /** 1-minute load average of the machine before and after the surge. */
  load: [number, number];
  acks: number;
  refused: number;
  errors: number;
  checks: Check[];
  serverErrors: string[];
};

/**
 * Builds the event in `database`, starts the app process(es), runs the surge, stops them and
 * verifies in the database. `open` is called again to check when the database is PGlite (one
 * process at a time: it is closed while the server uses the folder).
 */
async function measure(
  label: string,
  open: () => Promise<Database>,
  apps: () => Promise<AppProcess[]>,
): Promise<SurgeResult> {
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
  const serverErrors: string[] = [];
  try {
    const servers = await apps();
    const { outcomes, seconds } = await surge(
      servers.map((s) => `http://127.0.0.1:${s.port}`),
      `/e/${SLUG}/events/${eventId}/register`,
    ).finally(async () => {
      for (const s of servers) {
        await s.stop();
        for (const line of s.stderr().split('\n'))
          if (line.trim() && !/rate_limit|csrf\.rejected/.test(line))
            serverErrors.push(`:${s.port} ${line.slice(0, 400)}`);
      }
    });
    const loadAfter = loadavg()[0]!;
    if (database.driver === 'pglite') database = await open();
    const checks = await verify(database.db, eventId, outcomes);
    const posts = outcomes.filter((o) => o.ms > 0).map((o) => o.ms);
    const gets = outcomes.filter((o) => o.getMs > 0).map((o) => o.getMs);
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      label,
      attempts: outcomes.length,
      seconds: round(seconds),
      postP50: round(quantile(posts, 0.5)),
      postP99: round(quantile(posts, 0.99)),
      postMax: round(Math.max(...posts)),
      getP50: round(quantile(gets, 0.5)),
      getP99: round(quantile(gets, 0.99)),
      load: [round(loadBefore), round(loadAfter)],
      acks: outcomes.filter((o) => o.kind === 'ack').length,
      refused: outcomes.filter((o) => o.kind === 'refused').length,
      errors: outcomes.filter((o) => o.kind === 'error').length,
      checks,
      serverErrors,
    };
  } finally {
    await database.close().catch(() => undefined);
  }
}

/** Embedded default: a fresh PGlite folder, one app process. */
export async function surgeEmbedded(port = 3420): Promise<SurgeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'convoca-bench-surge-'));
  try {
    return await measure(
      'embedded PGlite, 1 app process',
      () => openDatabase({ dataDir: join(dir, 'pglite') }),
      async () => [await startApp({ port, dataDir: dir })],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PostgreSQL: a fresh database, two app processes on two ports, clients split between them. */
export async function surgePostgres(port = 3421): Promise<SurgeResult> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${PG_DATABASE}`;
  try {
    await admin.query(`drop database if exists ${PG_DATABASE} with (force)`);
    await admin.query(`create database ${PG_DATABASE}`);
    return await measure(
      'PostgreSQL, 2 app processes',
      () => openDatabase({ url: url.href }),
      // One after the other, so the first start creates the shared secret and administrator.
      async () => {
        const first = await startApp({ port, databaseUrl: url.href });
        try {
          return [first, await startApp({ port: port + 1, databaseUrl: url.href })];
        } catch (error) {
          await first.stop();
          throw error;
        }
      },
    );
  } finally {
    // A plain drop waits (up to 5 s) for closing connections to go; force only if some remain.
    await admin
      .query(`drop database if exists ${PG_DATABASE}`)
      .catch(() => admin.query(`drop database if exists ${PG_DATABASE} with (force)`));
    await admin.end();
  }
}

export function printSurge(r: SurgeResult): void {
  console.log(
    `registration surge, ${r.label}: ${r.attempts} attempts (GET form + POST) from ${CLIENTS} clients for ${SEATS} seats`,
  );
  console.log(
    `  ${r.seconds} s, ${Math.round((r.attempts / r.seconds) * 10) / 10} attempts/s; POST latency p50 ${r.postP50} ms, p99 ${r.postP99} ms, max ${r.postMax} ms (GET form p50 ${r.getP50} ms, p99 ${r.getP99} ms)`,
  );
  console.log(
    `  machine load average (1 min, ${cpus().length} cores) ${r.load[0]} before, ${r.load[1]} after; client timeout ${REQUEST_TIMEOUT_MS / 1000} s`,
  );
  console.log(
    `  answers: ${r.acks} acknowledged (303), ${r.refused} refused as already registered (422), ${r.errors} errors`,
  );
  for (const c of r.checks)
    console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name.padEnd(48)} ${c.detail}`);
  if (r.serverErrors.length) {
    console.log(`  server warnings/errors logged: ${r.serverErrors.length}, first ones:`);
    for (const line of r.serverErrors.slice(0, 5)) console.log(`    ${line}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv[2];
  if (only !== 'postgres') printSurge(await surgeEmbedded());
  if (!only) console.log('');
  if (only !== 'pglite') printSurge(await surgePostgres());
}
