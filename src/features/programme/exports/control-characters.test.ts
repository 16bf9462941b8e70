import { eq } from 'drizzle-orm';
import { validateXML } from 'xmllint-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../../../../tests/support/factories';
import {
  buildEdition,
  buildEvent,
  buildRoom,
  buildSession,
} from '../../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Edition } from '../schema';
import { editions, programmeSessions, rooms } from '../schema';
import { publishEvent } from '../publishing/publish-event';

/** Every C0 control PostgreSQL can store (it refuses NUL), plus tab, newline and return. */
const EVERY_CONTROL = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('');
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

let t: TestApp;
let edition: Edition;
beforeAll(async () => {
  t = await createTestApp();
  const initiative = await buildInitiative(t.db);
  edition = await buildEdition(t.db, { initiative });
  const event = await buildEvent(t.db, { edition });
  const roomId = await buildRoom(t.db, { event, name: 'Sala' });
  const sessionId = await buildSession(t.db, { initiative, event, roomId });
  // Stored straight in the tables, as an old version or another tool could have left them.
  await t.db
    .update(programmeSessions)
    .set({
      titleEs: `Título${EVERY_CONTROL}fin`,
      titleEn: `Title${EVERY_CONTROL}end\uFFFE`,
      descriptionEs: `Descripción${EVERY_CONTROL}`,
      descriptionEn: `Description${EVERY_CONTROL}`,
    })
    .where(eq(programmeSessions.id, sessionId));
  await t.db
    .update(rooms)
    .set({ name: `Sala${EVERY_CONTROL}` })
    .where(eq(rooms.id, roomId));
  await t.db
    .update(editions)
    .set({ name: `Edición${EVERY_CONTROL}` })
    .where(eq(editions.id, edition.id));
  await publishEvent({ db: t.db, eventId: event.id, userId: null });
});
afterAll(() => t.close());

describe('exports stay well-formed whatever was stored', () => {
  it('schedule.xml is well-formed XML without control characters', async () => {
    const res = await t.app.request(`/e/${edition.slug}/schedule.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).not.toMatch(FORBIDDEN);
    // Tab and newline stay; a carriage return is written as a reference, so it survives a round trip.
    expect(xml).toMatch(/Título(\s|&#13;)*fin/);
    const result = await validateXML({
      xml: [{ fileName: 'schedule.xml', contents: xml }],
      schema: [
        {
          fileName: 'any.xsd',
          contents:
            '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="schedule"><xs:complexType><xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element></xs:schema>',
        },
      ],
    });
    expect(result.errors).toEqual([]);
  });

  it('schedule.json carries no control characters, even escaped', async () => {
    const text = await (await t.app.request(`/e/${edition.slug}/schedule.json`)).text();
    expect(text).not.toMatch(/\\u000[0-8bcef]|\\u001[0-9a-f]|\\[bf]/i);
    const json = JSON.parse(text);
    expect(JSON.stringify(json)).toMatch(/Título(\\[tnr])*fin/);
  });

  it.each(['es', 'en'])(
    'programme.ics (%s) has only CRLF line ends and no control characters',
    async (lang) => {
      const ics = await (
        await t.app.request(`/e/${edition.slug}/programme.ics?lang=${lang}`)
      ).text();
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).not.toMatch(FORBIDDEN);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    },
  );
});
