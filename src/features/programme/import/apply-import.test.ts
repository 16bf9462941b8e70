import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../demo/load-demo';
import { openTestDatabase } from '../../../../tests/support/test-database';
import type { Db } from '../../../db/client';
import { findInitiativeBySlug } from '../../../core/initiatives/queries';
import { participations, people } from '../../network/schema';
import { buildC3vocSchedule } from '../exports/c3voc';
import { frabXml } from '../exports/frab';
import { publishedProgramme } from '../publishing/published-programme';
import { findEdition, programmeOf } from '../queries';
import { editions, events, programmeSessions, rooms, sessionPeople, venues } from '../schema';
import { applyImport } from './apply-import';
import { parseC3vocSchedule } from './parse-c3voc';
import { parseFrabSchedule } from './parse-frab';
import { previewImport } from './preview-import';
import { InputError } from '../../../http/input-error';
import { importErrorCode, type ImportedProgramme } from './types';

const fixture = readFileSync(new URL('./fixtures/small-frab.xml', import.meta.url), 'utf8');

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let initiativeId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await loadDemo(db);
  initiativeId = (await findInitiativeBySlug(db, 'igf-guatemala'))!.id;
});
afterAll(() => database.drop());

/** A new edition of the demo initiative with one empty public event, without a venue. */
async function buildEvent(o: { startsAt: Date; endsAt: Date; timeZone: string }) {
  const id = randomUUID().slice(0, 8);
  const [edition] = await db
    .insert(editions)
    .values({ initiativeId, slug: `import-${id}`, name: `Import ${id}`, year: 2018 })
    .returning();
  const [event] = await db
    .insert(events)
    .values({ editionId: edition!.id, kind: 'forum', titleEs: `Foro ${id}`, ...o })
    .returning();
  return { edition: edition!, event: event! };
}

const guatemalaForum = {
  startsAt: new Date('2018-10-25T08:00:00-06:00'),
  endsAt: new Date('2018-10-25T17:00:00-06:00'),
  timeZone: 'America/Guatemala',
};
const berlinCamp = {
  startsAt: new Date('2024-03-09T08:00:00Z'),
  endsAt: new Date('2024-03-10T17:00:00Z'),
  timeZone: 'Europe/Berlin',
};

const count = async (
  table: typeof programmeSessions | typeof rooms | typeof people | typeof venues,
) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

/** The demo's published programme, as visitors and exports see it. */
async function demoProgramme() {
  const edition = (await findEdition(db, 'igf-guatemala-2018'))!;
  const { items, roomName } = await publishedProgramme(db, edition);
  return { edition, items, roomName };
}

/** What a round trip must keep of a session: room, titles, instants, who (and in which role). */
function essentials(
  s: Awaited<ReturnType<typeof programmeOf>>[number],
  room: string,
  withRoles: boolean,
) {
  return {
    room,
    titleEs: s.titleEs,
    titleEn: s.titleEn,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    people: withRoles
      ? s.people.map((p) => `${p.name} (${p.role})`).sort()
      : [...new Set(s.people.map((p) => p.name))].sort(),
  };
}
const byStartAndTitle = (
  a: { startsAt: string; titleEs: string },
  b: { startsAt: string; titleEs: string },
) => a.startsAt.localeCompare(b.startsAt) || a.titleEs.localeCompare(b.titleEs);

async function importedEssentials(eventId: string, withRoles: boolean) {
  const [venue] = await db
    .select({ name: venues.name })
    .from(events)
    .innerJoin(venues, eq(venues.id, events.venueId))
    .where(eq(events.id, eventId));
  return (await programmeOf(db, [eventId]))
    .map((s) => essentials(s, s.room?.name ?? venue!.name, withRoles))
    .sort(byStartAndTitle);
}

describe('applyImport', () => {
  it('imports a hand-written frab file: venue, rooms, sessions, new people with roles', async () => {
    const { edition, event } = await buildEvent(berlinCamp);
    const programme = parseFrabSchedule(fixture);
    const preview = await previewImport({ db, eventId: event.id, programme });
    const report = await applyImport({ db, eventId: event.id, programme });
    expect(report.applied).toBe(true);
    expect(report.counts).toEqual({ ...preview.counts, sessionPeople: 3 });
    expect(report.counts).toMatchObject({
      roomsNew: 2,
      sessions: 4,
      peopleNew: 3,
      peopleMatched: 0,
    });

    const [saved] = await db.select().from(events).where(eq(events.id, event.id));
    expect(saved!.venueId).toBe(report.venue.id);
    const [venue] = await db.select().from(venues).where(eq(venues.id, saved!.venueId!));
    expect(venue).toMatchObject({ name: event.titleEs, initiativeId });
    const venueRooms = await db.select().from(rooms).where(eq(rooms.venueId, venue!.id));
    expect(venueRooms.map((r) => r.name).sort()).toEqual(['Saal 1', 'Werkstatt']);

    const sessions = await programmeOf(db, [event.id]);
    expect(
      sessions.map((s) => [
        s.titleEs,
        s.kind,
        s.room?.name,
        s.startsAt.toISOString(),
        s.language,
        s.doNotRecord,
      ]),
    ).toEqual([
      ['Eröffnung', 'opening', 'Saal 1', '2024-03-09T08:00:00.000Z', 'es', false],
      [
        'Open standards for public money',
        'panel',
        'Saal 1',
        '2024-03-09T09:00:00.000Z',
        'en',
        true,
      ],
      [
        'Hands-on: self-hosting mail',
        'workshop',
        'Werkstatt',
        '2024-03-09T13:00:00.000Z',
        'en',
        false,
      ],
      ['Lunch', 'break', 'Saal 1', '2024-03-10T11:00:00.000Z', 'es', false],
    ]);
    const standards = sessions[1]!;
    // The file says the session is in English: its title is the English title too.
    expect(standards.titleEn).toBe('Open standards for public money');
    expect(standards.descriptionEs).toBe('Why procurement rules matter.\n\nA longer description.');
    expect(standards.descriptionEn).toBe(standards.descriptionEs);
    expect(sessions[0]!.titleEn).toBeNull(); // in German: neither Spanish nor English
    expect(standards.topic).toBe('Policy');
    expect(standards.people.map((p) => [p.name, p.role])).toEqual([
      ['Ana Pérez', 'speaker'],
      ['Kwame Mensah', 'speaker'],
    ]);

    const [ana] = await db.select().from(people).where(eq(people.nameKey, 'ana perez'));
    expect(ana).toMatchObject({
      name: 'Ana Pérez',
      source: 'programme-import:frab',
      searchText: 'ana perez',
    });
    const history = await db
      .select()
      .from(participations)
      .where(
        and(eq(participations.personId, ana!.id), eq(participations.initiativeId, initiativeId)),
      );
    expect(history).toMatchObject([{ kind: 'contact', year: 2018, label: edition.name }]);
  });

  it('refuses to import into an event that has sessions, so a second import duplicates nothing', async () => {
    const { event } = await buildEvent(berlinCamp);
    const programme = parseFrabSchedule(fixture);
    await applyImport({ db, eventId: event.id, programme });
    const before = {
      sessions: await count(programmeSessions),
      rooms: await count(rooms),
      people: await count(people),
    };
    await expect(applyImport({ db, eventId: event.id, programme })).rejects.toSatisfy(
      (e) => importErrorCode(e) === 'import_event_not_empty',
    );
    expect({
      sessions: await count(programmeSessions),
      rooms: await count(rooms),
      people: await count(people),
    }).toEqual(before);
    // The people created by the first import are matched, not created again, elsewhere.
    const other = await buildEvent(berlinCamp);
    const report = await previewImport({ db, eventId: other.event.id, programme });
    expect(report.counts).toMatchObject({ peopleMatched: 3, peopleNew: 0 });
  });

  it('writes nothing when the preview finds errors, or the event does not exist', async () => {
    const { event } = await buildEvent(berlinCamp);
    const programme: ImportedProgramme = {
      format: 'c3voc',
      rooms: [{ name: 'Nowhere' }],
      sessions: [
        {
          title: 'Fine',
          start: new Date('2024-03-09T09:00:00Z'),
          end: new Date('2024-03-09T10:00:00Z'),
          persons: [{ name: 'Nadie Nuevo', role: 'speaker' }],
        },
        {
          title: 'Backwards',
          start: new Date('2024-03-09T09:00:00Z'),
          end: new Date('2024-03-09T08:00:00Z'),
          persons: [],
        },
      ],
    };
    const before = {
      sessions: await count(programmeSessions),
      venues: await count(venues),
      people: await count(people),
    };
    const error = await applyImport({ db, eventId: event.id, programme }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(importErrorCode(error)).toBe('import_has_errors');
    expect((error as InputError).fields.file?.params).toEqual({
      detail: 'session_ends_before_start: Backwards',
    });
    await expect(applyImport({ db, eventId: randomUUID(), programme })).rejects.toSatisfy(
      (e) => importErrorCode(e) === 'import_event_not_found',
    );
    expect({
      sessions: await count(programmeSessions),
      venues: await count(venues),
      people: await count(people),
    }).toEqual(before);
    expect((await db.select().from(events).where(eq(events.id, event.id)))[0]!.venueId).toBeNull();
  });
});

describe('round trip: export the demo, import it into a new event, compare', () => {
  it('c3voc schedule.json keeps rooms, sessions, times, people and their roles', async () => {
    const demo = await demoProgramme();
    const json = await buildC3vocSchedule(db, {
      edition: demo.edition,
      baseUrl: 'https://forum.example.org',
    });
    const { event } = await buildEvent(guatemalaForum);
    const peopleBefore = await count(people);
    const report = await applyImport({
      db,
      eventId: event.id,
      programme: parseC3vocSchedule(JSON.stringify(json)),
    });
    expect(report.problems).toEqual([]);
    expect(report.counts.peopleNew).toBe(0);
    expect(await count(people)).toBe(peopleBefore);

    const original = demo.items
      .map((s) => essentials(s, demo.roomName(s), true))
      .sort(byStartAndTitle);
    const imported = await importedEssentials(event.id, true);
    expect(original.length).toBeGreaterThan(10);
    expect(original.some((s) => s.people.some((p) => p.endsWith('(moderator)')))).toBe(true);
    expect(imported).toEqual(original);
    expect([...new Set(imported.map((s) => s.room))].sort()).toEqual(
      [...new Set(original.map((s) => s.room))].sort(),
    );

    // The same people records, not namesakes; and kinds, topics and descriptions come back too.
    const importedRows = await programmeOf(db, [event.id]);
    for (const s of demo.items) {
      const back = importedRows.find(
        (x) => x.titleEs === s.titleEs && x.startsAt.getTime() === s.startsAt.getTime(),
      )!;
      expect(back.people.map((p) => p.personId).sort()).toEqual(
        s.people.map((p) => p.personId).sort(),
      );
      expect([
        back.kind,
        back.topic,
        back.descriptionEs,
        back.descriptionEn,
        back.language,
      ]).toEqual([s.kind, s.topic, s.descriptionEs, s.descriptionEn, s.language]);
    }
  });

  it('frab schedule.xml keeps rooms, sessions, times and people (roles are not in the format)', async () => {
    const demo = await demoProgramme();
    const xml = frabXml(
      await buildC3vocSchedule(db, { edition: demo.edition, baseUrl: 'https://forum.example.org' }),
    );
    const { event } = await buildEvent(guatemalaForum);
    const report = await applyImport({ db, eventId: event.id, programme: parseFrabSchedule(xml) });
    expect(report.problems).toEqual([]);
    expect(report.counts.peopleNew).toBe(0);

    const original = demo.items
      .map((s) => essentials(s, demo.roomName(s), false))
      .sort(byStartAndTitle);
    const imported = await importedEssentials(event.id, false);
    expect(original.length).toBeGreaterThan(10);
    expect(imported).toEqual(original);
    const roles = await db
      .selectDistinct({ role: sessionPeople.role })
      .from(sessionPeople)
      .innerJoin(programmeSessions, eq(programmeSessions.id, sessionPeople.sessionId))
      .where(eq(programmeSessions.eventId, event.id));
    expect(roles).toEqual([{ role: 'speaker' }]);
    // The same people records as the demo's, found by name.
    const importedRows = await programmeOf(db, [event.id]);
    for (const s of demo.items) {
      const back = importedRows.find(
        (x) => x.titleEs === s.titleEs && x.startsAt.getTime() === s.startsAt.getTime(),
      )!;
      expect([...new Set(back.people.map((p) => p.personId))].sort()).toEqual(
        [...new Set(s.people.map((p) => p.personId))].sort(),
      );
    }
  });
});
