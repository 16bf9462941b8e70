import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type Agent } from '../../../tests/support/agent';
import { eventWithRegistrants, giveDeskAccess } from '../../../tests/support/checkin-factories';
import {
  buildInitiative,
  buildMember,
  buildUser,
  signedInAgent,
} from '../../../tests/support/factories';
import { buildEdition, buildEvent } from '../../../tests/support/programme-factories';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { auditLog } from '../../core/audit/schema';
import { memberships } from '../../core/initiatives/schema';
import type { Initiative, MemberRole } from '../../core/initiatives/schema';
import type { User } from '../../core/accounts/schema';
import { outbox } from '../../core/mail/schema';
import type { Edition, ProgrammeEvent } from '../programme/schema';
import { saveRegistrationSettings } from '../registration/save-settings';
import { registrations, type Registration } from '../registration/schema';
import { busPlace, deskPlace } from './places';
import { checkins } from './schema';

let t: TestApp;
let initiative: Initiative;
let edition: Edition;
let volunteerUser: User;
let volunteer: Agent;
beforeAll(async () => {
  t = await createTestApp();
  initiative = await buildInitiative(t.db);
  edition = await buildEdition(t.db, { initiative });
  volunteerUser = await buildMember(t.db, { initiative, role: 'volunteer' });
  volunteer = await signedInAgent(t, volunteerUser);
});
afterAll(() => t.close());

/**
 * A test's own event with its own registrants (and bus), whose desk the volunteer works: no test
 * sees another's check-ins, whatever order they run in.
 */
async function ownEvent(o: { n: number; capacity?: number; bus?: boolean }) {
  const built = await eventWithRegistrants(t.db, { edition, secret: t.deps.secret, ...o });
  await giveDeskAccess(t.db, {
    eventId: built.event.id,
    initiativeId: initiative.id,
    user: volunteerUser,
  });
  const desk = `/i/${initiative.slug}/editions/${edition.slug}/events/${built.event.id}/desk`;
  return { ...built, routeId: built.routeId!, desk };
}

const sync = (agent: Agent, desk: string, items: unknown[]) =>
  agent.request(`${desk}/sync`, {
    method: 'POST',
    body: JSON.stringify(Array.isArray(items) ? { items } : items),
    headers: { 'content-type': 'application/json', 'x-csrf-token': agent.csrfToken() },
  });

describe('the desk without JavaScript', () => {
  it('finds a registrant, checks them in, shows it, and undoes it', async () => {
    const { people, desk } = await ownEvent({ n: 5 });
    const ana = people[0]!;
    const page = await (await volunteer.get(`${desk}?q=participante+0001&desk=Mesa+1`)).text();
    expect(page).toContain('Participante 0001');
    expect(page).not.toContain('p1@example.org');
    expect(page).toContain('0 de 5 personas acreditadas');
    const res = await volunteer.post(`${desk}/checkins`, {
      registrationId: ana.id,
      place: deskPlace,
      desk: 'Mesa 1',
      q: 'participante 0001',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${desk}?desk=Mesa+1&q=participante+0001`);
    const after = await (await volunteer.get(res.headers.get('location')!)).text();
    expect(after).toContain('Acreditación registrada.');
    expect(after).toContain('1 de 5 personas acreditadas');
    expect(after).toMatch(/Acreditada a las \d{1,2}:\d\d[^<]* · Mesa 1/);
    const [row] = await t.db.select().from(checkins).where(eq(checkins.registrationId, ana.id));
    expect(row).toMatchObject({ deskName: 'Mesa 1', outcome: 'recorded', undoneAt: null });
    const undo = await volunteer.post(`${desk}/checkins/${row!.id}/undo`, {
      desk: 'Mesa 1',
      q: 'participante 0001',
    });
    expect(undo.status).toBe(303);
    const undone = await (await volunteer.get(undo.headers.get('location')!)).text();
    expect(undone).toContain('Acreditación deshecha.');
    expect(undone).toContain('0 de 5 personas acreditadas');
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, ana.id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['checkin.recorded', 'checkin.undone']),
    );
  });

  it('finds by ticket code as a scanner types it', async () => {
    const { people, desk } = await ownEvent({ n: 3 });
    const code = people[1]!.ticketCode;
    const page = await (await volunteer.get(`${desk}?q=CONVOCA-TICKET%3A${code}`)).text();
    expect(page).toContain('Participante 0002');
    expect(page).not.toContain('Participante 0003');
  });

  it('registers a walk-in by the event’s rules, with mistakes beside the fields in es and en', async () => {
    const { event, desk } = await ownEvent({ n: 5, capacity: 6 });
    const bad = await volunteer.post(`${desk}/walk-in`, { name: '', email: 'no-es-correo' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('id="f-name-error"');
    expect(html).toContain('no-es-correo');
    const dup = await volunteer.post(`${desk}/walk-in?lang=en`, {
      name: 'Someone',
      email: 'P2@example.org',
    });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('This e-mail already has a registration');
    const ok = await volunteer.post(`${desk}/walk-in`, {
      name: 'Lucía Walk-in',
      email: 'lucia@example.org',
      institution: 'CETEL',
      desk: 'Mesa 2',
    });
    expect(ok.status).toBe(303);
    const [lucia] = await t.db
      .select()
      .from(registrations)
      .where(
        and(eq(registrations.eventId, event.id), eq(registrations.email, 'lucia@example.org')),
      );
    expect(lucia!.status).toBe('confirmed');
    const [checked] = await t.db
      .select()
      .from(checkins)
      .where(eq(checkins.registrationId, lucia!.id));
    expect(checked).toMatchObject({ deskName: 'Mesa 2', outcome: 'recorded' });
    const mail = await t.db.select().from(outbox).where(eq(outbox.to, 'lucia@example.org'));
    expect(mail).toHaveLength(1);
    // Capacity 6: the seventh person waits, and is not checked in.
    await volunteer.post(`${desk}/walk-in`, { name: 'Last seat', email: 'last@example.org' });
    const full = await volunteer.post(`${desk}/walk-in`, {
      name: 'Too late',
      email: 'late@example.org',
    });
    expect(full.status).toBe(303);
    const [late] = await t.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, 'late@example.org'));
    expect(late!.status).toBe('waiting');
    expect(await t.db.select().from(checkins).where(eq(checkins.registrationId, late!.id))).toEqual(
      [],
    );
  });
});

describe('walk-ins on the day', () => {
  it('are registered after online registration closed, but not where registration never opened', async () => {
    const closed = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1 });
    await saveRegistrationSettings({
      db: t.db,
      eventId: closed.event.id,
      input: {
        capacity: null,
        requiresApproval: false,
        offerHours: 48,
        opensAt: null,
        closesAt: new Date(Date.now() - 3_600_000),
      },
    });
    const organiser = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'organiser' }),
    );
    const base = `/i/${initiative.slug}/editions/${edition.slug}/events`;
    const ok = await organiser.post(`${base}/${closed.event.id}/desk/walk-in`, {
      name: 'Llegó tarde',
      email: 'tarde@example.org',
    });
    expect(ok.status).toBe(303);
    const [late] = await t.db
      .select()
      .from(registrations)
      .where(
        and(
          eq(registrations.eventId, closed.event.id),
          eq(registrations.email, 'tarde@example.org'),
        ),
      );
    expect(late!.status).toBe('confirmed');
    // The public form stays closed.
    const form = await createAgent(t).post(
      `/e/${edition.slug}/events/${closed.event.id}/register`,
      {
        name: 'Otra',
        email: 'otra@example.org',
      },
    );
    expect(form.status).not.toBe(303);
    const never = await buildEvent(t.db, { edition });
    const refused = await organiser.post(`${base}/${never.id}/desk/walk-in?lang=en`, {
      name: 'Nadie',
      email: 'nadie@example.org',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('error-summary');
  });
});

describe('the desk script’s data', () => {
  it('syncs a batch idempotently and reports another desk’s duplicate as a conflict', async () => {
    const other = await signedInAgent(
      t,
      await buildMember(t.db, { initiative, role: 'organiser' }),
    );
    const { people, desk } = await ownEvent({ n: 1 });
    const p = people[0]!;
    const first = {
      op: 'checkin',
      id: randomUUID(),
      registrationId: p.id,
      place: deskPlace,
      stop: null,
      deskName: 'Mesa 1',
      at: new Date().toISOString(),
    };
    const res = await sync(volunteer, desk, [first]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      results: [{ id: first.id, op: 'checkin', result: 'recorded' }],
    });
    const again = await (await sync(volunteer, desk, [first])).json();
    expect(again.results[0].result).toBe('duplicate');
    const second = { ...first, id: randomUUID(), deskName: 'Mesa 2' };
    const clash = await (await sync(other, desk, [second, { op: 'undo', id: second.id }])).json();
    expect(clash.results).toEqual([
      { id: second.id, op: 'checkin', result: 'conflict' },
      { id: second.id, op: 'undo', result: 'undone' },
    ]);
    const state = await (await volunteer.get(`${desk}/state.json?place=desk`)).json();
    expect(
      state.checkins.filter((c: { registrationId: string }) => c.registrationId === p.id),
    ).toHaveLength(1);
  });

  it('refuses a sync without the CSRF header or not a batch, and a malformed item alone', async () => {
    const { people, desk } = await ownEvent({ n: 1 });
    const res = await volunteer.request(`${desk}/sync`, {
      method: 'POST',
      body: JSON.stringify({ items: [] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(403);
    const bad = await sync(volunteer, desk, { items: 'none' } as never);
    expect(bad.status).toBe(422);
    // One malformed item is refused on its own; the rest of the queue goes through.
    const good = {
      op: 'checkin',
      id: randomUUID(),
      registrationId: people[0]!.id,
      place: deskPlace,
      stop: null,
      deskName: 'Mesa 3',
      at: new Date().toISOString(),
    };
    const mixed = await sync(volunteer, desk, [{ op: 'checkin', id: 'not-a-uuid' }, good]);
    expect(mixed.status).toBe(200);
    expect(((await mixed.json()) as { results: unknown }).results).toEqual([
      { id: 'not-a-uuid', op: 'checkin', result: 'rejected' },
      { id: good.id, op: 'checkin', result: 'recorded' },
    ]);
  });

  it('hands the device its roster without e-mails, and logs that it did', async () => {
    const { event, routeId, desk } = await ownEvent({ n: 5, bus: true });
    const res = await volunteer.get(`${desk}/roster.json`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.registrants.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(body)).not.toMatch(/@example\.org|ticketCode/);
    const bus = await (await volunteer.get(`${desk}/roster.json?route=${routeId}`)).json();
    expect(bus.registrants).toHaveLength(5);
    const logged = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'checkin.roster_downloaded'), eq(auditLog.targetId, event.id)),
      );
    expect(logged.length).toBeGreaterThanOrEqual(2);
  });

  it('serves the service worker and the QR decoder', async () => {
    const sw = await createAgent(t).get('/checkin-sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toContain('javascript');
    expect(await sw.text()).toContain("addEventListener('fetch'");
    const qr = await createAgent(t).get('/static/vendor/jsqr.js');
    expect(qr.status).toBe(200);
    expect(await qr.text()).toContain('jsQR');
    const script = await createAgent(t).get('/static/checkin-desk.js');
    expect(script.status).toBe(200);
  });
});

describe('the bus boarding list', () => {
  it('lists the riders, boards one at a stop and counts per trip', async () => {
    const { people, routeId, desk } = await ownEvent({ n: 5, bus: true });
    const page = `${desk}/bus/${routeId}`;
    const html = await (await volunteer.get(`${page}?trip=outbound&lang=es`)).text();
    for (const p of people) expect(html).toContain(p.name);
    const res = await volunteer.post(`${desk}/checkins`, {
      registrationId: people[3]!.id,
      place: busPlace(routeId, 'outbound'),
      stop: 'Puma, Boulevard Los Próceres',
      desk: 'Bus 1',
      q: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain(`/desk/bus/${routeId}?trip=outbound&stop=Puma`);
    const after = await (await volunteer.get(`${page}?trip=outbound&lang=es`)).text();
    expect(after).toContain('1 de 5 pasajeros a bordo');
    expect(after).toContain('Puma, Boulevard Los Próceres: 1');
    const back = await (await volunteer.get(`${page}?trip=return&lang=en`)).text();
    expect(back).toContain('0 of 5 passengers on board');
    const deskPage = await (await volunteer.get(`${desk}?lang=en`)).text();
    expect(deskPage).toContain('outbound: 1 of 5');
  });
});

describe('who may use the desk', () => {
  type Role =
    | 'anonymous'
    | 'user'
    | 'admin'
    | MemberRole
    | 'rosterlessVolunteer'
    | 'otherEventVolunteer'
    | 'pastEventVolunteer'
    | 'expiredVolunteer'
    | 'otherCoordinator';
  const allowed: Role[] = ['admin', 'coordinator', 'organiser', 'volunteer'];
  const roles: Role[] = [
    'anonymous',
    'user',
    'admin',
    'coordinator',
    'organiser',
    'moderator',
    'volunteer',
    'finance',
    'rosterlessVolunteer',
    'otherEventVolunteer',
    'pastEventVolunteer',
    'expiredVolunteer',
    'otherCoordinator',
  ];
  const agents = new Map<Role, Agent>();
  let pastDesk = '';
  let event: ProgrammeEvent;
  let target: Registration;
  let routeId = '';
  let desk = '';
  beforeAll(async () => {
    const own = await ownEvent({ n: 1, bus: true });
    ({ event, routeId, desk } = own);
    target = own.people[0]!;
    agents.set('anonymous', createAgent(t));
    agents.set('user', await signedInAgent(t, await buildUser(t.db)));
    agents.set('admin', await signedInAgent(t, await buildUser(t.db, { isAdmin: true })));
    for (const role of ['coordinator', 'organiser', 'moderator', 'finance'] as const)
      agents.set(role, await signedInAgent(t, await buildMember(t.db, { initiative, role })));
    // A volunteer works the desk only of the event whose roster gives them access (0014).
    const onRoster = async (eventId: string) => {
      const user = await buildMember(t.db, { initiative, role: 'volunteer' });
      await giveDeskAccess(t.db, { eventId, initiativeId: initiative.id, user });
      return user;
    };
    agents.set('volunteer', await signedInAgent(t, await onRoster(event.id)));
    agents.set(
      'rosterlessVolunteer',
      await signedInAgent(t, await buildMember(t.db, { initiative, role: 'volunteer' })),
    );
    const other = await eventWithRegistrants(t.db, { edition, secret: 's', n: 1 });
    agents.set('otherEventVolunteer', await signedInAgent(t, await onRoster(other.event.id)));
    const past = await eventWithRegistrants(t.db, {
      edition,
      secret: 's',
      n: 1,
      day: '2018-10-25',
    });
    const pastUser = await onRoster(past.event.id);
    agents.set('pastEventVolunteer', await signedInAgent(t, pastUser));
    pastDesk = `/i/${initiative.slug}/editions/${edition.slug}/events/${past.event.id}/desk`;
    // On this event's roster, but their volunteer membership has expired.
    const expired = await onRoster(event.id);
    await t.db
      .update(memberships)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(memberships.userId, expired.id));
    agents.set('expiredVolunteer', await signedInAgent(t, expired));
    const b = await buildInitiative(t.db);
    agents.set(
      'otherCoordinator',
      await signedInAgent(t, await buildMember(t.db, { initiative: b, role: 'coordinator' })),
    );
  });

  const pages = () => [
    desk,
    `${desk}/bus/${routeId}`,
    `${desk}/roster.json`,
    `${desk}/state.json?place=desk`,
  ];
  it('a volunteer’s access ends with their event: the past event’s desk is closed to them', async () => {
    const res = await agents.get('pastEventVolunteer')!.get(pastDesk);
    expect(res.status).toBe(403);
    expect((await agents.get('coordinator')!.get(pastDesk)).status).toBe(200);
  });

  it.each(roles)('pages and data — %s', async (role) => {
    for (const path of pages()) {
      const res = await agents.get(role)!.get(path);
      const expected = allowed.includes(role) ? 200 : role === 'anonymous' ? 303 : 403;
      expect([path, res.status]).toEqual([path, expected]);
    }
  });

  it.each(roles)('checking in and syncing — %s', async (role) => {
    const agent = agents.get(role)!;
    const form = await agent.post(`${desk}/checkins`, {
      registrationId: target.id,
      place: deskPlace,
      q: '',
    });
    const batch = await sync(agent, desk, [
      {
        op: 'checkin',
        id: randomUUID(),
        registrationId: target.id,
        place: deskPlace,
        stop: null,
        deskName: role,
        at: new Date().toISOString(),
      },
    ]);
    const refused = role === 'anonymous' ? 401 : 403;
    expect(form.status).toBe(allowed.includes(role) ? 303 : refused);
    expect(batch.status).toBe(allowed.includes(role) ? 200 : refused);
    const byRole = await t.db.select().from(checkins).where(eq(checkins.deskName, role));
    expect(byRole).toHaveLength(allowed.includes(role) ? 1 : 0);
  });
});
