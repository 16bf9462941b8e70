import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-database';
import type { Db } from '../../../db/client';
import { createInitiative } from '../../../core/initiatives/queries';
import { createPerson } from '../../network/people';
import { people } from '../../network/schema';
import { editions, events, programmeSessions, rooms, venues } from '../schema';
import { parseFrabSchedule } from './parse-frab';
import { previewImport } from './preview-import';
import { importErrorCode, type ImportedProgramme, type ImportedSession } from './types';

const fixture = readFileSync(new URL('./fixtures/small-frab.xml', import.meta.url), 'utf8');

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let initiativeId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  initiativeId = (await createInitiative(db, { slug: 'netzcamp', name: 'Netzcamp' }))!.id;
});
afterAll(() => database.drop());

/** A new edition with one event on 9–10 March 2024 in Berlin, with a venue and rooms if given. */
async function buildEvent(o: { rooms?: string[] } = {}) {
  const id = randomUUID().slice(0, 8);
  const [edition] = await db
    .insert(editions)
    .values({ initiativeId, slug: `netzcamp-${id}`, name: `Netzcamp ${id}`, year: 2024 })
    .returning();
  let venueId: string | null = null;
  if (o.rooms) {
    venueId = (await db.insert(venues).values({ initiativeId, name: 'Kulturhaus' }).returning())[0]!
      .id;
    for (const name of o.rooms) await db.insert(rooms).values({ venueId, name });
  }
  const [event] = await db
    .insert(events)
    .values({
      editionId: edition!.id,
      kind: 'forum',
      titleEs: 'Netzcamp',
      startsAt: new Date('2024-03-09T08:00:00Z'),
      endsAt: new Date('2024-03-10T17:00:00Z'),
      timeZone: 'Europe/Berlin',
      venueId,
    })
    .returning();
  return event!;
}

const session = (over: Partial<ImportedSession> = {}): ImportedSession => ({
  title: 'A session',
  start: new Date('2024-03-09T09:00:00Z'),
  end: new Date('2024-03-09T10:00:00Z'),
  persons: [],
  ...over,
});
const programmeOf = (sessions: ImportedSession[]): ImportedProgramme => ({
  format: 'c3voc',
  rooms: [],
  sessions,
});

async function tableCounts() {
  const count = async (
    table: typeof people | typeof rooms | typeof programmeSessions | typeof venues,
  ) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  return {
    people: await count(people),
    rooms: await count(rooms),
    sessions: await count(programmeSessions),
    venues: await count(venues),
  };
}

describe('previewImport', () => {
  it('reports rooms, sessions and people to create or reuse, and writes nothing', async () => {
    const event = await buildEvent({ rooms: ['Saal 1', 'Foyer'] });
    await createPerson(db, {
      input: { name: 'Ana Perez', languages: [], genderSelfDescribed: undefined },
      initiativeId,
      year: 2024,
      label: 'Netzcamp',
    });
    const before = await tableCounts();
    const report = await previewImport({
      db,
      eventId: event.id,
      programme: parseFrabSchedule(fixture),
    });
    expect(await tableCounts()).toEqual(before);

    expect(report.applied).toBe(false);
    expect(report.venue).toMatchObject({ name: 'Kulturhaus', status: 'existing' });
    expect(report.rooms.map((r) => [r.name, r.status, r.sessions])).toEqual([
      ['Saal 1', 'existing', 3],
      ['Werkstatt', 'new', 1],
    ]);
    expect(report.rooms[0]!.roomId).toBeTruthy();
    expect(report.rooms[1]!.roomId).toBeNull();
    expect(report.people.map((p) => [p.name, p.status])).toEqual([
      ['Jürgen Müller', 'new'],
      ['Ana Perez', 'matched'],
      ['Kwame Mensah', 'new'],
    ]);
    expect(report.sessions.map((s) => [s.title, s.kind, s.language, s.room])).toEqual([
      ['Eröffnung', 'opening', 'es', 'Saal 1'],
      ['Open standards for public money', 'panel', 'en', 'Saal 1'],
      ['Hands-on: self-hosting mail', 'workshop', 'en', 'Werkstatt'],
      ['Lunch', 'break', 'es', 'Saal 1'],
    ]);
    expect(report.sessions[1]!.people[0]).toMatchObject({ name: 'Ana Perez', role: 'speaker' });
    expect(report.sessions[1]!.people[0]!.personId).toBe(report.people[1]!.personId);
    expect(report.problems).toEqual([
      { severity: 'warning', code: 'language_unsupported', session: 0, detail: 'de' },
      { severity: 'warning', code: 'language_unsupported', session: 3, detail: 'de' },
    ]);
    expect(report.counts).toEqual({
      roomsExisting: 1,
      roomsNew: 1,
      sessions: 4,
      peopleMatched: 1,
      peopleNew: 2,
      sessionPeople: 3,
      errors: 0,
      warnings: 2,
    });
  });

  it('finds sessions that end before they start, lie outside the event or repeat a guid', async () => {
    const event = await buildEvent();
    const guid = '8d1c6a2e-5b4f-4e3a-9c7d-1a2b3c4d5e61';
    const report = await previewImport({
      db,
      eventId: event.id,
      programme: programmeOf([
        session({ guid, title: 'Fine' }),
        session({ title: 'Backwards', end: new Date('2024-03-09T08:00:00Z') }),
        session({
          title: 'Next week',
          start: new Date('2024-03-16T09:00:00Z'),
          end: new Date('2024-03-16T10:00:00Z'),
        }),
        session({ guid: guid.toUpperCase(), title: 'Copy' }),
        session({
          title: 'Day after, late',
          start: new Date('2024-03-11T09:00:00Z'),
          end: new Date('2024-03-11T10:00:00Z'),
        }),
      ]),
    });
    expect(report.problems).toEqual([
      { severity: 'error', code: 'session_ends_before_start', session: 1, detail: 'Backwards' },
      { severity: 'error', code: 'session_outside_event', session: 2, detail: 'Next week' },
      { severity: 'error', code: 'duplicate_guid', session: 3, detail: guid.toUpperCase() },
    ]);
    expect(report.counts.errors).toBe(3);
    expect(report.venue).toEqual({ id: null, name: 'Netzcamp', status: 'new' });
  });

  it('says when the event already has sessions, and refuses unknown events', async () => {
    const event = await buildEvent();
    await db.insert(programmeSessions).values({
      eventId: event.id,
      kind: 'panel',
      titleEs: 'Ya existe',
      startsAt: new Date('2024-03-09T09:00:00Z'),
      endsAt: new Date('2024-03-09T10:00:00Z'),
    });
    const report = await previewImport({
      db,
      eventId: event.id,
      programme: programmeOf([session()]),
    });
    expect(report.problems).toEqual([{ severity: 'error', code: 'event_not_empty', detail: '1' }]);
    await expect(
      previewImport({ db, eventId: randomUUID(), programme: programmeOf([]) }),
    ).rejects.toSatisfy((e) => importErrorCode(e) === 'import_event_not_found');
  });

  it('treats a room named like the venue as "no room", and warns about namesakes', async () => {
    const event = await buildEvent({ rooms: [] });
    const other = (await createInitiative(db, { slug: 'other', name: 'Other' }))!.id;
    const outsider = await createPerson(db, {
      input: { name: 'Lena Schmidt', languages: [], genderSelfDescribed: undefined },
      initiativeId: other,
      year: 2024,
      label: 'Other',
    });
    const member = await createPerson(db, {
      input: { name: 'Lena Schmidt', languages: [], genderSelfDescribed: undefined },
      initiativeId,
      year: 2024,
      label: 'Netzcamp',
    });
    const erased = await createPerson(db, {
      input: { name: 'Omar Haddad', languages: [], genderSelfDescribed: undefined },
      initiativeId,
      year: 2024,
      label: 'Netzcamp',
    });
    await db.update(people).set({ erasedAt: new Date() }).where(eq(people.id, erased.id));
    const report = await previewImport({
      db,
      eventId: event.id,
      programme: programmeOf([
        session({
          room: 'KULTURHAUS',
          persons: [
            { name: 'lena schmidt', role: 'moderator' },
            { name: 'Omar Haddad', role: 'speaker' },
          ],
        }),
      ]),
    });
    expect(report.rooms).toEqual([
      { name: 'Kulturhaus', status: 'venue', roomId: null, sessions: 1 },
    ]);
    expect(report.sessions[0]!.room).toBeNull();
    expect(report.people).toEqual([
      { name: 'Lena Schmidt', status: 'matched', personId: member.id, sessions: 1 },
      { name: 'Omar Haddad', status: 'new', personId: null, sessions: 1 },
    ]);
    expect(outsider.id).not.toBe(member.id);
    expect(report.problems).toEqual([
      { severity: 'warning', code: 'person_ambiguous', detail: 'lena schmidt' },
    ]);
  });
});
