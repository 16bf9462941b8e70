/**
 * The issue's budget for a large programme — 900 sessions, 30 rooms, 2 days: one day's page at
 * most 150 KB compressed, served in under 200 ms. Builds a synthetic programme (every name says
 * "Bench …": none of it is real data) in a fresh embedded database in a temporary folder,
 * publishes it once, starts the server on that folder the way `npm start` does and measures over
 * HTTP: each day's page (gzip bytes on the wire of the HTML and the stylesheet it links, scripts,
 * time per request), and the whole-programme exports schedule.json and schedule.xml.
 *
 * @example
 * npx tsx bench/programme-large.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { createInitiative } from '../src/core/initiatives/queries';
import { createPeople } from '../src/features/network/people';
import { institutions, stakeholderGroups } from '../src/features/network/schema';
import { createEdition } from '../src/features/programme/editing/create-edition';
import { saveEvent } from '../src/features/programme/editing/save-event';
import { saveRoom } from '../src/features/programme/editing/save-room';
import { publishEvent } from '../src/features/programme/publishing/publish-event';
import {
  events,
  programmeSessions,
  sessionInstitutions,
  sessionPeople,
  type SessionRole,
} from '../src/features/programme/schema';
import { searchKey } from '../src/lib/search-key';
import { startServer } from './lib/server';

const SLUG = 'bench-large-programme';
const DAYS = ['2019-10-24', '2019-10-25'];
const ROOMS = 30;
const SLOTS_PER_DAY = 15;
/** Length of each of the 15 slots of a day (minutes); sessions in a slot last 30 min to this. */
const SLOT_MINUTES = [60, 45, 30, 60, 45, 60, 30, 45, 60, 45, 30, 60, 45, 30, 60];
const PEOPLE = 400;
const INSTITUTIONS = 200;
const TOPICS = 12;
const BUDGET_BYTES = 150 * 1024;
const BUDGET_MS = 200;
const WARM_UP = 5;
const TIMED = 30;
const EXPORT_TIMED = 5;

/** Guatemala is UTC−6 all year (no daylight saving). */
const at = (day: string, minutesFromMidnight: number) =>
  new Date(Date.parse(`${day}T00:00:00-06:00`) + minutesFromMidnight * 60_000);

/** A deterministic pseudo-random sequence, so every run builds the same programme. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

type Built = {
  sessions: number;
  databaseMs: number;
  insertMs: number;
  publishMs: number;
  republishMs: number;
};

/** Builds and publishes the synthetic programme in the database kept in `dataDir`. */
export async function buildLargeProgramme(dataDir: string): Promise<Built> {
  const started = performance.now();
  const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  try {
    await migrateDatabase(database);
    const databaseMs = Math.round(performance.now() - started);
    const inserting = performance.now();
    const { db } = database;
    const rand = random(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    // Made-up words ("lomavi tesaru …") so titles vary like real ones and gzip is not flattered.
    const syllables = ['la', 'mo', 'vi', 'te', 'sa', 'ru', 'ne', 'ko', 'di', 'pa', 'gu', 'shi'];
    const vocabulary = Array.from({ length: 400 }, () =>
      Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(syllables)).join(''),
    );
    const words = (n: number) => Array.from({ length: n }, () => pick(vocabulary)).join(' ');
    const initiative = (await createInitiative(db, {
      slug: 'bench-initiative',
      name: 'Bench initiative (synthetic)',
    }))!;
    const edition = await createEdition({
      db,
      initiativeId: initiative.id,
      input: {
        name: 'Bench large programme 2019 (synthetic)',
        slug: SLUG,
        year: 2019,
        travelBufferMinutes: 15,
        maxSessionsPerSpeaker: 3,
      },
    });
    const eventId = (await saveEvent({
      db,
      edition,
      input: {
        kind: 'forum',
        titleEs: 'Foro de prueba de carga (sintético)',
        titleEn: 'Load-test forum (synthetic)',
        descriptionEs: null,
        descriptionEn: null,
        timeZone: 'America/Guatemala',
        startsAt: at(DAYS[0]!, 7 * 60),
        endsAt: at(DAYS[1]!, 21 * 60),
        timesKnown: true,
        visibility: 'public',
        streamUrl: null,
        venue: { name: 'Bench venue', address: null, mapUrl: null, directions: null },
      },
    }))!;
    const [venue] = await db
      .select({ venueId: events.venueId })
      .from(events)
      .where(eq(events.id, eventId));
    const roomIds: string[] = [];
    for (let r = 1; r <= ROOMS; r++) {
      roomIds.push(
        (await saveRoom({
          db,
          venueId: venue!.venueId!,
          input: {
            name: `Bench room ${String(r).padStart(2, '0')}`,
            capacity: 40 + (r % 5) * 40,
            accessibility: null,
            streamUrl: null,
            availability: [],
          },
        }))!,
      );
    }
    const orgs = await db
      .insert(institutions)
      .values(
        Array.from({ length: INSTITUTIONS }, (_, i) => {
          const name = `Bench institution ${i + 1}`;
          return {
            name,
            acronym: i % 2 === 0 ? `BI${i + 1}` : null,
            stakeholderGroup: pick(stakeholderGroups),
            searchText: searchKey(name),
            source: 'bench',
          };
        }),
      )
      .returning({ id: institutions.id });
    const persons = await createPeople(
      db,
      Array.from({ length: PEOPLE }, (_, i) => ({
        input: { name: `Bench person ${i + 1}`, languages: ['es'], genderSelfDescribed: undefined },
        initiativeId: initiative.id,
        year: 2019,
        label: 'Bench large programme',
        source: 'bench',
      })),
    );

    const sessions: (typeof programmeSessions.$inferInsert)[] = [];
    for (const day of DAYS) {
      let minute = 8 * 60;
      for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
        const length = SLOT_MINUTES[slot]!;
        for (let r = 0; r < ROOMS; r++) {
          const n = sessions.length + 1;
          const minutes = Math.max(30, length - (r % 3) * 15);
          sessions.push({
            eventId,
            roomId: roomIds[r]!,
            kind: pick(['panel', 'workshop', 'keynote', 'plenary', 'other'] as const),
            titleEs: `Sesión de prueba ${n}: ${words(5 + Math.floor(rand() * 5))}`,
            titleEn: `Bench session ${n}: ${words(5 + Math.floor(rand() * 5))}`,
            descriptionEs: words(60),
            descriptionEn: words(60),
            topic: `Bench topic ${1 + (n % TOPICS)}`,
            language: n % 4 === 0 ? 'en' : 'es',
            startsAt: at(day, minute),
            endsAt: at(day, minute + minutes),
          });
        }
        minute += length;
      }
    }
    const ids = (
      await db.insert(programmeSessions).values(sessions).returning({ id: programmeSessions.id })
    ).map((r) => r.id);
    const who: (typeof sessionPeople.$inferInsert)[] = [];
    const by: (typeof sessionInstitutions.$inferInsert)[] = [];
    for (const sessionId of ids) {
      const count = 2 + Math.floor(rand() * 3);
      const chosen = new Set<string>();
      while (chosen.size < count) chosen.add(pick(persons).id);
      [...chosen].forEach((personId, position) =>
        who.push({
          sessionId,
          personId,
          role: (position === 0 ? 'moderator' : 'speaker') satisfies SessionRole,
          position,
        }),
      );
      by.push({ sessionId, institutionId: pick(orgs).id });
    }
    await db.insert(sessionPeople).values(who);
    await db.insert(sessionInstitutions).values(by);
    const insertMs = Math.round(performance.now() - inserting);

    let t = performance.now();
    await publishEvent({ db, eventId, userId: null });
    const publishMs = Math.round(performance.now() - t);
    // An organiser republishing after a small change: diff against the 900-session version.
    await db
      .update(programmeSessions)
      .set({ titleEn: 'Bench session 1: retitled' })
      .where(eq(programmeSessions.id, ids[0]!));
    t = performance.now();
    await publishEvent({ db, eventId, userId: null });
    const republishMs = Math.round(performance.now() - t);
    return { sessions: ids.length, databaseMs, insertMs, publishMs, republishMs };
  } finally {
    await database.close();
  }
}

type Fetched = { status: number; wireBytes: number; rawBytes: number; body: string; ms: number };

/** One GET asking for gzip like a browser does: bytes on the wire, decoded body, elapsed time. */
function get(url: string): Promise<Fetched> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const ms = performance.now() - started;
        const wire = Buffer.concat(chunks);
        const raw = res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
        resolve({
          status: res.statusCode ?? 0,
          wireBytes: wire.length,
          rawBytes: raw.length,
          body: raw.toString('utf8'),
          ms,
        });
      });
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

async function timed(url: string, warmUp: number, n: number) {
  for (let i = 0; i < warmUp; i++) await get(url);
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await get(url)).ms);
  return { medianMs: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)) };
}

export type PageFigures = {
  label: string;
  sessions: number;
  htmlWire: number;
  htmlRaw: number;
  cssWire: number;
  jsonLdRaw: number;
  compressedBytes: number;
  scripts: number;
  medianMs: number;
  p95Ms: number;
};

async function measurePage(origin: string, label: string, path: string): Promise<PageFigures> {
  const page = await get(origin + path);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  const sheets = [...page.body.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  let cssWire = 0;
  for (const href of sheets) cssWire += (await get(new URL(href, origin + path).href)).wireBytes;
  const jsonLd = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(page.body);
  return {
    label,
    sessions: (page.body.match(/<article class="session/g) ?? []).length,
    htmlWire: page.wireBytes,
    htmlRaw: page.rawBytes,
    cssWire,
    jsonLdRaw: Buffer.byteLength(jsonLd?.[1] ?? ''),
    compressedBytes: page.wireBytes + cssWire,
    scripts: (page.body.match(/<script(?![^>]*application\/ld\+json)/g) ?? []).length,
    ...(await timed(origin + path, WARM_UP, TIMED)),
  };
}

export type LargeProgrammeResult = Built & {
  pages: PageFigures[];
  exports: { path: string; wireBytes: number; rawBytes: number; medianMs: number; p95Ms: number }[];
  pass: boolean;
};

/** Builds, publishes, serves and measures; `port` must be free. */
export async function benchLargeProgramme(port = 3410): Promise<LargeProgrammeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'convoca-bench-large-'));
  try {
    const built = await buildLargeProgramme(dir);
    const server = await startServer({ dataDir: dir, port, demo: false });
    try {
      const origin = `http://127.0.0.1:${port}`;
      const pages = [
        await measurePage(origin, `day 1 (default)`, `/e/${SLUG}/programme`),
        await measurePage(origin, `day 2 (?day=${DAYS[1]})`, `/e/${SLUG}/programme?day=${DAYS[1]}`),
      ];
      const exports = [];
      for (const path of [`/e/${SLUG}/schedule.json`, `/e/${SLUG}/schedule.xml`]) {
        const one = await get(origin + path);
        if (one.status !== 200) throw new Error(`${path} answered ${one.status}`);
        exports.push({
          path,
          wireBytes: one.wireBytes,
          rawBytes: one.rawBytes,
          ...(await timed(origin + path, 1, EXPORT_TIMED)),
        });
      }
      const pass = pages.every((p) => p.compressedBytes <= BUDGET_BYTES && p.p95Ms < BUDGET_MS);
      return { ...built, pages, exports, pass };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** The figures as a table, each day's page flagged PASS/FAIL against 150 KB and 200 ms. */
export function printLargeProgramme(r: LargeProgrammeResult): void {
  console.log(
    `large programme: ${r.sessions} sessions, ${ROOMS} rooms, ${DAYS.length} days (synthetic "Bench" data)`,
  );
  console.log(
    `  fresh database (PGlite initdb + migrations) ${r.databaseMs} ms; programme (bulk inserts) ${r.insertMs} ms`,
  );
  console.log(
    `  publish the ${r.sessions}-session version ${r.publishMs} ms; republish after one change ${r.republishMs} ms`,
  );
  console.log(
    `  ${'page'.padEnd(26)}${'sessions'.padStart(9)}${'HTML raw'.padStart(11)}${'HTML gz'.padStart(10)}${'CSS gz'.padStart(9)}${'total gz'.padStart(10)}${'scripts'.padStart(9)}${'median'.padStart(10)}${'p95'.padStart(10)}  size≤150KB  time<200ms`,
  );
  for (const p of r.pages) {
    console.log(
      `  ${p.label.padEnd(26)}${String(p.sessions).padStart(9)}${kb(p.htmlRaw).padStart(11)}${kb(p.htmlWire).padStart(10)}${kb(p.cssWire).padStart(9)}${kb(p.compressedBytes).padStart(10)}${String(p.scripts).padStart(9)}${`${p.medianMs} ms`.padStart(10)}${`${p.p95Ms} ms`.padStart(10)}  ${(p.compressedBytes <= BUDGET_BYTES ? 'PASS' : 'FAIL').padEnd(10)}  ${p.p95Ms < BUDGET_MS ? 'PASS' : 'FAIL'}`,
    );
  }
  for (const p of r.pages)
    console.log(`  ${p.label}: JSON-LD block ${kb(p.jsonLdRaw)} raw of the ${kb(p.htmlRaw)} HTML`);
  for (const e of r.exports) {
    console.log(
      `  GET ${e.path.padEnd(40)} ${kb(e.rawBytes)} raw, ${kb(e.wireBytes)} gzip, median ${e.medianMs} ms, p95 ${e.p95Ms} ms (n=${EXPORT_TIMED})`,
    );
  }
  console.log(
    `  budget (one day's page ≤ 150 KB gzip incl. CSS, p95 < 200 ms over ${TIMED} requests after ${WARM_UP} warm-up): ${r.pass ? 'PASS' : 'FAIL'}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printLargeProgramme(await benchLargeProgramme());
}
