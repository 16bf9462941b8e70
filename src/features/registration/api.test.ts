import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall } from '../../../tests/support/api-call';
import { buildInitiative, buildMember } from '../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { User } from '../../core/accounts/schema';
import type { TokenScope } from '../../core/api-tokens/schema';
import { auditLog } from '../../core/audit/schema';
import type { Initiative } from '../../core/initiatives/schema';
import type { Edition, ProgrammeEvent } from '../programme/schema';
import { transportRoutes } from './schema';

let t: TestApp;
let a: Initiative;
let organiser: User;
let volunteer: User;
let otherCoordinator: User;
let edition: Edition;
let event: ProgrammeEvent;
let path: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await buildInitiative(t.db);
  const b = await buildInitiative(t.db);
  organiser = await buildMember(t.db, { initiative: a, role: 'organiser' });
  volunteer = await buildMember(t.db, { initiative: a, role: 'volunteer' });
  otherCoordinator = await buildMember(t.db, { initiative: b, role: 'coordinator' });
  edition = await buildEdition(t.db, { initiative: a });
  event = await buildEvent(t.db, { edition });
  path = `/api/v1/initiatives/${a.slug}/editions/${edition.slug}/events/${event.id}`;
});
afterAll(() => t.close());

const rw: TokenScope[] = ['registration:read', 'registration:write'];

describe('the registration API', () => {
  it('opens registration, registers up to capacity then the waiting list, refuses a second e-mail', async () => {
    const settings = await apiCall(t, organiser, rw, `${path}/registration-settings`, 'PUT', {
      open: true,
      capacity: 1,
      opensAt: null,
      closesAt: null,
      requiresApproval: false,
      offerHours: 24,
    });
    expect(settings.status).toBe(200);
    const first = await apiCall(t, organiser, rw, `${path}/registrations`, 'POST', {
      name: 'Ana',
      email: 'ana.api@example.org',
      lang: 'en',
    });
    expect(first.status).toBe(201);
    expect(((await first.json()) as { status: string }).status).toBe('confirmed');
    const second = await apiCall(t, organiser, rw, `${path}/registrations`, 'POST', {
      name: 'Ben',
      email: 'ben.api@example.org',
    });
    const ben = (await second.json()) as { id: string; status: string };
    expect(ben.status).toBe('waiting');
    const again = await apiCall(t, organiser, rw, `${path}/registrations`, 'POST', {
      name: 'Ana',
      email: 'ANA.api@example.org',
    });
    expect(again.status).toBe(422);
    expect(JSON.stringify(await again.json())).toContain('Ya hay una inscripción con este correo');
    const bad = await apiCall(t, organiser, rw, `${path}/registrations`, 'POST', {
      name: '',
      email: 'x',
    });
    expect(bad.status).toBe(422);
    const list = (await (
      await apiCall(t, organiser, rw, `${path}/registrations?status=waiting`)
    ).json()) as {
      total: number;
      items: { email: string }[];
    };
    expect(list.total).toBe(1);
    expect(list.items[0]!.email).toBe('ben.api@example.org');
  });

  it('cancels, which offers the seat to the next person; the read is audit-logged', async () => {
    const list = (await (await apiCall(t, organiser, rw, `${path}/registrations`)).json()) as {
      items: { id: string; email: string }[];
    };
    const ana = list.items.find((r) => r.email === 'ana.api@example.org')!;
    const ben = list.items.find((r) => r.email === 'ben.api@example.org')!;
    const cancelled = await apiCall(
      t,
      organiser,
      rw,
      `${path}/registrations/${ana.id}/cancel`,
      'POST',
    );
    expect(((await cancelled.json()) as { status: string }).status).toBe('cancelled');
    const now = (await (
      await apiCall(t, organiser, rw, `${path}/registrations/${ben.id}`)
    ).json()) as {
      status: string;
    };
    expect(now.status).toBe('offered');
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'registrations.read'));
    expect(reads.length).toBeGreaterThan(0);
  });

  it('needs the scope and a role that manages registrations in this initiative', async () => {
    expect((await t.app.request(`${path}/registrations`)).status).toBe(401);
    expect((await apiCall(t, organiser, ['profile:read'], `${path}/registrations`)).status).toBe(
      403,
    );
    expect(
      (
        await apiCall(t, organiser, ['registration:read'], `${path}/registrations`, 'POST', {
          name: 'x',
          email: 'x@example.org',
        })
      ).status,
    ).toBe(403);
    expect((await apiCall(t, volunteer, rw, `${path}/registrations`)).status).toBe(403);
    expect((await apiCall(t, otherCoordinator, rw, `${path}/registrations`)).status).toBe(403);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain(
      '/api/v1/initiatives/{slug}/editions/{edition}/events/{event}/registrations',
    );
  });

  it('takes a bus seat, and refuses a full bus beside the route field', async () => {
    const [bus] = await t.db
      .insert(transportRoutes)
      .values({ eventId: event.id, name: 'Bus USAC', seats: 1 })
      .returning();
    const one = await apiCall(t, organiser, rw, `${path}/registrations`, 'POST', {
      name: 'Carla',
      email: 'carla.api@example.org',
      transportRouteId: bus!.id,
    });
    expect(((await one.json()) as { transportRouteId: string }).transportRouteId).toBe(bus!.id);
    const two = await apiCall(t, organiser, rw, `${path}/registrations`, 'POST', {
      name: 'Dora',
      email: 'dora.api@example.org',
      transportRouteId: bus!.id,
    });
    expect(two.status).toBe(422);
    expect(Object.keys(((await two.json()) as { error: { fields: object } }).error.fields)).toEqual(
      ['transportRouteId'],
    );
  });
});
