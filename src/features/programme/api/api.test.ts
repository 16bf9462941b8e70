import { eq } from 'drizzle-orm';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  buildInitiative,
  buildMember,
  buildUser,
  signedInAgent,
} from '../../../../tests/support/factories';
import { buildInstitution, buildPerson } from '../../../../tests/support/network-factories';
import {
  buildEdition,
  buildEvent,
  buildRoom,
  buildSession,
} from '../../../../tests/support/programme-factories';
import { apiCall } from '../../../../tests/support/api-call';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { User } from '../../../core/accounts/schema';
import { auditLog } from '../../../core/audit/schema';
import type { Initiative } from '../../../core/initiatives/schema';
import type { Edition, ProgrammeEvent } from '../schema';

let t: TestApp;
let a: Initiative;
let b: Initiative;
let organiser: User;
let otherCoordinator: User;
let edition: Edition;
let editionB: Edition;
let event: ProgrammeEvent;
let roomId: string;
let sessionId: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  b = await buildInitiative(t.db);
  organiser = await buildMember(t.db, { initiative: a, role: 'organiser' });
  otherCoordinator = await buildMember(t.db, { initiative: b, role: 'coordinator' });
  edition = await buildEdition(t.db, { initiative: a });
  editionB = await buildEdition(t.db, { initiative: b });
  event = await buildEvent(t.db, { edition });
  roomId = await buildRoom(t.db, { event, name: 'Aula Magna', capacity: 200 });
  sessionId = await buildSession(t.db, { initiative: a, event, roomId, titleEs: 'Bienvenida' });
});
afterAll(() => t.close());

const base = (slug: string, editionSlug: string) =>
  `/api/v1/initiatives/${slug}/editions/${editionSlug}`;
const eventPath = () => `${base(a.slug, edition.slug)}/events/${event.id}`;
/**
 * A's edition or event asked for through initiative B, where the caller does organise: the
 * edition under B's slug, and A's event under B's own edition. Neither may be found.
 */
const throughB = (path: string) => {
  const ofA = base(a.slug, edition.slug);
  const paths = [path.replace(ofA, base(b.slug, edition.slug))];
  if (path.startsWith(`${ofA}/events/`)) paths.push(path.replace(ofA, base(b.slug, editionB.slug)));
  return paths;
};

const sessionBody = (o: Record<string, unknown> = {}) => ({
  kind: 'panel',
  titleEs: 'Acceso universal',
  startsAt: '2018-10-25T11:00:00-06:00',
  endsAt: '2018-10-25T12:00:00-06:00',
  ...o,
});
const eventBody = (o: Record<string, unknown> = {}) => ({
  kind: 'workshop',
  titleEs: 'Taller de ciberseguridad',
  timeZone: 'America/Guatemala',
  startsAt: '2018-10-26T09:00:00-06:00',
  endsAt: '2018-10-26T13:00:00-06:00',
  ...o,
});
const roomBody = {
  name: 'Sala 2',
  capacity: 40,
  availability: [{ startsAt: '2018-10-25T08:00:00-06:00', endsAt: '2018-10-25T12:00:00-06:00' }],
};

describe('programme API: description', () => {
  it('is part of a valid OpenAPI 3.1 document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/initiatives/{slug}/editions',
        '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/sessions/{session}',
        '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/publish',
      ]),
    );
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('programme API: who may read', () => {
  const reads: [string, () => string][] = [
    ['editions', () => `/api/v1/initiatives/${a.slug}/editions`],
    ['edition', () => base(a.slug, edition.slug)],
    ['event', eventPath],
    ['sessions', () => `${eventPath()}/sessions`],
    ['warnings', () => `${eventPath()}/warnings`],
    ['versions', () => `${eventPath()}/versions`],
  ];

  it.each(reads)(
    '%s: 200 with programme:read, 403 without the scope, 401 without a token',
    async (_n, path) => {
      expect((await apiCall(t, organiser, ['programme:read'], path())).status).toBe(200);
      expect(
        (await apiCall(t, organiser, ['programme:write', 'network:read'], path())).status,
      ).toBe(403);
      expect((await t.app.request(path())).status).toBe(401);
    },
  );

  it.each(reads)(
    '%s: 403 for another initiative’s coordinator, 404 through their own',
    async (name, path) => {
      expect((await apiCall(t, otherCoordinator, ['programme:read'], path())).status).toBe(403);
      if (name === 'editions') return;
      for (const hidden of throughB(path())) {
        expect((await apiCall(t, otherCoordinator, ['programme:read'], hidden)).status).toBe(404);
      }
    },
  );

  it('refuses volunteers of the initiative', async () => {
    const volunteer = await buildMember(t.db, { initiative: a, role: 'volunteer' });
    expect((await apiCall(t, volunteer, ['programme:read'], eventPath())).status).toBe(403);
  });

  it('lists editions, an edition with its draft events, and an event with rooms', async () => {
    const list = await (
      await apiCall(t, organiser, ['programme:read'], `/api/v1/initiatives/${a.slug}/editions`)
    ).json();
    expect(list.map((e: { slug: string }) => e.slug)).toEqual([edition.slug]);
    const one = await (
      await apiCall(t, organiser, ['programme:read'], base(a.slug, edition.slug))
    ).json();
    expect(one.events).toEqual([
      expect.objectContaining({ id: event.id, published: false, timeZone: 'America/Guatemala' }),
    ]);
    const detail = await (await apiCall(t, organiser, ['programme:read'], eventPath())).json();
    expect(detail.venue.name).toBe('Campus');
    expect(detail.rooms).toEqual([
      {
        id: roomId,
        name: 'Aula Magna',
        capacity: 200,
        accessibility: null,
        streamUrl: null,
        availability: [],
      },
    ]);
    const sessions = await (
      await apiCall(t, organiser, ['programme:read'], `${eventPath()}/sessions`)
    ).json();
    expect(sessions).toEqual([
      expect.objectContaining({
        id: sessionId,
        titleEs: 'Bienvenida',
        room: { id: roomId, name: 'Aula Magna' },
        startsAt: '2018-10-25T15:00:00.000Z',
      }),
    ]);
  });
});

describe('programme API: who may write', () => {
  const writes: [string, string, () => string, () => unknown][] = [
    [
      'create edition',
      'POST',
      () => `/api/v1/initiatives/${a.slug}/editions`,
      () => ({ name: 'X', slug: 'x-denied', year: 2020 }),
    ],
    ['create event', 'POST', () => `${base(a.slug, edition.slug)}/events`, () => eventBody()],
    ['update event', 'PUT', eventPath, () => eventBody()],
    ['create room', 'POST', () => `${eventPath()}/rooms`, () => roomBody],
    ['update room', 'PUT', () => `${eventPath()}/rooms/${roomId}`, () => roomBody],
    ['create session', 'POST', () => `${eventPath()}/sessions`, () => sessionBody()],
    ['update session', 'PUT', () => `${eventPath()}/sessions/${sessionId}`, () => sessionBody()],
    ['delete session', 'DELETE', () => `${eventPath()}/sessions/${sessionId}`, () => undefined],
    ['publish', 'POST', () => `${eventPath()}/publish`, () => undefined],
  ];

  it.each(writes)(
    '%s: 403 with only programme:read, 401 with an unknown token or none',
    async (_n, method, path, payload) => {
      expect(
        (await apiCall(t, organiser, ['programme:read'], path(), method, payload())).status,
      ).toBe(403);
      const body = payload() === undefined ? undefined : JSON.stringify(payload());
      const headers = { 'content-type': 'application/json' };
      const madeUp = await t.app.request(path(), {
        method,
        body,
        headers: { ...headers, authorization: 'Bearer cvk_made-up' },
      });
      expect(madeUp.status).toBe(401);
      expect((await madeUp.json()).error.code).toBe('unauthenticated');
      // Without any token (and no session cookie to abuse) the API itself answers 401.
      const anonymous = await t.app.request(path(), { method, body, headers });
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).error.code).toBe('unauthenticated');
    },
  );

  it.each(writes)(
    '%s: 403 for another initiative’s coordinator, 404 through their own',
    async (name, method, path, payload) => {
      const denied = await apiCall(
        t,
        otherCoordinator,
        ['programme:write'],
        path(),
        method,
        payload(),
      );
      expect(denied.status).toBe(403);
      if (name !== 'create edition') {
        for (const hidden of throughB(path())) {
          const res = await apiCall(
            t,
            otherCoordinator,
            ['programme:write'],
            hidden,
            method,
            payload(),
          );
          expect(res.status).toBe(404);
        }
      }
    },
  );

  it('leaves the programme untouched when writes are refused', async () => {
    const read = (path: string) => apiCall(t, organiser, ['programme:read'], path);
    const state = async () => ({
      editions: await (await read(`/api/v1/initiatives/${a.slug}/editions`)).json(),
      edition: await (await read(base(a.slug, edition.slug))).json(),
      event: await (await read(eventPath())).json(),
      sessions: await (await read(`${eventPath()}/sessions`)).json(),
      versions: await (await read(`${eventPath()}/versions`)).json(),
    });
    const before = await state();
    expect(before.sessions.map((s: { id: string }) => s.id)).toContain(sessionId);
    for (const [name, method, path, payload] of writes) {
      const readOnly = await apiCall(t, organiser, ['programme:read'], path(), method, payload());
      expect(readOnly.status).toBe(403);
      const other = await apiCall(
        t,
        otherCoordinator,
        ['programme:write'],
        path(),
        method,
        payload(),
      );
      expect(other.status).toBe(403);
      if (name === 'create edition') continue;
      for (const hidden of throughB(path())) {
        const res = await apiCall(
          t,
          otherCoordinator,
          ['programme:write'],
          hidden,
          method,
          payload(),
        );
        expect(res.status).toBe(404);
      }
    }
    expect(await state()).toEqual(before);
  });
});

describe('programme API: building and publishing', () => {
  it('creates an edition and refuses a slug already taken, in the caller’s language', async () => {
    const path = `/api/v1/initiatives/${a.slug}/editions`;
    const slug = `api-${a.slug}`.slice(0, 60);
    const created = await apiCall(t, organiser, ['programme:write'], path, 'POST', {
      name: 'IGF API',
      slug,
      year: 2019,
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ slug, year: 2019, travelBufferMinutes: 15 });
    const again = await apiCall(t, organiser, ['programme:write'], `${path}?lang=en`, 'POST', {
      name: 'Other',
      slug,
      year: 2019,
    });
    expect(again.status).toBe(422);
    expect((await again.json()).error.fields.slug).toBe('That address is taken; choose another.');
  });

  it('creates and updates an event, and rooms with availability windows', async () => {
    const created = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `${base(a.slug, edition.slug)}/events`,
      'POST',
      eventBody({ venue: { name: 'Hotel Barceló' } }),
    );
    expect(created.status).toBe(201);
    const ev = await created.json();
    expect(ev).toMatchObject({ kind: 'workshop', venue: { name: 'Hotel Barceló' }, rooms: [] });
    const evPath = `${base(a.slug, edition.slug)}/events/${ev.id}`;
    const updated = await apiCall(
      t,
      organiser,
      ['programme:write'],
      evPath,
      'PUT',
      eventBody({ titleEs: 'Taller renombrado', visibility: 'invitation' }),
    );
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({
      titleEs: 'Taller renombrado',
      visibility: 'invitation',
      venue: { name: 'Hotel Barceló' },
    });

    const room = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `${evPath}/rooms`,
      'POST',
      roomBody,
    );
    expect(room.status).toBe(201);
    const r = await room.json();
    expect(r.availability).toEqual([
      { startsAt: '2018-10-25T14:00:00.000Z', endsAt: '2018-10-25T18:00:00.000Z' },
    ]);
    const changed = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `${evPath}/rooms/${r.id}`,
      'PUT',
      { name: 'Sala Dos', availability: [] },
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      name: 'Sala Dos',
      capacity: null,
      availability: [],
    });
    const badWindow = await apiCall(t, organiser, ['programme:write'], `${evPath}/rooms`, 'POST', {
      name: 'Sala 3',
      availability: [
        { startsAt: '2018-10-25T12:00:00-06:00', endsAt: '2018-10-25T08:00:00-06:00' },
      ],
    });
    expect(badWindow.status).toBe(422);
    expect((await badWindow.json()).error.fields['availability.0.endsAt']).toBe(
      'El fin debe ser posterior al inicio.',
    );
    // A room of another event's venue is not this event's room.
    expect(
      (
        await apiCall(
          t,
          organiser,
          ['programme:write'],
          `${evPath}/rooms/${roomId}`,
          'PUT',
          roomBody,
        )
      ).status,
    ).toBe(404);

    const audited = await t.db.select().from(auditLog).where(eq(auditLog.targetId, ev.id));
    expect(audited.map((e) => e.action).sort()).toEqual(['event.created', 'event.updated']);
  });

  it('answers 422 with a message per field for bad events and sessions', async () => {
    const noVenue = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `${base(a.slug, edition.slug)}/events`,
      'POST',
      eventBody(),
    );
    const bare = await noVenue.json();
    const roomless = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `${base(a.slug, edition.slug)}/events/${bare.id}/rooms`,
      'POST',
      roomBody,
    );
    expect(roomless.status).toBe(422);
    expect((await roomless.json()).error.fields.venue).toContain('lugar del evento');

    const badEvent = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `${base(a.slug, edition.slug)}/events`,
      'POST',
      eventBody({ timeZone: 'Mars/Olympus', endsAt: '2018-10-26T08:00:00-06:00' }),
    );
    expect(badEvent.status).toBe(422);
    expect(Object.keys((await badEvent.json()).error.fields).sort()).toEqual([
      'endsAt',
      'timeZone',
    ]);

    const path = `${eventPath()}/sessions`;
    const backwards = await apiCall(
      t,
      organiser,
      ['programme:write'],
      path,
      'POST',
      sessionBody({ endsAt: '2018-10-25T10:00:00-06:00' }),
    );
    expect(backwards.status).toBe(422);
    expect((await backwards.json()).error.fields.endsAt).toBe(
      'El fin debe ser posterior al inicio.',
    );
    const notIso = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `${path}?lang=en`,
      'POST',
      sessionBody({ startsAt: '25/10/2018 09:00' }),
    );
    expect((await notIso.json()).error.fields.startsAt).toContain('ISO 8601');
    const unknownRoom = await apiCall(
      t,
      organiser,
      ['programme:write'],
      path,
      'POST',
      sessionBody({ roomId: randomUUID() }),
    );
    expect(unknownRoom.status).toBe(422);
    expect((await unknownRoom.json()).error.fields.roomId).toBe(
      'Elige una sala del lugar del evento.',
    );
    const stranger = await buildPerson(t.db, { initiative: b });
    const notOurs = await apiCall(
      t,
      organiser,
      ['programme:write'],
      path,
      'POST',
      sessionBody({ people: [{ personId: stranger.id, role: 'speaker' }] }),
    );
    expect(notOurs.status).toBe(422);
    expect(Object.keys((await notOurs.json()).error.fields)).toEqual(['people']);
    const otherDay = await apiCall(
      t,
      organiser,
      ['programme:write'],
      path,

      'POST',
      sessionBody({ startsAt: '2018-11-25T11:00:00-06:00', endsAt: '2018-11-25T12:00:00-06:00' }),
    );
    expect(otherDay.status).toBe(422);
    expect(Object.keys((await otherDay.json()).error.fields)).toEqual(['startsAt']);
  });

  it('creates, changes and deletes sessions, warns, publishes, and visitors see the result', async () => {
    const speaker = await buildPerson(t.db, {
      initiative: a,
      name: 'Karen Revolorio',
      email: `karen-api-${a.slug}@example.org`,
    });
    const org = await buildInstitution(t.db, { name: 'Universidad Galileo' });
    const path = `${eventPath()}/sessions`;
    const created = await apiCall(
      t,
      organiser,
      ['programme:write'],
      path,

      'POST',
      sessionBody({
        titleEs: 'Inclusión digital rural',
        roomId,
        startsAt: '2018-10-25T09:30:00-06:00',
        endsAt: '2018-10-25T10:30:00-06:00',
        people: [{ personId: speaker.id, role: 'speaker' }],
        institutionIds: [org.id],
      }),
    );
    expect(created.status).toBe(201);
    const s = await created.json();
    expect(s).toMatchObject({
      room: { id: roomId, name: 'Aula Magna' },
      people: [{ personId: speaker.id, name: 'Karen Revolorio', role: 'speaker' }],
      institutions: [{ institutionId: org.id, name: 'Universidad Galileo', acronym: null }],
    });

    const warnings = await (
      await apiCall(t, organiser, ['programme:read'], `${eventPath()}/warnings?lang=en`)
    ).json();
    const clash = warnings.find((w: { code: string }) => w.code === 'room_clash');
    expect(clash.sessionIds.sort()).toEqual([sessionId, s.id].sort());
    expect(clash.message).toContain('Aula Magna');

    const changed = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `${path}/${s.id}`,

      'PUT',
      sessionBody({
        titleEs: 'Inclusión digital rural',
        roomId,
        startsAt: '2018-10-25T10:00:00-06:00',
        endsAt: '2018-10-25T11:00:00-06:00',
        people: [{ personId: speaker.id, role: 'moderator' }],
      }),
    );
    expect(changed.status).toBe(200);
    expect((await changed.json()).people).toEqual([
      { personId: speaker.id, name: 'Karen Revolorio', role: 'moderator' },
    ]);

    const doomed = await (
      await apiCall(
        t,
        organiser,
        ['programme:write'],
        path,
        'POST',
        sessionBody({ titleEs: 'Sesión borrada' }),
      )
    ).json();
    expect(
      (await apiCall(t, organiser, ['programme:write'], `${path}/${doomed.id}`, 'DELETE')).status,
    ).toBe(204);
    expect(
      (await apiCall(t, organiser, ['programme:write'], `${path}/${doomed.id}`, 'DELETE')).status,
    ).toBe(404);
    expect(
      (
        await apiCall(
          t,
          organiser,
          ['programme:write'],
          `${path}/${doomed.id}`,
          'PUT',
          sessionBody(),
        )
      ).status,
    ).toBe(404);

    const published = await apiCall(
      t,
      organiser,
      ['programme:write'],
      `${eventPath()}/publish`,
      'POST',
    );
    expect(published.status).toBe(200);
    const result = await published.json();
    expect(result.number).toBe(1);
    expect(result.notified).toBe(1);
    expect(result.changes.map((c: { titleEs: string }) => c.titleEs).sort()).toEqual([
      'Bienvenida',
      'Inclusión digital rural',
    ]);

    const page = await (await t.app.request(`/e/${edition.slug}/programme`)).text();
    expect(page).toContain('Inclusión digital rural');
    expect(page).toContain('Karen Revolorio');
    expect(page).not.toContain('Sesión borrada');

    const versions = await (
      await apiCall(t, organiser, ['programme:read'], `${eventPath()}/versions`)
    ).json();
    expect(versions).toEqual([expect.objectContaining({ number: 1, changes: result.changes })]);

    const actions = (await t.db.select().from(auditLog)).filter((e) =>
      [s.id, doomed.id, event.id].includes(e.targetId ?? ''),
    );
    expect(actions.map((e) => e.action).sort()).toEqual([
      'programme.published',
      'session.created',
      'session.created',
      'session.deleted',
      'session.updated',
    ]);
  });
});

describe('programme API: token page', () => {
  it('offers the programme scopes with labels in both languages', async () => {
    const user = await buildUser(t.db);
    const agent = await signedInAgent(t, user);
    const es = await (await agent.get('/account/tokens')).text();
    expect(es).toContain('Leer los programas en borrador de mis iniciativas');
    const en = await (await agent.get('/account/tokens?lang=en')).text();
    expect(en).toContain('Create and change events, rooms and sessions, and publish programmes');
  });
});
