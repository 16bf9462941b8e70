/**
 * What the registration-surge benches share: the app started as `npm start` does, the surge's
 * event built through the project's functions, and one registration attempt as a browser makes it.
 *
 * @example
 * const eventId = await buildSurgeEvent(database, { slug, seats: 200, buses: 3, busSeats: 50 });
 * const app = await startApp({ port: 3420, dataDir });
 * const outcome = await attempt(`http://127.0.0.1:${app.port}`, path, '10.0.0.1', 0, 'a@x.org');
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Database } from '../../src/db/client';
import { migrateDatabase } from '../../src/db/migrate';
import { createInitiative } from '../../src/core/initiatives/queries';
import { createEdition } from '../../src/features/programme/editing/create-edition';
import { saveEvent } from '../../src/features/programme/editing/save-event';
import { saveRegistrationSettings } from '../../src/features/registration/save-settings';
import { saveRoute } from '../../src/features/registration/transport/save-route';

/** How long a client waits for an answer: nginx's default proxy_read_timeout. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** Phrase of the "already registered" refusal, in Spanish (the default language). */
const ALREADY = 'Ya hay una inscripción con este correo';
/** Phrase of the "bus filled up meanwhile" refusal: the person then sends the form without a bus. */
const BUS_FULL = 'Esa ruta se llenó mientras completabas el formulario';

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};

export type AppProcess = {
  port: number;
  /** SIGTERM to the process group, SIGKILL after 5 s. */
  stop: () => Promise<void>;
  /** SIGKILL to the whole process group at once (tsx and node): a crash. */
  kill: () => Promise<void>;
  stderr: () => string;
};

/**
 * Starts `tsx src/server.ts` as `npm start` does (like bench/lib/server.ts, but with the
 * database, proxy and mail settings of the surge benches) and waits for the first 200 on `/`.
 */
export async function startApp(o: {
  port: number;
  dataDir?: string;
  databaseUrl?: string;
  /** SMTP server to deliver to; without it mail stays in the outbox table. */
  smtpUrl?: string;
}): Promise<AppProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(o.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    CONVOCA_DEMO: '0',
    CONVOCA_ADMIN_PASSWORD: 'bench-admin-password',
    TRUST_PROXY: '1',
  };
  delete env.SMTP_URL;
  delete env.DATABASE_URL;
  delete env.CONVOCA_SECRET;
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  if (o.dataDir) env.CONVOCA_DATA_DIR = o.dataDir;
  if (o.smtpUrl) env.SMTP_URL = o.smtpUrl;
  const child: ChildProcess = spawn('node_modules/.bin/tsx', ['src/server.ts'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited before answering:\n${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${o.port}/`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000)
      throw new Error('server did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid!;
  return {
    port: o.port,
    stderr: () => stderr,
    kill: async () => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        return;
      }
      for (let i = 0; i < 200 && child.exitCode === null && child.signalCode === null; i++)
        await new Promise((r) => setTimeout(r, 25));
    },
    stop: async () => {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 100 && child.exitCode === null; i++)
        await new Promise((r) => setTimeout(r, 50));
      if (child.exitCode === null) process.kill(-pid, 'SIGKILL');
    },
  };
}

/**
 * An initiative, an edition, one public event, registration open with `seats` seats and no
 * approval, and `buses` buses of `busSeats` seats; every name says "Bench …". Migrates first.
 */
export async function buildSurgeEvent(
  database: Database,
  o: { slug: string; seats: number; buses: number; busSeats: number },
): Promise<string> {
  await migrateDatabase(database);
  const { db } = database;
  const initiative = (await createInitiative(db, {
    slug: 'bench-surge-initiative',
    name: 'Bench initiative (synthetic)',
  }))!;
  const edition = await createEdition({
    db,
    initiativeId: initiative.id,
    input: {
      name: 'Bench registration surge 2030 (synthetic)',
      slug: o.slug,
      year: 2030,
      travelBufferMinutes: 15,
      maxSessionsPerSpeaker: 3,
    },
  });
  const eventId = (await saveEvent({
    db,
    edition,
    input: {
      kind: 'forum',
      titleEs: 'Foro de prueba de inscripción masiva (sintético)',
      titleEn: 'Registration surge forum (synthetic)',
      descriptionEs: null,
      descriptionEn: null,
      timeZone: 'America/Guatemala',
      startsAt: new Date('2030-10-24T08:00:00-06:00'),
      endsAt: new Date('2030-10-24T17:00:00-06:00'),
      timesKnown: true,
      visibility: 'public',
      streamUrl: null,
      venue: { name: 'Bench venue', address: null, mapUrl: null, directions: null },
    },
  }))!;
  await saveRegistrationSettings({
    db,
    eventId,
    input: {
      capacity: o.seats,
      requiresApproval: false,
      offerHours: 48,
      opensAt: null,
      closesAt: null,
    },
  });
  for (let b = 1; b <= o.buses; b++)
    await saveRoute({
      db,
      eventId,
      input: {
        name: `Bench bus ${b}`,
        stops: [{ name: 'Bench stop', time: '07:00' }],
        departsAt: null,
        returnsAt: null,
        seats: o.busSeats,
      },
    });
  return eventId;
}

/** `ms`: the POST's time (0 when it was not answered); `getMs`: the form's GET. */
export type Outcome = { email: string; ms: number; getMs: number } & (
  { kind: 'ack'; token: string } | { kind: 'refused' } | { kind: 'error'; what: string }
);

/**
 * One attempt as a browser would make it: GET the form (cookie + token), POST it (person `i`, with
 * `email`). Three in four ask for a bus the form still offers; when it filled up meanwhile, the
 * form is sent again without one (`onBusFull` is called). Throws `Failed` when fetch throws.
 */
export async function attempt(
  origin: string,
  path: string,
  ip: string,
  i: number,
  email: string,
  onBusFull: () => void = () => {},
): Promise<Outcome> {
  const headers = { 'x-forwarded-for': ip };
  let getRes: Response;
  let html: string;
  const getting = performance.now();
  try {
    getRes = await fetch(origin + path, {
      headers,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    html = await getRes.text();
  } catch (error) {
    throw new Failed('GET', error);
  }
  const getMs = performance.now() - getting;
  const cookie = getRes.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith('convoca_csrf='));
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (getRes.status !== 200 || !cookie || !token)
    return { kind: 'error', email, what: `GET ${getRes.status} without form token`, ms: 0, getMs };
  // Three in four want a bus: one of those the form still offers, in turn.
  const buses = [...html.matchAll(/name="transportRouteId" value="([0-9a-f-]{36})"/g)].map(
    (m) => m[1]!,
  );
  const bus = i % 4 === 0 || buses.length === 0 ? '' : buses[(i % 4) % buses.length]!;
  const post = async (transportRouteId: string, csrfToken: string) => {
    const body = new URLSearchParams({
      _csrf: csrfToken,
      name: `Bench registrant ${i}`,
      email,
      institution: 'Bench institution',
      country: 'gt',
      consentContact: 'on',
      transportRouteId,
    });
    try {
      const r = await fetch(origin + path, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { res: r, text: await r.text() };
    } catch (error) {
      throw new Failed('POST', error);
    }
  };
  const started = performance.now();
  let { res, text } = await post(bus, token);
  const again = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
  if (res.status === 422 && text.includes(BUS_FULL) && again) {
    onBusFull();
    ({ res, text } = await post('', again));
  }
  const ms = performance.now() - started;
  const location = res.headers.get('location') ?? '';
  const link = /^\/r\/([A-Za-z0-9_-]+)$/.exec(location);
  if (res.status === 303 && link) return { kind: 'ack', email, token: link[1]!, ms, getMs };
  if (res.status === 422 && text.includes(ALREADY)) return { kind: 'refused', email, ms, getMs };
  return { kind: 'error', email, what: `POST ${res.status} ${location}`.trim(), ms, getMs };
}

/** An exception thrown by fetch, with the phase it happened in and its underlying cause. */
export class Failed extends Error {
  constructor(
    readonly phase: 'GET' | 'POST',
    readonly error: unknown,
  ) {
    super(phase);
  }
}

/** What went wrong in words, with the phase and the underlying cause. */
export function describeFailure(thrown: unknown): string {
  const phase = thrown instanceof Failed ? `${thrown.phase} ` : '';
  const error = thrown instanceof Failed ? thrown.error : thrown;
  if (!(error instanceof Error)) return phase + String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const why = cause ? ` (${cause.code ?? cause.message ?? String(cause)})` : '';
  return `${phase}${error.name}: ${error.message}${why}`;
}
