import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../../../../tests/support/api-call';
import { buildInitiative, buildMember, signedInAgent } from '../../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../../tests/support/programme-factories';
import { registrationInput } from '../../../../tests/support/registration-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { User } from '../../../core/accounts/schema';
import type { TokenScope } from '../../../core/api-tokens/schema';
import type { Initiative } from '../../../core/initiatives/schema';
import type { Edition, ProgrammeEvent } from '../../programme/schema';
import { registerForEvent } from '../register-for-event';
import { saveRegistrationSettings } from '../save-settings';
import { listRoutes } from './list-routes';

let t: TestApp;
let initiative: Initiative;
let organiser: User;
let moderator: User;
let edition: Edition;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  organiser = await buildMember(t.db, { initiative, role: 'organiser' });
  moderator = await buildMember(t.db, { initiative, role: 'moderator' });
  edition = await buildEdition(t.db, { initiative });
});
afterAll(() => t.close());

async function openEvent() {
  const event = await buildEvent(t.db, { edition });
  await saveRegistrationSettings({
    db: t.db,
    eventId: event.id,
    input: { capacity: 10, requiresApproval: false, offerHours: 48, opensAt: null, closesAt: null },
  });
  return event;
}

const pathOf = (event: ProgrammeEvent) =>
  `/api/v1/initiatives/${initiative.slug}/editions/${edition.slug}/events/${event.id}/transport-routes`;

const rw: TokenScope[] = ['registration:read', 'registration:write'];
const bus = {
  name: 'Bus 1',
  stops: [{ name: 'Universidad de San Carlos de Guatemala', time: '06:45' }, { name: 'UNIS' }],
  departsAt: '2018-10-25T06:45:00-06:00',
  returnsAt: null,
  seats: 2,
};

async function rider(event: ProgrammeEvent, routeId: string, n: number) {
  await registerForEvent({
    db: t.db,
    secret: t.deps.secret,
    eventId: event.id,
    input: registrationInput({
      name: `Estudiante ${n}`,
      email: `estudiante${n}@example.org`,
      institution: 'USAC',
      stakeholderGroup: 'civil_society',
      country: 'GT',
      transportRouteId: routeId,
    }),
  });
}

describe('the transport API', () => {
  it('creates, lists, changes and deletes a route; lists its passengers; refuses seats below those held and deleting a chosen route', async () => {
    const event = await openEvent();
    const path = pathOf(event);
    const created = await apiCall(t, organiser, rw, path, 'POST', bus);
    expect(created.status).toBe(201);
    const route = (await created.json()) as { id: string; stops: unknown; departsAt: string };
    expect(route.stops).toEqual([
      { name: 'Universidad de San Carlos de Guatemala', time: '06:45' },
      { name: 'UNIS', time: null },
    ]);
    expect(route.departsAt).toBe('2018-10-25T12:45:00.000Z');

    await rider(event, route.id, 1);
    await rider(event, route.id, 2);
    const list = (await (await apiCall(t, organiser, rw, path)).json()) as {
      items: { held: number; left: number }[];
    };
    expect(list.items).toMatchObject([{ held: 2, left: 0 }]);
    const riders = (await (
      await apiCall(t, organiser, rw, `${path}/${route.id}/passengers`)
    ).json()) as {
      items: { name: string }[];
    };
    expect(riders.items.map((r) => r.name)).toEqual(['Estudiante 1', 'Estudiante 2']);

    const shrink = await apiCall(t, organiser, rw, `${path}/${route.id}`, 'PUT', {
      ...bus,
      seats: 1,
    });
    expect(shrink.status).toBe(422);
    expect(
      ((await shrink.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toEqual({ seats: 'No puede ser menos que los 2 asientos ya ocupados.' });
    const grow = await apiCall(t, organiser, rw, `${path}/${route.id}`, 'PUT', {
      ...bus,
      seats: 40,
    });
    expect((await grow.json()) as { seats: number; left: number }).toMatchObject({
      seats: 40,
      left: 38,
    });

    const chosen = await apiCall(t, organiser, rw, `${path}/${route.id}`, 'DELETE');
    expect(chosen.status).toBe(422);
    expect((await listRoutes(t.db, event.id)).length).toBe(1);
    const spare = (await (
      await apiCall(t, organiser, rw, path, 'POST', { ...bus, name: 'Bus 2' })
    ).json()) as {
      id: string;
    };
    expect((await apiCall(t, organiser, rw, `${path}/${spare.id}`, 'DELETE')).status).toBe(204);
    expect((await listRoutes(t.db, event.id)).map((r) => r.name)).toEqual(['Bus 1']);
  });

  it('validates input field by field', async () => {
    const event = await openEvent();
    const res = await apiCall(t, organiser, rw, pathOf(event), 'POST', {
      ...bus,
      stops: [{ name: 'USAC', time: '25:00' }],
      departsAt: '2018-10-25T08:00:00-06:00',
      returnsAt: '2018-10-25T07:00:00-06:00',
      seats: 0,
    });
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { error: { fields: Record<string, string> } }).error
      .fields;
    expect(Object.keys(fields).sort()).toEqual(['returnsAt', 'seats', 'stops.0.time']);
    expect(fields.returnsAt).toBe('El regreso debe ser después de la salida.');
  });

  it('needs the scope and a role that manages registrations', async () => {
    const event = await openEvent();
    const path = pathOf(event);
    expect((await apiCall(t, organiser, ['registration:read'], path, 'POST', bus)).status).toBe(
      403,
    );
    expect((await apiCall(t, moderator, rw, path)).status).toBe(403);
    expect((await t.app.request(path)).status).toBe(401);
    // A write without any token is a 401 too, not a CSRF refusal.
    const anonymous = await t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bus),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('deleting a route on the organisers’ page', () => {
  it('asks first, refuses while someone chose it, then deletes', async () => {
    const event = await openEvent();
    const agent = await signedInAgent(t, organiser);
    const page = `/i/${initiative.slug}/editions/${edition.slug}/events/${event.id}/transport`;
    const created = (await (
      await apiCall(t, organiser, rw, pathOf(event), 'POST', bus)
    ).json()) as {
      id: string;
    };
    await rider(event, created.id, 3);
    const confirm = await (await agent.get(`${page}/${created.id}/delete`)).text();
    expect(confirm).toContain('¿Borrar la ruta «Bus 1»? No se puede deshacer.');
    const refused = await agent.post(`${page}/${created.id}/delete`, {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('No se puede borrar: 1 inscripciones');
    expect((await listRoutes(t.db, event.id)).length).toBe(1);

    const other = await openEvent();
    const empty = (await (await apiCall(t, organiser, rw, pathOf(other), 'POST', bus)).json()) as {
      id: string;
    };
    const otherPage = `/i/${initiative.slug}/editions/${edition.slug}/events/${other.id}/transport`;
    const done = await agent.post(`${otherPage}/${empty.id}/delete`, {});
    expect(done.status).toBe(303);
    expect(await listRoutes(t.db, other.id)).toEqual([]);
  });
});
