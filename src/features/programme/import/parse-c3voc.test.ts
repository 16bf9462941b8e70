import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../demo/load-demo';
import { openTestDatabase } from '../../../../tests/support/test-database';
import type { Db } from '../../../db/client';
import { buildC3vocSchedule } from '../exports/c3voc';
import { findEdition } from '../queries';
import { parseC3vocSchedule } from './parse-c3voc';
import { InputError } from '../../../http/input-error';
import { importErrorCode, MAX_IMPORT_SESSIONS, type ImportErrorCode } from './types';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await loadDemo(db);
});
afterAll(() => database.drop());

/** Runs `run`, expects the import error `code` on the file field, answers its detail. */
function failsWith(code: ImportErrorCode, run: () => unknown): { detail?: string | number } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect(importErrorCode(error)).toBe(code);
    return { detail: (error as InputError).fields.file?.params?.detail };
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

/** A small schedule as pretalx writes it: persons by public_name, no end, a duration. */
function pretalxLike(events: unknown[]) {
  return JSON.stringify({
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'pretalx', version: '2024.1' },
    schedule: {
      version: '0.3',
      conference: {
        acronym: 'camp24',
        title: 'Camp 2024',
        start: '2024-08-01',
        end: '2024-08-01',
        daysCount: 1,
        timeslot_duration: '00:05',
        time_zone_name: 'Europe/Berlin',
        rooms: [{ name: 'Stage', guid: '0a6f4b0e-86c2-4c77-9a2d-3e1f5b6a7c8d' }, { name: 'Tent' }],
        days: [
          {
            index: 1,
            date: '2024-08-01',
            day_start: '2024-08-01T10:00:00+02:00',
            day_end: '2024-08-01T20:00:00+02:00',
            rooms: { Stage: events },
          },
        ],
      },
    },
  });
}

const talk = {
  guid: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  id: 12,
  date: '2024-08-01T10:00:00+02:00',
  start: '10:00',
  duration: '00:45',
  room: 'Stage',
  slug: 'camp24-12-mesh',
  url: 'https://pretalx.example.org/camp24/talk/ABC/',
  title: 'Mesh networks in rural areas',
  subtitle: '',
  track: 'Infrastructure',
  type: 'Talk',
  language: 'en',
  abstract: 'Short.',
  description: 'Long.',
  persons: [
    { code: 'XYZ', name: 'Amaru Quispe', biography: null },
    { id: 4, public_name: 'Lena Schmidt' },
  ],
  links: [],
};

describe('c3voc schedule JSON import', () => {
  it('reads our own export of the demo, with times, rooms and roles', async () => {
    const edition = (await findEdition(db, 'igf-guatemala-2018'))!;
    const json = await buildC3vocSchedule(db, { edition, baseUrl: 'https://forum.example.org' });
    const programme = parseC3vocSchedule(JSON.stringify(json));
    const exported = json.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(programme.format).toBe('c3voc');
    expect(programme.generator).toBe('Convoca');
    expect(programme.timeZone).toBe('America/Guatemala');
    expect(programme.rooms.map((r) => r.name).sort()).toEqual(
      json.schedule.conference.rooms.map((r) => r.name).sort(),
    );
    expect(programme.sessions).toHaveLength(exported.length);
    expect(programme.sessions.length).toBeGreaterThan(10);
    const neutrality = programme.sessions.find(
      (s) => s.title === 'Defensa del principio de neutralidad de la red',
    )!;
    expect(neutrality).toMatchObject({
      room: 'Aula Seminario',
      type: 'panel',
      start: new Date('2018-10-25T16:30:00Z'),
      end: new Date('2018-10-25T18:30:00Z'),
    });
    const roles = new Set(programme.sessions.flatMap((s) => s.persons.map((p) => p.role)));
    expect(roles).toContain('moderator');
    expect(roles).toContain('speaker');
    for (const e of exported) {
      const s = programme.sessions.find((x) => x.guid === e.guid)!;
      expect(s.persons).toEqual(e.persons.map((p) => ({ name: p.name, role: p.role })));
    }
  });

  it('reads a pretalx-style file: public_name, duration, speakers', () => {
    const programme = parseC3vocSchedule(pretalxLike([talk]));
    expect(programme).toMatchObject({
      format: 'c3voc',
      generator: 'pretalx',
      title: 'Camp 2024',
      timeZone: 'Europe/Berlin',
      rooms: [{ name: 'Stage', guid: '0a6f4b0e-86c2-4c77-9a2d-3e1f5b6a7c8d' }, { name: 'Tent' }],
    });
    expect(programme.sessions).toEqual([
      {
        guid: talk.guid,
        id: 12,
        slug: 'camp24-12-mesh',
        url: 'https://pretalx.example.org/camp24/talk/ABC/',
        links: [],
        title: 'Mesh networks in rural areas',
        subtitle: undefined,
        abstract: 'Short.',
        description: 'Long.',
        track: 'Infrastructure',
        type: 'Talk',
        language: 'en',
        room: 'Stage',
        start: new Date('2024-08-01T08:00:00Z'),
        end: new Date('2024-08-01T08:45:00Z'),
        doNotRecord: undefined,
        persons: [
          { name: 'Amaru Quispe', role: 'speaker' },
          { name: 'Lena Schmidt', role: 'speaker' },
        ],
      },
    ]);
  });

  it('refuses what is not a schedule, with typed errors', () => {
    failsWith('import_invalid_json', () => parseC3vocSchedule('{"schedule": '));
    failsWith('import_not_schedule', () => parseC3vocSchedule('{"people": []}'));
    failsWith('import_not_schedule', () => parseC3vocSchedule('[1, 2, 3]'));
    failsWith('import_not_schedule', () => parseC3vocSchedule('null'));
    const untitled = failsWith('import_invalid_schedule', () =>
      parseC3vocSchedule(pretalxLike([{ ...talk, title: undefined }])),
    );
    expect(untitled.detail).toContain('title');
    failsWith('import_invalid_schedule', () =>
      parseC3vocSchedule(pretalxLike([{ ...talk, persons: 'Amaru' }])),
    );
    failsWith('import_bad_time', () =>
      parseC3vocSchedule(pretalxLike([{ ...talk, date: '2024-08-01T25:00:00+02:00' }])),
    );
    failsWith('import_bad_time', () =>
      parseC3vocSchedule(pretalxLike([{ ...talk, duration: 'long' }])),
    );
    failsWith('import_too_large', () => parseC3vocSchedule(' '.repeat(5 * 1024 * 1024 + 1)));
  });

  it('refuses more sessions than the limit', () => {
    const many = Array.from({ length: MAX_IMPORT_SESSIONS + 1 }, () => ({
      date: talk.date,
      duration: '00:10',
      title: 't',
    }));
    failsWith('import_too_many_sessions', () => parseC3vocSchedule(pretalxLike(many)));
    expect(parseC3vocSchedule(pretalxLike(many.slice(1))).sessions).toHaveLength(
      MAX_IMPORT_SESSIONS,
    );
  });
});
