import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative, buildMember, buildUser } from '../../../tests/support/factories';
import { buildEdition, buildEvent, buildSession } from '../../../tests/support/programme-factories';
import { apiCall } from '../../../tests/support/api-call';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { User } from '../../core/accounts/schema';
import { addShift } from './add-shift';
import { addVolunteer } from './add-volunteer';
import { giveVolunteerAccess } from './give-volunteer-access';

let t: TestApp;
let organiser: User;
let volunteer: User;
let otherVolunteer: User;
let moderator: User;
let path: string;
let otherPath: string;
let sessionId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildInitiative(t.db);
  const edition = await buildEdition(t.db, { initiative: a });
  const day = `${new Date().getUTCFullYear() + 1}-06-01`;
  const event = await buildEvent(t.db, { edition, day });
  const other = await buildEvent(t.db, { edition, day });
  sessionId = await buildSession(t.db, { initiative: a, event, kind: 'panel', titleEs: 'Niñez' });
  organiser = await buildMember(t.db, { initiative: a, role: 'organiser' });
  moderator = await buildMember(t.db, { initiative: a, role: 'moderator' });
  volunteer = await buildUser(t.db);
  otherVolunteer = await buildUser(t.db);
  for (const [ev, user] of [
    [event, volunteer],
    [other, otherVolunteer],
  ] as const) {
    const v = await addVolunteer(t.db, {
      event: ev,
      initiativeId: a.id,
      input: { name: user.name, email: user.email, institution: 'UNIS', lang: 'es' },
    });
    await giveVolunteerAccess(t.db, { volunteerId: v.id, initiativeId: a.id });
    await addShift(t.db, {
      event: ev,
      volunteerId: v.id,
      input: {
        task: 'desk',
        startsAt: ev.startsAt,
        endsAt: new Date(ev.startsAt.getTime() + 3600_000),
        roomId: null,
        sessionId: null,
        transportRouteId: null,
        note: null,
      },
    });
  }
  path = `/api/v1/initiatives/${a.slug}/editions/${edition.slug}/events/${event.id}`;
  otherPath = `/api/v1/initiatives/${a.slug}/editions/${edition.slug}/events/${other.id}`;
});
afterAll(() => t.close());

describe('room counts API', () => {
  it('lets this event’s volunteer record a count and the organiser read it against capacity', async () => {
    const res = await apiCall(t, volunteer, ['event-day:write'], `${path}/room-counts`, 'POST', {
      sessionId,
      moment: 'start',
      headcount: 55,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      sessionId,
      moment: 'start',
      headcount: 55,
      previous: null,
    });
    const again = await apiCall(t, volunteer, ['event-day:write'], `${path}/room-counts`, 'POST', {
      sessionId,
      moment: 'start',
      headcount: 57,
    });
    expect((await again.json()).previous).toBe(55);
    const list = await apiCall(t, organiser, ['event-day:read'], `${path}/room-counts`);
    expect(list.status).toBe(200);
    const rows = (await list.json()) as { sessionId: string; counts: unknown; peak: number }[];
    expect(rows.find((r) => r.sessionId === sessionId)).toMatchObject({
      counts: { start: 57, middle: null, end: null },
      peak: 57,
    });
  });

  it('refuses another event’s volunteer, a moderator, the wrong scope, and no token', async () => {
    const body = { sessionId, moment: 'end', headcount: 1 };
    expect(
      (await apiCall(t, otherVolunteer, ['event-day:write'], `${path}/room-counts`, 'POST', body))
        .status,
    ).toBe(403);
    expect(
      (await apiCall(t, moderator, ['event-day:write'], `${path}/room-counts`, 'POST', body))
        .status,
    ).toBe(403);
    expect(
      (await apiCall(t, volunteer, ['event-day:read'], `${path}/room-counts`, 'POST', body)).status,
    ).toBe(403);
    expect((await apiCall(t, volunteer, ['event-day:read'], `${path}/room-counts`)).status).toBe(
      403,
    );
    expect((await t.app.request(`${path}/room-counts`)).status).toBe(401);
  });

  it('answers 422 with a message per field, and for a session of another event', async () => {
    const bad = await apiCall(t, organiser, ['event-day:write'], `${path}/room-counts`, 'POST', {
      sessionId,
      moment: 'later',
      headcount: -3,
    });
    expect(bad.status).toBe(422);
    const { error } = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['headcount', 'moment']);
    const wrong = await apiCall(
      t,
      organiser,
      ['event-day:write'],
      `${otherPath}/room-counts`,
      'POST',
      { sessionId, moment: 'end', headcount: 3 },
    );
    expect(wrong.status).toBe(422);
    expect(
      ((await wrong.json()) as { error: { fields: Record<string, string> } }).error.fields
        .sessionId,
    ).toBe('Esa sesión no es de este evento.');
  });
});

describe('volunteer roster API', () => {
  it('gives organisers the roster with shifts, and refuses volunteers', async () => {
    const res = await apiCall(t, organiser, ['event-day:read'], `${path}/volunteers`);
    expect(res.status).toBe(200);
    const roster = (await res.json()) as { name: string; shifts: { task: string }[] }[];
    expect(roster.map((v) => v.name)).toEqual([volunteer.name]);
    expect(roster[0]!.shifts.map((s) => s.task)).toEqual(['desk']);
    expect((await apiCall(t, volunteer, ['event-day:read'], `${path}/volunteers`)).status).toBe(
      403,
    );
  });

  it('is described in a valid OpenAPI document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/room-counts',
        '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/volunteers',
      ]),
    );
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
  });
});
