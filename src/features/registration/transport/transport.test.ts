import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiative } from '../../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../../tests/support/programme-factories';
import { registrationInput } from '../../../../tests/support/registration-factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { Initiative } from '../../../core/initiatives/schema';
import { approveRegistration, cancelRegistration, claimOffer } from '../change-status';
import { registerForEvent } from '../register-for-event';
import type { RegistrationInput } from '../registration-input';
import { saveRegistrationSettings } from '../save-settings';
import { holdingOrWaiting, registrations } from '../schema';
import { updateRegistration } from '../update-registration';
import { InputError } from '../../../http/input-error';
import { listManifest } from './list-manifest';
import { listRoutes } from './list-routes';
import { parseStops } from './route-input';
import { saveRoute } from './save-route';

let t: TestApp;
let initiative: Initiative;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
});
afterAll(() => t.close());

const input = (n: number | string, over: Partial<RegistrationInput> = {}): RegistrationInput =>
  registrationInput({ name: `Rider ${n}`, email: `rider-${n}@example.org`, ...over });

async function openEvent(capacity: number | null, requiresApproval = false) {
  const event = await buildEvent(t.db, { edition: await buildEdition(t.db, { initiative }) });
  await saveRegistrationSettings({
    db: t.db,
    eventId: event.id,
    input: { capacity, requiresApproval, offerHours: 48, opensAt: null, closesAt: null },
  });
  return event;
}

const route = (eventId: string, seats: number, name = 'Bus USAC') =>
  saveRoute({
    db: t.db,
    eventId,
    input: {
      name,
      stops: [
        { name: 'Universidad de San Carlos', time: '07:00' },
        { name: 'UNIS', time: null },
      ],
      departsAt: null,
      returnsAt: null,
      seats,
    },
  });

const register = (eventId: string, n: number | string, routeId?: string | null) =>
  registerForEvent({
    db: t.db,
    secret: 'test-secret',
    eventId,
    input: input(n, { transportRouteId: routeId }),
  });

const onRoute = async (routeId: string) =>
  (
    await t.db
      .select()
      .from(registrations)
      .where(
        and(
          eq(registrations.transportRouteId, routeId),
          inArray(registrations.status, holdingOrWaiting),
        ),
      )
  ).length;

describe('bus seats', () => {
  it('never overbooks: 40 people at once for a 5-seat bus — 5 ride, the rest get route_full and no registration', async () => {
    const event = await openEvent(null);
    const bus = await route(event.id, 5);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => register(event.id, `c${i}`, bus)),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(35);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toEqual(
        new InputError({ transportRouteId: 'transport.error.route_full' }),
      );
    expect(await onRoute(bus)).toBe(5);
    // A refused step writes nothing: the person may try again without a bus.
    const all = await t.db.select().from(registrations).where(eq(registrations.eventId, event.id));
    expect(all).toHaveLength(5);
    const again = await register(event.id, 'c39', null);
    expect(again.registration.status).toBe('confirmed');
    expect(again.registration.transportRouteId).toBeNull();
    const [listed] = await listRoutes(t.db, event.id);
    expect(listed).toMatchObject({ seats: 5, held: 5, left: 0 });
  });

  it('never overbooks while people register and others switch to the bus at the same time', async () => {
    const event = await openEvent(null);
    const bus = await route(event.id, 3);
    const first = await Promise.all(
      Array.from({ length: 6 }, (_, i) => register(event.id, `s${i}`, null)),
    );
    const results = await Promise.allSettled([
      ...first.map(({ registration: r }) =>
        updateRegistration({
          db: t.db,
          registrationId: r.id,
          input: { ...input(r.name), transportRouteId: bus },
        }),
      ),
      ...Array.from({ length: 6 }, (_, i) => register(event.id, `s-new${i}`, bus)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await onRoute(bus)).toBe(3);
  });

  it('keeps the bus seat through the waiting list, the offer and the claim; cancelling frees it', async () => {
    const event = await openEvent(1);
    const bus = await route(event.id, 2);
    const a = (await register(event.id, 'w-a', bus)).registration;
    const b = (await register(event.id, 'w-b', bus)).registration;
    expect([a.status, b.status]).toEqual(['confirmed', 'waiting']);
    // Both hold a bus seat: a third person cannot take the bus.
    await expect(register(event.id, 'w-c', bus)).rejects.toEqual(
      new InputError({ transportRouteId: 'transport.error.route_full' }),
    );
    expect(
      (await listManifest(t.db, { eventId: event.id, routeId: bus })).map((r) => r.id),
    ).toEqual([a.id]);
    const moved = await cancelRegistration({ db: t.db, registrationId: a.id });
    expect(moved.offered.map((r) => r.id)).toEqual([b.id]);
    await claimOffer({ db: t.db, registrationId: b.id });
    expect(
      (await listManifest(t.db, { eventId: event.id, routeId: bus })).map((r) => r.id),
    ).toEqual([b.id]);
    // The cancelled seat is free again.
    const c = (await register(event.id, 'w-c', bus)).registration;
    expect(c.transportRouteId).toBe(bus);
    expect(await onRoute(bus)).toBe(2);
  });

  it('keeps the bus seat of a request through approval', async () => {
    const event = await openEvent(10, true);
    const bus = await route(event.id, 1);
    const p = (await register(event.id, 'p-a', bus)).registration;
    expect(p.status).toBe('pending');
    await expect(register(event.id, 'p-b', bus)).rejects.toEqual(
      new InputError({ transportRouteId: 'transport.error.route_full' }),
    );
    const approved = await approveRegistration({ db: t.db, registrationId: p.id });
    expect(approved.changed).toMatchObject({ status: 'confirmed', transportRouteId: bus });
  });

  it('lets a registrant keep, change or drop their route through the private link', async () => {
    const event = await openEvent(null);
    const full = await route(event.id, 1, 'Full');
    const other = await route(event.id, 1, 'Other');
    const r = (await register(event.id, 'm-a', full)).registration;
    // Saving again with the same full route keeps it (their own seat does not count against them).
    await updateRegistration({
      db: t.db,
      registrationId: r.id,
      input: { ...input('m-a'), transportRouteId: full },
    });
    // Details saved without the field leave the route alone.
    const kept = await updateRegistration({ db: t.db, registrationId: r.id, input: input('m-a') });
    expect(kept.transportRouteId).toBe(full);
    const s = (await register(event.id, 'm-b', null)).registration;
    await expect(
      updateRegistration({
        db: t.db,
        registrationId: s.id,
        input: { ...input('m-b'), transportRouteId: full },
      }),
    ).rejects.toEqual(new InputError({ transportRouteId: 'transport.error.route_full' }));
    const moved = await updateRegistration({
      db: t.db,
      registrationId: r.id,
      input: { ...input('m-a'), transportRouteId: other },
    });
    expect(moved.transportRouteId).toBe(other);
    // The seat left behind is free now.
    await updateRegistration({
      db: t.db,
      registrationId: s.id,
      input: { ...input('m-b'), transportRouteId: full },
    });
    expect(await onRoute(full)).toBe(1);
  });

  it('refuses a route of another event', async () => {
    const event = await openEvent(null);
    const elsewhere = await route((await openEvent(null)).id, 10);
    await expect(register(event.id, 'x-a', elsewhere)).rejects.toEqual(
      new InputError({ transportRouteId: 'transport.error.unknown_route' }),
    );
  });

  it('will not set fewer seats than are held', async () => {
    const event = await openEvent(null);
    const bus = await route(event.id, 3);
    await register(event.id, 'l-a', bus);
    await register(event.id, 'l-b', bus);
    const change = (seats: number) =>
      saveRoute({
        db: t.db,
        eventId: event.id,
        routeId: bus,
        input: {
          name: 'Bus',
          stops: [{ name: 'USAC', time: null }],
          departsAt: null,
          returnsAt: null,
          seats,
        },
      });
    await expect(change(1)).rejects.toEqual(
      new InputError({ seats: { key: 'transport.error.seats_below_held', params: { held: 2 } } }),
    );
    await change(2);
    const [listed] = await listRoutes(t.db, event.id);
    expect(listed).toMatchObject({ name: 'Bus', seats: 2, left: 0 });
  });
});

describe('stops typed one per line', () => {
  it('reads times when given and names alone otherwise', () => {
    expect(parseStops('07:30 Universidad de San Carlos\n\n8.05 - Puma, zona 10\nUNIS')).toEqual({
      ok: true,
      stops: [
        { name: 'Universidad de San Carlos', time: '07:30' },
        { name: 'Puma, zona 10', time: '08:05' },
        { name: 'UNIS', time: null },
      ],
    });
  });

  it('names the line of a bad time or a missing name', () => {
    expect(parseStops('UNIS\n25:00 USAC')).toEqual({
      ok: false,
      message: 'transport.form.stopTime|line=2',
    });
    expect(parseStops('07:00')).toEqual({ ok: false, message: 'transport.form.stopName|line=1' });
    expect(parseStops('  \n')).toEqual({ ok: false, message: 'transport.form.noStops' });
  });
});
