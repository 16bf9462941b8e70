import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../demo/load-demo';
import { openTestDatabase } from '../../../../tests/support/test-database';
import type { Db } from '../../../db/client';
import { buildC3vocSchedule } from '../exports/c3voc';
import { frabXml } from '../exports/frab';
import { findEdition } from '../queries';
import { parseC3vocSchedule } from './parse-c3voc';
import { parseFrabSchedule } from './parse-frab';
import { InputError } from '../../../http/input-error';
import { importErrorCode, MAX_IMPORT_SESSIONS, type ImportErrorCode } from './types';

const fixture = readFileSync(new URL('./fixtures/small-frab.xml', import.meta.url), 'utf8');
const xsd = readFileSync(
  new URL('../../../../tests/formats/frab-schedule.xsd', import.meta.url),
  'utf8',
);

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

/** A one-event schedule with `event` as the event's inner XML. */
function withEvent(event: string, zone = '<time_zone_name>Europe/Berlin</time_zone_name>') {
  return `<?xml version="1.0"?><schedule><version>1</version><conference><title>T</title>${zone}</conference>
<day index="1" date="2024-03-09" start="2024-03-09T09:00:00+01:00" end="2024-03-09T18:00:00+01:00">
<room name="Saal 1"><event id="1" guid="8d1c6a2e-5b4f-4e3a-9c7d-1a2b3c4d5e61">${event}</event></room></day></schedule>`;
}

describe('frab schedule.xml import', () => {
  it('reads a hand-written frab file (which the official XSD accepts)', async () => {
    const check = await validateXML({
      xml: [{ fileName: 'small-frab.xml', contents: fixture }],
      schema: [{ fileName: 'schema.xsd', contents: xsd }],
    });
    expect(check.errors).toEqual([]);
    const programme = parseFrabSchedule(fixture);
    expect(programme).toMatchObject({
      format: 'frab',
      generator: 'frab',
      title: 'Netz & Gesellschaft Camp 2024',
      timeZone: 'Europe/Berlin',
      rooms: [
        { name: 'Saal 1', guid: '3f0e7c5a-1d2b-4c6e-9a8f-0b1c2d3e4f50' },
        { name: 'Werkstatt' },
      ],
    });
    expect(
      programme.sessions.map((s) => [
        s.title,
        s.room,
        s.type,
        s.start.toISOString(),
        s.end.toISOString(),
      ]),
    ).toEqual([
      ['Eröffnung', 'Saal 1', 'Opening', '2024-03-09T08:00:00.000Z', '2024-03-09T08:30:00.000Z'],
      [
        'Open standards for public money',
        'Saal 1',
        'lecture',
        '2024-03-09T09:00:00.000Z',
        '2024-03-09T10:15:00.000Z',
      ],
      [
        'Hands-on: self-hosting mail',
        'Werkstatt',
        'workshop',
        '2024-03-09T13:00:00.000Z',
        '2024-03-09T15:00:00.000Z',
      ],
      ['Lunch', 'Saal 1', 'break', '2024-03-10T11:00:00.000Z', '2024-03-10T12:00:00.000Z'],
    ]);
    const [opening, standards, handsOn] = programme.sessions;
    expect(opening).toMatchObject({
      guid: '8d1c6a2e-5b4f-4e3a-9c7d-1a2b3c4d5e61',
      abstract: 'Begrüßung <und> Ablauf',
      subtitle: undefined,
      description: undefined,
      track: 'Plenum',
      language: 'de',
      persons: [{ name: 'Jürgen Müller', role: 'speaker' }],
    });
    expect(standards!.persons).toEqual([
      { name: 'Ana Pérez', role: 'speaker' },
      { name: 'Kwame Mensah', role: 'speaker' },
    ]);
    expect(standards!.doNotRecord).toBe(true);
    expect(handsOn!.persons).toEqual([]);
  });

  it('reads our own frab export of the demo as the JSON export reads, but without roles', async () => {
    const edition = (await findEdition(db, 'igf-guatemala-2018'))!;
    const json = await buildC3vocSchedule(db, { edition, baseUrl: 'https://forum.example.org' });
    const fromXml = parseFrabSchedule(frabXml(json));
    const fromJson = parseC3vocSchedule(JSON.stringify(json));
    expect(fromXml.generator).toBe('Convoca');
    expect(fromXml.timeZone).toBe('America/Guatemala');
    expect(fromXml.rooms).toEqual(fromJson.rooms);
    expect(fromXml.sessions.length).toBeGreaterThan(10);
    const shape = (p: typeof fromXml) =>
      p.sessions.map((s) => ({
        guid: s.guid,
        title: s.title,
        subtitle: s.subtitle,
        abstract: s.abstract,
        description: s.description,
        track: s.track,
        type: s.type,
        language: s.language,
        room: s.room,
        start: s.start,
        end: s.end,
        names: [...new Set(s.persons.map((x) => x.name))],
      }));
    expect(shape(fromXml)).toEqual(shape(fromJson));
    expect(fromXml.sessions.flatMap((s) => s.persons).every((p) => p.role === 'speaker')).toBe(
      true,
    );
  });

  it('uses the day and start in the conference zone when the date has no time', () => {
    const programme = parseFrabSchedule(
      withEvent(
        '<title>Late</title><date>2024-03-09</date><start>19:30</start><duration>00:30</duration>',
      ),
    );
    expect(programme.sessions[0]!.start.toISOString()).toBe('2024-03-09T18:30:00.000Z');
    const noDate = parseFrabSchedule(
      withEvent('<title>Early</title><start>08:00</start><duration>1:00</duration>'),
    );
    expect(noDate.sessions[0]!.end.toISOString()).toBe('2024-03-09T08:00:00.000Z');
  });

  it('refuses broken or foreign documents with typed errors', () => {
    failsWith('import_invalid_xml', () => parseFrabSchedule('<schedule><conference></schedule>'));
    failsWith('import_invalid_xml', () => parseFrabSchedule('schedule, please'));
    const entities = failsWith('import_invalid_xml', () =>
      parseFrabSchedule(
        '<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><schedule><conference><title>&b;</title></conference></schedule>',
      ),
    );
    expect(entities.detail).toBe('DOCTYPE');
    failsWith('import_not_schedule', () => parseFrabSchedule('<html><body>hello</body></html>'));
    failsWith('import_not_schedule', () =>
      parseFrabSchedule('<schedule><version>1</version></schedule>'),
    );
    const untitled = failsWith('import_invalid_schedule', () =>
      parseFrabSchedule(
        withEvent('<title/><date>2024-03-09T10:00:00+01:00</date><duration>00:30</duration>'),
      ),
    );
    expect(untitled.detail).toContain('title');
    failsWith('import_bad_time', () =>
      parseFrabSchedule(
        withEvent('<title>No duration</title><date>2024-03-09T10:00:00+01:00</date>'),
      ),
    );
    failsWith('import_bad_time', () =>
      parseFrabSchedule(
        withEvent('<title>No zone</title><start>10:00</start><duration>00:30</duration>', ''),
      ),
    );
    failsWith('import_too_large', () =>
      parseFrabSchedule(`<schedule>${' '.repeat(5 * 1024 * 1024)}</schedule>`),
    );
    const events =
      '<event id="1" guid="8d1c6a2e-5b4f-4e3a-9c7d-1a2b3c4d5e61"><title>x</title></event>'.repeat(
        MAX_IMPORT_SESSIONS + 1,
      );
    failsWith('import_too_many_sessions', () =>
      parseFrabSchedule(
        `<schedule><conference/><day index="1"><room name="A">${events}</room></day></schedule>`,
      ),
    );
  });
});
