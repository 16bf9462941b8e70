import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../tests/support/agent';
import {
  buildInitiative,
  buildMember,
  buildUser,
  signedInAgent,
} from '../../../tests/support/factories';
import { buildPerson } from '../../../tests/support/network-factories';
import {
  buildEdition,
  buildEvent,
  buildRoom,
  buildSession,
} from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { User } from '../../core/accounts/schema';
import { auditLog } from '../../core/audit/schema';
import type { Initiative } from '../../core/initiatives/schema';
import { memberships } from '../../core/initiatives/schema';
import { outbox } from '../../core/mail/schema';
import { participations } from '../network/schema';
import type { Edition, ProgrammeEvent } from '../programme/schema';
import { saveRoute } from '../registration/transport/save-route';
import { eventVolunteers, roomCounts, volunteerShifts } from './schema';

let t: TestApp;
let a: Initiative;
let edition: Edition;
let event: ProgrammeEvent;
let other: ProgrammeEvent;
let sessionId: string;
let organiser: Agent;
let volunteerUser: User;
let path: string;
const day = `${new Date().getUTCFullYear() + 1}-03-12`;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  edition = await buildEdition(t.db, { initiative: a });
  event = await buildEvent(t.db, { edition, day });
  other = await buildEvent(t.db, { edition, day });
  const room = await buildRoom(t.db, { event, name: 'Auditorio Ficohsa', capacity: 120 });
  sessionId = await buildSession(t.db, {
    initiative: a,
    event,
    roomId: room,
    kind: 'panel',
    titleEs: 'Protección de datos',
    start: '09:40',
    end: '11:40',
  });
  organiser = await signedInAgent(t, await buildMember(t.db, { initiative: a, role: 'organiser' }));
  volunteerUser = await buildUser(t.db, { name: 'Lucía Pérez', locale: 'en' });
  path = `/i/${a.slug}/editions/${edition.slug}/events/${event.id}`;
});
afterAll(() => t.close());

describe('the organiser’s roster', () => {
  let volunteerId: string;

  it('adds someone by name and e-mail, then a shift in the event’s zone', async () => {
    const res = await organiser.post(`${path}/volunteers`, {
      name: 'Lucía Pérez',
      email: volunteerUser.email,
      institution: 'UNIS',
      lang: 'en',
    });
    expect(res.status).toBe(303);
    volunteerId = res.headers.get('location')!.split('/').pop()!;
    const shift = await organiser.post(`${path}/volunteers/${volunteerId}/shifts`, {
      task: 'room',
      startsAt: `${day}T09:30`,
      endsAt: `${day}T12:00`,
      sessionId,
      roomId: '',
      transportRouteId: '',
      note: '',
    });
    expect(shift.status).toBe(303);
    const [row] = await t.db
      .select()
      .from(volunteerShifts)
      .where(eq(volunteerShifts.volunteerId, volunteerId));
    expect(row!.startsAt.toISOString()).toBe(`${day}T15:30:00.000Z`);
    expect(row!.roomId).not.toBeNull();
    const page = await (await organiser.get(`${path}/volunteers?q=auditorio`)).text();
    expect(page).toContain('Lucía Pérez');
    expect(page).toContain('Protección de datos');
    const none = await (await organiser.get(`${path}/volunteers?q=bus+zona`)).text();
    expect(none).toContain('Nadie del voluntariado coincide');
  });

  it('keeps what was typed and explains beside the field when a shift ends before it starts', async () => {
    const res = await organiser.post(`${path}/volunteers/${volunteerId}/shifts?lang=en`, {
      task: 'desk',
      startsAt: `${day}T14:00`,
      endsAt: `${day}T13:00`,
      note: 'Mesa 2',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="f-endsAt-error"[^>]*>The shift must end after it starts/);
    expect(html).toContain('value="Mesa 2"');
    expect(html).toContain(`value="${day}T14:00"`);
  });

  it('refuses a bus task without a bus, beside the bus field', async () => {
    const res = await organiser.post(`${path}/volunteers/${volunteerId}/shifts?lang=es`, {
      task: 'bus',
      startsAt: `${day}T07:00`,
      endsAt: `${day}T08:00`,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(
      /id="f-transportRouteId-error"[^>]*>Elija el bus de esta tarea/,
    );
  });

  it('gives access for the day: the account, the volunteer role until the end plus grace, audited', async () => {
    const res = await organiser.post(`${path}/volunteers/${volunteerId}/access`);
    expect(res.status).toBe(303);
    const [m] = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, volunteerUser.id), eq(memberships.initiativeId, a.id)));
    expect(m!.role).toBe('volunteer');
    expect(m!.expiresAt!.getTime()).toBe(event.endsAt.getTime() + 6 * 3600_000);
    const logged = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'event_day.access_given'));
    expect(logged).toHaveLength(1);
  });

  it('e-mails the shifts in the volunteer’s language, with times in the event’s zone', async () => {
    const res = await organiser.post(`${path}/volunteers/${volunteerId}/email`);
    expect(res.status).toBe(303);
    const [mail] = await t.db.select().from(outbox).where(eq(outbox.to, volunteerUser.email));
    expect(mail!.subject).toBe('Your volunteer shifts: Test forum');
    expect(mail!.text).toContain('9:30');
    expect(mail!.text).toContain('America/Guatemala');
    expect(mail!.text).toContain('Room');
    expect(mail!.text).toContain('/my/volunteering');
  });

  it('adds a network person with their e-mail and writes a volunteer participation', async () => {
    const person = await buildPerson(t.db, {
      initiative: a,
      name: 'Sofía Benítez',
      email: 'sofia.b@example.org',
    });
    const found = await (await organiser.get(`${path}/volunteers?person=benitez`)).text();
    expect(found).toContain('Añadir a Sofía Benítez al voluntariado');
    expect((await organiser.post(`${path}/volunteers`, { personId: person.id })).status).toBe(303);
    const again = await organiser.post(`${path}/volunteers`, { personId: person.id });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('ya está en la lista de voluntariado');
    const history = await t.db
      .select()
      .from(participations)
      .where(and(eq(participations.personId, person.id), eq(participations.kind, 'volunteer')));
    expect(history).toHaveLength(1);
  });

  it('prints the roster with the shifts', async () => {
    const html = await (await organiser.get(`${path}/volunteers/print`)).text();
    expect(html).toContain('/event-day/roster.css');
    expect(html).toContain('Lucía Pérez');
    expect(html).toContain('Sofía Benítez');
  });
});

describe('the volunteer on the day', () => {
  let volunteer: Agent;
  beforeAll(async () => {
    volunteer = await signedInAgent(t, volunteerUser);
  });

  it('sees their own page with their shifts and the room counts link', async () => {
    const html = await (await volunteer.get('/my/volunteering?lang=en')).text();
    expect(html).toContain('My volunteering');
    expect(html).toContain('Protección de datos');
    expect(html).toContain(`${path}/room-counts`);
    expect(html).toContain(`href="${path}/desk"`);
  });

  it('links the boarding list of the bus of a bus shift', async () => {
    const routeId = await saveRoute({
      db: t.db,
      eventId: event.id,
      input: {
        name: 'Bus USAC',
        stops: [{ name: 'USAC', time: null }],
        departsAt: null,
        returnsAt: null,
        seats: 40,
      },
    });
    const [v] = await t.db
      .select()
      .from(eventVolunteers)
      .where(eq(eventVolunteers.userId, volunteerUser.id));
    expect(
      (
        await organiser.post(`${path}/volunteers/${v!.id}/shifts?lang=es`, {
          task: 'bus',
          startsAt: `${day}T06:30`,
          endsAt: `${day}T08:00`,
          transportRouteId: routeId!,
        })
      ).status,
    ).toBe(303);
    const html = await (await volunteer.get('/my/volunteering?lang=es')).text();
    expect(html).toContain(`href="${path}/desk/bus/${routeId}"`);
    expect(html).toContain('Lista de abordaje: Bus USAC');
  });

  it('records a head count without JavaScript; a second one for the same moment replaces it', async () => {
    const form = await (await volunteer.get(`${path}/room-counts/${sessionId}`)).text();
    expect(form).toContain('name="moment"');
    expect(form).not.toContain('<script');
    expect(
      (
        await volunteer.post(`${path}/room-counts/${sessionId}`, {
          moment: 'middle',
          headcount: '80',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await volunteer.post(`${path}/room-counts/${sessionId}`, {
          moment: 'middle',
          headcount: '84',
        })
      ).status,
    ).toBe(303);
    const rows = await t.db.select().from(roomCounts).where(eq(roomCounts.sessionId, sessionId));
    expect(rows.map((r) => [r.moment, r.headcount])).toEqual([['middle', 84]]);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'event_day.room_count_recorded'));
    expect(audits.map((x) => (x.data as { previous: number | null }).previous)).toEqual([null, 80]);
  });

  it('is told beside the field when the count is not a whole number, what was typed kept', async () => {
    const res = await volunteer.post(`${path}/room-counts/${sessionId}`, {
      moment: 'end',
      headcount: '8x',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="f-headcount-error"');
    expect(html).toContain('value="8x"');
    expect(html).toMatch(/value="end"[^>]*checked/);
  });

  it('cannot open another event’s pages, nor the organisers’ pages of their own', async () => {
    const otherPath = `/i/${a.slug}/editions/${edition.slug}/events/${other.id}`;
    expect((await volunteer.get(`${otherPath}/room-counts`)).status).toBe(403);
    expect((await volunteer.get(`${path}/attendance`)).status).toBe(403);
    expect((await volunteer.get(`${path}/volunteers`)).status).toBe(403);
  });

  it('the organiser sees the count against capacity and registered interest', async () => {
    const html = await (await organiser.get(`${path}/attendance`)).text();
    expect(html).toContain('Protección de datos');
    expect(html).toMatch(/<td>84<\/td><td>120<\/td><td>70 %<\/td>/);
    expect(html).toContain('Paneles y talleres más concurridos');
  });
});

describe('taking someone off the roster', () => {
  it('deletes their shifts, ends their event access, and is audited', async () => {
    const user = await buildUser(t.db);
    const res = await organiser.post(`${path}/volunteers`, {
      name: 'Por quitar',
      email: user.email,
      institution: '',
      lang: 'es',
    });
    const id = res.headers.get('location')!.split('/').pop()!;
    await organiser.post(`${path}/volunteers/${id}/shifts`, {
      task: 'desk',
      startsAt: `${day}T08:00`,
      endsAt: `${day}T09:00`,
    });
    await organiser.post(`${path}/volunteers/${id}/access`);
    const agent = await signedInAgent(t, user);
    expect((await agent.get(`${path}/room-counts`)).status).toBe(200);
    expect((await organiser.post(`${path}/volunteers/${id}/remove`)).status).toBe(303);
    expect((await agent.get(`${path}/room-counts`)).status).toBe(403);
    expect(
      await t.db.select().from(volunteerShifts).where(eq(volunteerShifts.volunteerId, id)),
    ).toEqual([]);
    expect((await organiser.post(`${path}/volunteers/${id}/remove`)).status).toBe(404);
    const logged = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'event_day.volunteer_removed'));
    expect(logged).toHaveLength(1);
  });
});

describe('after the event', () => {
  it('the volunteer’s access has ended: 403 on the room counts, the page says so', async () => {
    const past = await buildEvent(t.db, { edition, day: '2018-10-25' });
    const user = await buildUser(t.db);
    const pastPath = `/i/${a.slug}/editions/${edition.slug}/events/${past.id}`;
    const res = await organiser.post(`${pastPath}/volunteers`, {
      name: 'Voluntario pasado',
      email: user.email,
      institution: '',
      lang: 'es',
    });
    const id = res.headers.get('location')!.split('/').pop()!;
    expect((await organiser.post(`${pastPath}/volunteers/${id}/access`)).status).toBe(303);
    const agent = await signedInAgent(t, user);
    expect((await agent.get(`${pastPath}/room-counts`)).status).toBe(403);
    expect((await organiser.get(`${pastPath}/room-counts`)).status).toBe(200);
    expect(await (await agent.get('/my/volunteering')).text()).toContain(
      'no tiene acceso a las páginas del día',
    );
  });
});
