import { InputError } from '../../http/input-error';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../../../tests/support/factories';
import {
  buildEdition,
  buildEvent,
  buildRoom,
  buildSession,
} from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { sessionInterests } from '../registration/schema';
import {
  loadAttendance,
  loadMostAttendedSessions,
  mostAttendedSessions,
  peakCount,
  percentOf,
  type SessionAttendance,
} from './attendance';
import { insertRegistration } from './event-day-fixtures';
import { recordRoomCount } from './record-room-count';
import { suggestedMoment } from './routes/room-counts';

const row = (o: Partial<SessionAttendance> & { titleEs: string }): SessionAttendance => ({
  sessionId: o.titleEs,
  eventId: 'e',
  titleEn: null,
  kind: 'panel',
  startsAt: new Date('2018-10-25T16:00:00Z'),
  room: null,
  capacity: null,
  interested: 0,
  counts: {},
  sample: false,
  ...o,
});

describe('attendance arithmetic', () => {
  it('takes the highest of the counts, null when nobody counted', () => {
    expect(peakCount({ start: 40, middle: 85, end: 60 })).toBe(85);
    expect(peakCount({ end: 12 })).toBe(12);
    expect(peakCount({})).toBeNull();
  });

  it('gives whole percentages and nothing for an unknown or empty whole', () => {
    expect(percentOf(84, 120)).toBe(70);
    expect(percentOf(84, null)).toBeNull();
    expect(percentOf(null, 120)).toBeNull();
    expect(percentOf(5, 0)).toBeNull();
  });

  it('ranks the most attended of the asked kinds, leaving out sessions nobody counted', () => {
    const rows = [
      row({ titleEs: 'Apertura', kind: 'opening', counts: { start: 210 } }),
      row({ titleEs: 'Pagos electrónicos', counts: { middle: 30 } }),
      row({ titleEs: 'Protección de datos', counts: { start: 60, middle: 95 } }),
      row({ titleEs: 'Niñez', counts: { middle: 88 } }),
      row({ titleEs: 'Sin contar' }),
      row({
        titleEs: 'Libertad de expresión',
        counts: { end: 88 },
        startsAt: new Date('2018-10-25T19:30:00Z'),
      }),
    ];
    expect(
      mostAttendedSessions(rows, { limit: 3, kinds: ['panel'] }).map((r) => [r.titleEs, r.peak]),
    ).toEqual([
      ['Protección de datos', 95],
      ['Niñez', 88],
      ['Libertad de expresión', 88],
    ]);
    expect(mostAttendedSessions(rows, { limit: 1 })[0]!.titleEs).toBe('Apertura');
  });

  it('suggests the count by the time: start, middle, end', () => {
    const s = {
      startsAt: new Date('2018-10-25T16:00:00Z'),
      endsAt: new Date('2018-10-25T18:00:00Z'),
    };
    expect(suggestedMoment(s, new Date('2018-10-25T15:55:00Z'))).toBe('start');
    expect(suggestedMoment(s, new Date('2018-10-25T17:00:00Z'))).toBe('middle');
    expect(suggestedMoment(s, new Date('2018-10-25T17:50:00Z'))).toBe('end');
  });
});

describe('attendance from the database', () => {
  let t: TestApp;
  let eventId: string;
  let editionId: string;
  let panel: string;
  let other: string;
  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildInitiative(t.db);
    const edition = await buildEdition(t.db, { initiative: a });
    editionId = edition.id;
    const event = await buildEvent(t.db, { edition });
    eventId = event.id;
    const room = await buildRoom(t.db, { event, capacity: 100 });
    panel = await buildSession(t.db, { initiative: a, event, roomId: room, kind: 'panel' });
    other = await buildSession(t.db, {
      initiative: a,
      event,
      kind: 'panel',
      start: '11:00',
      end: '12:00',
    });
    const elsewhere = await buildEvent(t.db, {
      edition: await buildEdition(t.db, { initiative: a }),
    });
    const r1 = await insertRegistration(t.db, { eventId, name: 'Uno' });
    const r2 = await insertRegistration(t.db, { eventId, name: 'Dos' });
    const gone = await insertRegistration(t.db, { eventId, name: 'Tres', status: 'cancelled' });
    await t.db.insert(sessionInterests).values([
      { registrationId: r1.id, sessionId: panel },
      { registrationId: r2.id, sessionId: panel },
      { registrationId: gone.id, sessionId: panel },
    ]);
    await recordRoomCount(t.db, {
      eventId,
      sessionId: panel,
      moment: 'start',
      headcount: 40,
      userId: null,
    });
    await recordRoomCount(t.db, {
      eventId,
      sessionId: panel,
      moment: 'middle',
      headcount: 90,
      userId: null,
    });
    await recordRoomCount(t.db, {
      eventId,
      sessionId: other,
      moment: 'end',
      headcount: 20,
      userId: null,
      sample: true,
    });
    const err = await recordRoomCount(t.db, {
      eventId: elsewhere.id,
      sessionId: panel,
      moment: 'start',
      headcount: 1,
      userId: null,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
  });
  afterAll(() => t.close());

  it('reads counts, capacity and the interest of registrations still holding or waiting', async () => {
    const rows = await loadAttendance(t.db, eventId);
    const p = rows.find((r) => r.sessionId === panel)!;
    expect(p.counts).toEqual({ start: 40, middle: 90 });
    expect(p.capacity).toBe(100);
    expect(p.interested).toBe(2);
    expect(p.sample).toBe(false);
    expect(rows.find((r) => r.sessionId === other)!.sample).toBe(true);
  });

  it('ranks the edition’s most attended sessions for the report', async () => {
    const top = await loadMostAttendedSessions(t.db, { editionId, limit: 3, kinds: ['panel'] });
    expect(top.map((r) => [r.sessionId, r.peak])).toEqual([
      [panel, 90],
      [other, 20],
    ]);
  });

  it('refuses a negative count (the database refuses it too)', async () => {
    await expect(
      recordRoomCount(t.db, {
        eventId,
        sessionId: panel,
        moment: 'end',
        headcount: -1,
        userId: null,
      }),
    ).rejects.toBeInstanceOf(InputError);
  });
});
