/**
 * An imported schedule's identifiers (session GUIDs, integer ids, slugs, URLs, room GUIDs) and
 * links are kept by the import and written again by both exports, so a schedule that goes
 * through Convoca and back keeps its identity in the apps that follow it.
 */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditionEvent } from '../../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { publishEvent } from '../publishing/publish-event';
import { programmeOf } from '../queries';
import { applyImport } from './apply-import';
import { parseC3vocSchedule } from './parse-c3voc';
import { parseFrabSchedule } from './parse-frab';

const xsd = readFileSync(
  new URL('../../../../tests/formats/frab-schedule.xsd', import.meta.url),
  'utf8',
);

const ROOM_GUID = '0c7e2b7a-1111-4c6e-9a8f-0b1c2d3e4f50';
const GUIDS = ['6a1c6a2e-5b4f-4e3a-9c7d-1a2b3c4d5e61', '7b2d7b3f-6c50-4f4b-8d8e-2b3c4d5e6f72'];

/** A frab schedule of another system (pretalx-like), inside the factory event's day. */
const file = `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <generator name="pretalx" version="2024.1"/>
  <version>3</version>
  <conference>
    <acronym>otherconf</acronym>
    <title>Other conference</title>
    <start>2018-10-25</start><end>2018-10-25</end><days>1</days>
    <timeslot_duration>00:05</timeslot_duration>
    <time_zone_name>America/Guatemala</time_zone_name>
  </conference>
  <day index="1" date="2018-10-25" start="2018-10-25T09:00:00-06:00" end="2018-10-25T12:00:00-06:00">
    <room name="Sala Maya" guid="${ROOM_GUID}">
      <event id="4101" guid="${GUIDS[0]}">
        <date>2018-10-25T09:00:00-06:00</date><start>09:00</start><duration>01:00</duration>
        <room>Sala Maya</room>
        <slug>otherconf-4101-apertura</slug>
        <url>https://pretalx.example.org/otherconf/talk/ABCDEF/</url>
        <title>Apertura</title><type>Talk</type><language>es</language><track>Plenaria</track>
        <abstract>Resumen</abstract>
        <persons><person id="1" guid="2b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9">Ana Pérez</person></persons>
        <links>
          <link href="https://example.org/slides.pdf">Diapositivas</link>
          <link href="javascript:alert(1)">Not kept</link>
        </links>
        <attachments><attachment href="https://example.org/paper.pdf">Paper</attachment></attachments>
        <feedback_url>https://pretalx.example.org/otherconf/talk/ABCDEF/feedback/</feedback_url>
      </event>
      <event id="4102" guid="${GUIDS[1]}">
        <date>2018-10-25T10:30:00-06:00</date><start>10:30</start><duration>00:45</duration>
        <room>Sala Maya</room>
        <slug>otherconf-4102-privacy</slug>
        <title>Privacy by design</title><type>Workshop</type><language>en</language><track>Privacidad</track>
        <abstract>In English.</abstract>
        <persons/>
      </event>
    </room>
  </day>
</schedule>`;

let t: TestApp;
let slug: string;
let eventId: string;
beforeAll(async () => {
  t = await createTestApp();
  const { edition, event } = await buildEditionEvent(t.db);
  slug = edition.slug;
  eventId = event.id;
  await applyImport({ db: t.db, eventId, programme: parseFrabSchedule(file) });
  await publishEvent({ db: t.db, eventId, userId: null });
});
afterAll(() => t.close());

describe('identifiers and links of an imported schedule', () => {
  it('are kept on the sessions and rooms', async () => {
    const sessions = await programmeOf(t.db, [eventId]);
    expect(sessions.map((s) => [s.guid, s.sourceId, s.slug, s.url])).toEqual([
      [
        GUIDS[0],
        4101,
        'otherconf-4101-apertura',
        'https://pretalx.example.org/otherconf/talk/ABCDEF/',
      ],
      [GUIDS[1], 4102, 'otherconf-4102-privacy', null],
    ]);
    expect(sessions[0]!.room?.guid).toBe(ROOM_GUID);
    expect(sessions[0]!.links).toEqual([
      { url: 'https://example.org/slides.pdf', title: 'Diapositivas', kind: 'link' },
      { url: 'https://example.org/paper.pdf', title: 'Paper', kind: 'attachment' },
      {
        url: 'https://pretalx.example.org/otherconf/talk/ABCDEF/feedback/',
        title: 'https://pretalx.example.org/otherconf/talk/ABCDEF/feedback/',
        kind: 'feedback',
      },
    ]);
  });

  it('uses the file language for each session: an English session gets its English title', async () => {
    const [, english] = await programmeOf(t.db, [eventId]);
    expect(english!.language).toBe('en');
    expect(english!.titleEn).toBe('Privacy by design');
    expect(english!.descriptionEn).toBe('In English.');
  });

  it('are written again by the frab XML (valid against the XSD) and the c3voc JSON', async () => {
    const xml = await (await t.app.request(`/e/${slug}/schedule.xml`)).text();
    const result = await validateXML({
      xml: [{ fileName: 'schedule.xml', contents: xml }],
      schema: [{ fileName: 'schema.xsd', contents: xsd }],
    });
    expect(result.errors).toEqual([]);
    const json = await (await t.app.request(`/e/${slug}/schedule.json`)).text();
    for (const programme of [parseFrabSchedule(xml), parseC3vocSchedule(json)]) {
      expect(programme.rooms.find((r) => r.name === 'Sala Maya')?.guid).toBe(ROOM_GUID);
      expect(programme.sessions.map((s) => [s.guid, s.id, s.slug, s.url])).toEqual([
        [
          GUIDS[0],
          4101,
          'otherconf-4101-apertura',
          'https://pretalx.example.org/otherconf/talk/ABCDEF/',
        ],
        [GUIDS[1], 4102, 'otherconf-4102-privacy', expect.stringContaining(`/e/${slug}/sessions/`)],
      ]);
      expect(programme.sessions[0]!.links?.map((l) => [l.kind, l.url, l.title])).toEqual([
        ['link', 'https://example.org/slides.pdf', 'Diapositivas'],
        ['attachment', 'https://example.org/paper.pdf', 'Paper'],
        [
          'feedback',
          'https://pretalx.example.org/otherconf/talk/ABCDEF/feedback/',
          'https://pretalx.example.org/otherconf/talk/ABCDEF/feedback/',
        ],
      ]);
    }
  });
});
