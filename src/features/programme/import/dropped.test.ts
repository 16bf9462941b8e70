/**
 * The preview says what an import will not keep (by the file's field name and count) instead of
 * "0 problems", and warns when the file's time zone is not the event's, with the choice to adopt
 * the file's zone.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative, buildMember, signedInAgent } from '../../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Initiative } from '../../../core/initiatives/schema';
import { events } from '../schema';
import { applyImport } from './apply-import';
import { parseC3vocSchedule } from './parse-c3voc';
import { parseFrabSchedule } from './parse-frab';
import { previewImport } from './preview-import';

/** A frab file of a conference in Berlin, with parts Convoca has no place for. */
const frab = `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <generator name="pretalx"/>
  <version>1</version>
  <conference>
    <acronym>camp</acronym><title>Camp</title>
    <start>2018-10-25</start><end>2018-10-25</end><days>1</days>
    <timeslot_duration>00:05</timeslot_duration>
    <time_zone_name>Europe/Berlin</time_zone_name>
    <venue>Messe Berlin</venue>
    <day_change>04:00</day_change>
    <track name="Policy" color="#ff0000"/>
    <track name="Tech" color="#00ff00"/>
  </conference>
  <day index="1" date="2018-10-25" start="2018-10-25T09:00:00+02:00" end="2018-10-25T18:00:00+02:00">
    <room name="Saal 1">
      <event id="1" guid="11111111-1111-4111-8111-111111111111">
        <date>2018-10-25T16:30:00+02:00</date><start>16:30</start><duration>00:30</duration>
        <room>Saal 1</room><title>Eins</title><type>Fireside chat</type><track>Policy</track>
        <logo>https://example.org/logo.png</logo>
        <persons><person id="7" guid="22222222-2222-4222-8222-222222222222">Ana</person></persons>
        <recording><license>CC BY 4.0</license><optout>false</optout></recording>
      </event>
      <event id="2" guid="33333333-3333-4333-8333-333333333333">
        <date>2018-10-25T17:00:00+02:00</date><start>17:00</start><duration>00:30</duration>
        <room>Saal 1</room><title>Zwei</title><type>Talk</type><track>Tech</track>
        <persons/>
        <recording><license>CC BY 4.0</license><optout>false</optout></recording>
      </event>
    </room>
  </day>
</schedule>`;

const c3voc = JSON.stringify({
  schedule: {
    version: '1',
    conference: {
      title: 'Camp',
      time_zone_name: 'America/Guatemala',
      colors: { primary: '#000000' },
      tracks: [{ name: 'Policy', color: '#ff0000' }],
      rooms: [{ name: 'Stage', guid: '44444444-4444-4444-8444-444444444444', capacity: 300 }],
      days: [
        {
          index: 1,
          date: '2018-10-25',
          rooms: {
            Stage: [
              {
                guid: '55555555-5555-4555-8555-555555555555',
                date: '2018-10-25T09:00:00-06:00',
                duration: '00:45',
                title: 'Uno',
                type: 'Talk',
                do_not_stream: true,
                persons: [
                  { name: 'Ana', biography: 'Long bio', avatar: 'https://example.org/a.jpg' },
                  { name: 'Beto', biography: '' },
                ],
              },
            ],
          },
        },
      ],
    },
  },
});

let t: TestApp;
let initiative: Initiative;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
});
afterAll(() => t.close());

async function freshEvent() {
  const edition = await buildEdition(t.db, { initiative });
  return { edition, event: await buildEvent(t.db, { edition }) };
}

describe('the preview of an import', () => {
  it('lists, by the file field and count, what a frab file holds that will not be kept', async () => {
    const { event } = await freshEvent();
    const report = await previewImport({
      db: t.db,
      eventId: event.id,
      programme: parseFrabSchedule(frab),
    });
    expect(report.dropped).toEqual(
      expect.arrayContaining([
        { kind: 'conference.venue', count: 1 },
        { kind: 'conference.day_change', count: 1 },
        { kind: 'conference.track', count: 2 },
        { kind: 'event.logo', count: 1 },
        { kind: 'recording.license', count: 2 },
        { kind: 'person.guid', count: 1 },
        { kind: 'type: Fireside chat → other', count: 1 },
      ]),
    );
    expect(report.dropped).toHaveLength(7);
  });

  it('lists the same for a c3voc file (empty values are not counted)', async () => {
    const { event } = await freshEvent();
    const report = await previewImport({
      db: t.db,
      eventId: event.id,
      programme: parseC3vocSchedule(c3voc),
    });
    expect(report.dropped).toEqual([
      { kind: 'conference.colors', count: 1 },
      { kind: 'conference.tracks', count: 1 },
      { kind: 'room.capacity', count: 1 },
      { kind: 'event.do_not_stream', count: 1 },
      { kind: 'person.biography', count: 1 },
      { kind: 'person.avatar', count: 1 },
    ]);
    expect(report.fileTimeZone).toBeNull();
    expect(report.problems.map((p) => p.code)).not.toContain('zone_differs');
  });

  it("warns when the file's zone is not the event's, and adopts the file's zone when asked", async () => {
    const { event } = await freshEvent();
    const programme = parseFrabSchedule(frab);
    const report = await previewImport({ db: t.db, eventId: event.id, programme });
    expect(report.fileTimeZone).toBe('Europe/Berlin');
    expect(report.problems).toContainEqual({
      severity: 'warning',
      code: 'zone_differs',
      detail: 'Europe/Berlin ≠ America/Guatemala',
    });
    await applyImport({ db: t.db, eventId: event.id, programme, adoptTimeZone: true });
    const [saved] = await t.db.select().from(events).where(eq(events.id, event.id));
    expect(saved!.timeZone).toBe('Europe/Berlin');

    const other = await freshEvent();
    await applyImport({ db: t.db, eventId: other.event.id, programme });
    const [kept] = await t.db.select().from(events).where(eq(events.id, other.event.id));
    expect(kept!.timeZone).toBe('America/Guatemala');
  });
});

describe('the import pages', () => {
  it('show what will not be kept and offer the file zone, which the apply form adopts', async () => {
    const { edition, event } = await freshEvent();
    const agent = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'organiser' }),
    );
    const path = `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}`;
    await agent.get(`${path}/import`);
    const form = new FormData();
    form.set('_csrf', agent.csrfToken());
    form.set('file', new File([frab], 'camp.xml'));
    const uploaded = await agent.request(`${path}/import`, { method: 'POST', body: form });
    expect(uploaded.status).toBe(303);
    const preview = uploaded.headers.get('location')!;
    const html = await (await agent.get(`${preview}?lang=en`)).text();
    expect(html).toContain('What will not be kept');
    expect(html).toContain('<code>conference.venue</code> × 1');
    expect(html).toContain('<code>recording.license</code> × 2');
    expect(html).toContain('The file&#39;s time zone is not the event&#39;s');
    expect(html).toContain('name="adoptZone"');
    expect((await agent.post(`${preview}/apply`, { adoptZone: '1' })).status).toBe(303);
    const [saved] = await t.db.select().from(events).where(eq(events.id, event.id));
    expect(saved!.timeZone).toBe('Europe/Berlin');
  });
});
