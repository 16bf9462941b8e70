import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type Agent } from '../../../../tests/support/agent';
import { buildInitiative, buildMember, signedInAgent } from '../../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { auditLog } from '../../../core/audit/schema';
import type { Initiative } from '../../../core/initiatives/schema';
import { outbox } from '../../../core/mail/schema';
import type { Edition, ProgrammeEvent } from '../../programme/schema';
import { cancelRegistration } from '../change-status';
import { saveRegistrationSettings } from '../save-settings';
import { registrations, transportRoutes } from '../schema';
import { listRoutes } from './list-routes';
import { saveRoute } from './save-route';

let t: TestApp;
let organiser: Agent;
let initiative: Initiative;
let edition: Edition;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  organiser = await signedInAgent(t, await buildMember(t.db, { initiative, role: 'organiser' }));
  edition = await buildEdition(t.db, { initiative });
});
afterAll(() => t.close());

async function openEvent(capacity: number | null) {
  const event = await buildEvent(t.db, { edition });
  await saveRegistrationSettings({
    db: t.db,
    eventId: event.id,
    input: { capacity, requiresApproval: false, offerHours: 48, opensAt: null, closesAt: null },
  });
  return event;
}

const managePath = (event: ProgrammeEvent) =>
  `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}/transport`;

const bus = (event: ProgrammeEvent, name: string, seats: number) =>
  saveRoute({
    db: t.db,
    eventId: event.id,
    input: {
      name,
      stops: [
        { name: 'Universidad de San Carlos de Guatemala', time: '06:45' },
        { name: 'Universidad del Istmo', time: null },
      ],
      departsAt: null,
      returnsAt: null,
      seats,
    },
  });

async function register(event: ProgrammeEvent, form: Record<string, string>, lang = 'es') {
  const visitor = createAgent(t);
  const page = await visitor.get(`/e/${edition.slug}/events/${event.id}/register?lang=${lang}`);
  const res = await visitor.post(`/e/${edition.slug}/events/${event.id}/register`, form);
  return { visitor, page: await page.text(), res };
}

describe('organisers’ transport pages', () => {
  it('explain each mistake beside its field, in Spanish and English, then create and edit a route', async () => {
    const event = await openEvent(null);
    const path = managePath(event);
    const bad = {
      name: '',
      stops: 'Universidad de San Carlos\n25:10 Puma zona 10',
      departsAt: '2018-10-25T07:00',
      returnsAt: '2018-10-25T06:00',
      seats: 'muchos',
    };
    const es = await organiser.post(path, bad);
    expect(es.status).toBe(422);
    const html = await es.text();
    expect(html).toContain('Este campo es obligatorio.');
    expect(html).toContain('La hora de la línea 2 no es válida');
    expect(html).toContain('Escribe un número entero.');
    expect(html).toContain('Universidad de San Carlos\n25:10 Puma zona 10');
    await organiser.get(`${path}?lang=en`);
    const en = await (await organiser.post(path, bad)).text();
    expect(en).toContain('The time on line 2 is not valid');
    const backwards = await organiser.post(path, {
      ...bad,
      name: 'Bus 1',
      stops: 'USAC',
      seats: '50',
    });
    expect(backwards.status).toBe(422);
    expect(await backwards.text()).toContain('The return must be after the departure.');
    await organiser.get(`${path}?lang=es`);

    const ok = await organiser.post(path, {
      name: 'Bus 3',
      stops: '06:30 Gasolinera Puma, Boulevard Los Próceres, zona 10\nUniversidad del Istmo',
      departsAt: '2018-10-25T06:30',
      returnsAt: '2018-10-25T17:00',
      seats: '50',
    });
    expect(ok.status).toBe(303);
    const [route] = await listRoutes(t.db, event.id);
    expect(route).toMatchObject({
      name: 'Bus 3',
      seats: 50,
      stops: [
        { name: 'Gasolinera Puma, Boulevard Los Próceres, zona 10', time: '06:30' },
        { name: 'Universidad del Istmo', time: null },
      ],
    });
    // Times typed in the event's zone (America/Guatemala, UTC−6).
    expect(route!.departsAt!.toISOString()).toBe('2018-10-25T12:30:00.000Z');
    const list = await (await organiser.get(path)).text();
    expect(list).toContain('Bus 3');
    expect(list).toContain('06:30 Gasolinera Puma');

    const edit = await (await organiser.get(`${path}/${route!.id}/edit`)).text();
    expect(edit).toContain('value="2018-10-25T06:30"');
    expect(edit).toContain(
      '06:30 Gasolinera Puma, Boulevard Los Próceres, zona 10\nUniversidad del Istmo',
    );
    await register(event, {
      name: 'Ana',
      email: 'ana.bus3@example.org',
      transportRouteId: route!.id,
    });
    await register(event, {
      name: 'Beto',
      email: 'beto.bus3@example.org',
      transportRouteId: route!.id,
    });
    const below = await organiser.post(`${path}/${route!.id}/edit`, {
      name: 'Bus 3',
      stops: 'Puma',
      seats: '1',
    });
    expect(below.status).toBe(422);
    expect(await below.text()).toContain('No puede ser menos que los 2 asientos ya ocupados.');
    const saved = await organiser.post(`${path}/${route!.id}/edit`, {
      name: 'Bus 3 (Puma)',
      stops: 'Puma',
      seats: '2',
    });
    expect(saved.status).toBe(303);
    const [changed] = await listRoutes(t.db, event.id);
    expect(changed).toMatchObject({ name: 'Bus 3 (Puma)', seats: 2, held: 2, departsAt: null });
  });

  it('print a manifest of confirmed and offered riders only, and export it (audited)', async () => {
    const event = await openEvent(3);
    const route = await bus(event, 'Bus 1', 10);
    const other = await bus(event, 'Bus 2', 10);
    const reg = async (name: string, routeId: string) =>
      (
        await register(event, {
          name,
          email: `${name.toLowerCase()}@example.org`,
          transportRouteId: routeId,
        })
      ).res;
    await reg('Carla', route);
    await reg('Diego', other);
    await reg('Elena', route); // second seat: confirmed
    await reg('Fabio', route); // full event: waiting list
    const [carla] = await t.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, 'carla@example.org'));
    await reg('Gabi', route); // waiting
    await cancelRegistration({ db: t.db, registrationId: carla!.id }); // Fabio is offered the seat
    const html = await (await organiser.get(`${managePath(event)}/${route}/manifest`)).text();
    expect(html).toContain('Elena');
    expect(html).toContain('Fabio');
    expect(html).not.toContain('Carla');
    expect(html).not.toContain('Gabi');
    expect(html).not.toContain('Diego');
    expect(html).toContain('href="/transport/manifest.css"');
    const css = await organiser.get('/transport/manifest.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('@media print');
    const csv = await organiser.get(`${managePath(event)}/${route}/manifest/export/csv`);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const body = await csv.text();
    expect(body.split('\n')[0]).toContain('Nombre completo');
    expect(body).toContain('Elena');
    expect(body).not.toContain('Gabi');
    const xlsx = await organiser.get(`${managePath(event)}/${route}/manifest/export/xlsx`);
    expect(xlsx.status).toBe(200);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'transport.manifest_exported'))
      .orderBy(desc(auditLog.at));
    expect(entry).toMatchObject({ targetId: route });
    // A route of another event is not found here.
    const elsewhere = await bus(await openEvent(null), 'Elsewhere', 5);
    expect((await organiser.get(`${managePath(event)}/${elsewhere}/manifest`)).status).toBe(404);
  });
});

describe('choosing a route when registering', () => {
  it('offers routes with seats left after “no transport”, hides a full one, and keeps the form when a route fills up meanwhile', async () => {
    const event = await openEvent(null);
    const small = await bus(event, 'Bus pequeño', 1);
    const big = await bus(event, 'Bus grande', 40);
    const form = await register(event, { name: 'Hugo', email: 'hugo@example.org' });
    const none = form.page.indexOf('No necesito transporte');
    expect(none).toBeGreaterThan(0);
    expect(form.page.indexOf('Bus pequeño')).toBeGreaterThan(none);
    expect(form.page).toContain('quedan 1 asientos');
    expect(form.page).toContain(
      '06:45 Universidad de San Carlos de Guatemala → Universidad del Istmo',
    );
    // Two people have the form open; the first takes the last seat.
    const late = createAgent(t);
    await late.get(`/e/${edition.slug}/events/${event.id}/register`);
    const first = await register(event, {
      name: 'Irene',
      email: 'irene@example.org',
      transportRouteId: small,
    });
    expect(first.res.status).toBe(303);
    const refused = await late.post(`/e/${edition.slug}/events/${event.id}/register`, {
      name: 'Julia Ramírez',
      email: 'julia@example.org',
      institution: 'USAC',
      transportRouteId: small,
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Esa ruta se llenó mientras completabas el formulario.');
    expect(html).toContain('id="f-transportRouteId-error"');
    expect(html).toContain('value="Julia Ramírez"');
    expect(html).toContain('value="USAC"');
    expect(html).not.toContain('Bus pequeño');
    expect(html).toContain('Bus grande');
    const [julia] = await t.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, 'julia@example.org'));
    expect(julia).toBeUndefined();
    const again = await late.post(`/e/${edition.slug}/events/${event.id}/register`, {
      name: 'Julia Ramírez',
      email: 'julia@example.org',
      transportRouteId: big,
    });
    expect(again.status).toBe(303);
    const mail = (
      await t.db
        .select()
        .from(outbox)
        .where(eq(outbox.to, 'julia@example.org'))
        .orderBy(desc(outbox.createdAt))
    )[0]!;
    expect(mail.text).toContain(
      'Transporte: Bus grande · 06:45 Universidad de San Carlos de Guatemala',
    );
  });

  it('lets a registrant keep their full route or change it on the private page, and frees it on cancelling', async () => {
    const event = await openEvent(null);
    const small = await bus(event, 'Ruta llena', 1);
    const { visitor, res } = await register(
      event,
      { name: 'Karla', email: 'karla@example.org', transportRouteId: small },
      'en',
    );
    const link = res.headers.get('location')!;
    const page = await (await visitor.get(link)).text();
    expect(page).toContain('Transport to the event');
    expect(page).toContain('Ruta llena');
    expect(page).toContain('your seat');
    expect(page).toMatch(new RegExp(`value="${small}" checked`));
    const dropped = await visitor.post(link, { name: 'Karla', transportRouteId: '' });
    expect(dropped.status).toBe(303);
    const [row] = await t.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, 'karla@example.org'));
    expect(row!.transportRouteId).toBeNull();
    expect((await listRoutes(t.db, event.id))[0]!.left).toBe(1);
    await visitor.post(link, { name: 'Karla', transportRouteId: small });
    expect((await listRoutes(t.db, event.id))[0]!.left).toBe(0);
    await visitor.post(`${link}/cancel`, {});
    expect((await listRoutes(t.db, event.id))[0]!.left).toBe(1);
    const [route] = await t.db.select().from(transportRoutes).where(eq(transportRoutes.id, small));
    expect(route!.seats).toBe(1);
  });
});
