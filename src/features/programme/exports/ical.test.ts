import ICAL from 'ical.js';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../demo/load-demo';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { readSnapshot } from '../publishing/snapshot';
import { editions, events, programmeVersions } from '../schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemo(t.db);
});
afterAll(() => t.close());

/**
 * The ids of the sessions the edition's public events published last, read from the stored
 * versions themselves (not from the code under test), so the calendar is checked against data.
 */
async function publishedSessionIds(slug: string): Promise<string[]> {
  const rows = await t.db
    .select({ eventId: events.id })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(
      and(eq(editions.slug, slug), eq(events.published, true), eq(events.visibility, 'public')),
    );
  const ids: string[] = [];
  for (const { eventId } of rows) {
    const [last] = await t.db
      .select({ snapshot: programmeVersions.snapshot })
      .from(programmeVersions)
      .where(eq(programmeVersions.eventId, eventId))
      .orderBy(desc(programmeVersions.number))
      .limit(1);
    if (last) ids.push(...readSnapshot(last.snapshot).sessions.map((s) => s.id));
  }
  return ids.sort();
}

describe('iCalendar export', () => {
  it('parses as RFC 5545 with the event zone, stable UIDs and the right instants', async () => {
    const res = await t.app.request('/e/igf-guatemala-2018/programme.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('America/Guatemala');
    const vevents = calendar.getAllSubcomponents('vevent');
    const expected = await publishedSessionIds('igf-guatemala-2018');
    expect(expected.length).toBeGreaterThan(0);
    const uids = vevents.map((v) => String(v.getFirstPropertyValue('uid')).split('@')[0]).sort();
    expect(uids).toEqual(expected);
    ICAL.TimezoneService.register(zone!);
    const panel = vevents
      .map((v) => new ICAL.Event(v))
      .find((e) => e.summary === 'Defensa del principio de neutralidad de la red')!;
    expect(panel.startDate.zone?.tzid).toBe('America/Guatemala');
    expect(panel.startDate.toJSDate().toISOString()).toBe('2018-10-25T16:30:00.000Z');
    expect(panel.location).toBe('Aula Seminario');
    expect(text).toContain('DTSTART;TZID=America/Guatemala:20181025T103000');
    const again = await (await t.app.request('/e/igf-guatemala-2018/programme.ics')).text();
    expect(
      new ICAL.Event(new ICAL.Component(ICAL.parse(again)).getAllSubcomponents('vevent')[7]!).uid,
    ).toBe(new ICAL.Event(vevents[7]!).uid);
  });

  it('exports one session, in English when asked', async () => {
    const programme = await (await t.app.request('/e/igf-guatemala-2018/programme')).text();
    const id = /\/sessions\/([0-9a-f-]{36})">Defensa del principio/.exec(programme)![1];
    const text = await (
      await t.app.request(`/e/igf-guatemala-2018/programme.ics?session=${id}&lang=en`)
    ).text();
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    expect(new ICAL.Event(vevents[0]!).summary).toBe(
      'Defense of the Network Neutrality Principles',
    );
    expect(
      (
        await t.app.request(
          '/e/igf-guatemala-2018/programme.ics?session=00000000-0000-0000-0000-000000000000',
        )
      ).status,
    ).toBe(404);
  });
});
